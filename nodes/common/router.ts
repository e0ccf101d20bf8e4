import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { clockOfExecutions, type Clock } from './clock';
import { runItems } from './items';
import { apiRequest, type ApiRequest, type Provider } from './request';

/** Sends one request for the item being run, through the pipeline of its node and clock. */
export type Send = (request: ApiRequest) => Promise<unknown>;

/**
 * One operation, as its `*.operation.ts` module exports it: its own parameters, and what it does
 * for one item (a read answers many records).
 */
export interface Operation {
	/** Shown when its resource and operation are chosen; the resource's list adds that condition. */
	properties: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject | IDataObject[]>;
}

/** A resource's operations by operation value, as its `index.ts` lists them. */
export type ResourceOperations = Record<string, Operation>;

/** A node's resources by resource value. */
export type Resources = Record<string, ResourceOperations>;

/** The properties of a resource's operations, in the order the resource lists them, each shown for its own operation. */
export const descriptionsOf = (resource: string, operations: ResourceOperations): INodeProperties[] =>
	Object.entries(operations).flatMap(([operation, { properties }]) =>
		updateDisplayOptions({ show: { resource: [resource], operation: [operation] } }, properties),
	);

/**
 * Every node's `execute`: runs the operation chosen in the node over every input item, each
 * request through the pipeline on `clock`.
 */
export async function route(
	this: IExecuteFunctions,
	provider: Provider,
	resources: Resources,
	clock: Clock = clockOfExecutions(),
): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	// Own entries only: a value such as "constructor" names no operation.
	const own = <T>(map: Record<string, T> | undefined, key: string) =>
		map && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
	const operation = own(own(resources, resource), operationName);
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" of "${resource}" is not supported by this node`);
	}
	const items = await runItems(
		this,
		async (itemIndex) =>
			await operation.execute.call(this, itemIndex, async (request) => await apiRequest.call(this, provider, request, itemIndex, clock)),
		provider.concurrency,
	);
	return [items];
}
