import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { collection, returnAllOrLimit, statusFilter } from '../../../common/descriptions';
import { readCollection } from '../../../common/fields';
import { readLimit, readPages } from '../../../common/paging';
import { isRecord } from '../../../common/records';
import type { Send } from '../../../common/router';

// A named constant: execute checks the values against its options.
const filters = collection('filters', [
	{
		displayName: 'Client ID',
		name: 'client_id',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 1,
		description: 'Only the campaigns of this client (agency accounts); Smartlead applies it',
	},
	{
		displayName: 'Include Tags',
		name: 'include_tags',
		type: 'boolean',
		default: true,
		description: "Whether each campaign comes with its tags; Smartlead adds them",
	},
	statusFilter(
		[
			{ name: 'Active', value: 'ACTIVE' },
			{ name: 'Archived', value: 'ARCHIVED' },
			{ name: 'Completed', value: 'COMPLETED' },
			{ name: 'Drafted', value: 'DRAFTED' },
			{ name: 'Paused', value: 'PAUSED' },
			{ name: 'Stopped', value: 'STOPPED' },
		],
		'ACTIVE',
		"Only campaigns with this status. Smartlead's list has no status filter: the node applies it to the list it answers.",
	),
]);

export const properties: INodeProperties[] = [...returnAllOrLimit, filters];

/** Simplify keeps each campaign's identity and state. */
export const simplified = ['id', 'name', 'status', 'created_at', 'updated_at', 'client_id', 'tags'];

/**
 * The account's campaigns. `GET /campaigns/` answers all of them at once, with no paging (a bare
 * array; a newer docs page also shows `{campaigns: [...]}`): the limit is applied to that list, and
 * so is the status filter, which Smartlead does not have.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const { status, ...query } = readCollection(this, itemIndex, filters);
	return await readPages<never>('Smartlead', limit, async () => {
		const answer = await send({ method: 'GET', path: '/campaigns/', qs: query });
		const list = Array.isArray(answer) ? answer : isRecord(answer) ? (answer.campaigns ?? answer.data) : undefined;
		if (!Array.isArray(list)) {
			throw new NodeOperationError(this.getNode(), 'Smartlead answered GET /campaigns/ without a list of campaigns', {
				itemIndex,
				description: `The answer had: ${isRecord(answer) ? Object.keys(answer).join(', ') || 'nothing' : typeof answer}.`,
			});
		}
		const records = list.filter(isRecord).filter((campaign) => status === undefined || campaign.status === status);
		return { records };
	});
}
