import type { INodeProperties, INodeType } from 'n8n-workflow';

import { Lemlist } from '../../nodes/Lemlist/Lemlist.node';
import { LemlistTrigger } from '../../nodes/Lemlist/LemlistTrigger.node';
import { SendKit } from '../../nodes/SendKit/SendKit.node';
import { SendKitTrigger } from '../../nodes/SendKit/SendKitTrigger.node';
import { Smartlead } from '../../nodes/Smartlead/Smartlead.node';
import { SmartleadTrigger } from '../../nodes/Smartlead/SmartleadTrigger.node';

/**
 * What n8n's lint rules check on a collection written out whole, checked on the built
 * descriptions: shared collections (`collection()`, `statusFilter()`) and the Operation lists hide
 * their items from the linter.
 */
const nodes: INodeType[] = [new Lemlist(), new LemlistTrigger(), new Smartlead(), new SmartleadTrigger(), new SendKit(), new SendKitTrigger()];

/** Every parameter of a node, nested ones included, with the path that leads to it. */
function* parameters(properties: INodeProperties[], path: string): Generator<[string, INodeProperties]> {
	for (const property of properties) {
		const here = `${path}.${property.name}`;
		yield [here, property];
		if (property.type === 'collection') yield* parameters((property.options ?? []) as INodeProperties[], here);
	}
}

const all = nodes.flatMap((node) => [...parameters(node.description.properties, node.description.name)]);

describe('node descriptions', () => {
	it.each(all.filter(([, property]) => property.type === 'collection' && (property.options ?? []).length >= 5))(
		'%s: a collection of five or more lists its fields by display name',
		(_path, property) => {
			const names = (property.options as INodeProperties[]).map((option) => option.displayName);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		},
	);

	it.each(all.filter(([, property]) => property.type === 'options' && property.name !== 'operation' && (property.options ?? []).length >= 5))(
		'%s: a list of five or more choices is sorted by name',
		(_path, property) => {
			const names = (property.options as Array<{ name: string }>).map((option) => option.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		},
	);

	it.each(all.filter(([, property]) => property.name === 'operation'))('%s: operations are listed by name, each with an action', (_path, property) => {
		const options = property.options as Array<{ name: string; action?: string }>;
		expect(options.map((option) => option.name)).toEqual(options.map((option) => option.name).sort((a, b) => a.localeCompare(b)));
		for (const option of options) expect(option.action).toMatch(/^[A-Z][a-z]/);
	});

	it('every operation of a resource shows its own parameters only under it', () => {
		for (const node of nodes) {
			for (const property of node.description.properties) {
				const show = property.displayOptions?.show;
				if (!show?.operation) continue;
				expect(show.resource).toHaveLength(1);
				expect(show.operation).toHaveLength(1);
			}
		}
	});
});
