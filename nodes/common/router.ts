import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
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

/** An entry of a map by its own key: a value such as "constructor" names nothing. */
const ownEntry = <T>(map: Record<string, T> | undefined, key: string): T | undefined =>
	map && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;

/**
 * A resource's parameters: its Operation list and each operation's own parameters, shown for that
 * operation only. An option without an operation, or an operation without an option, fails when
 * the node loads rather than when a user picks it.
 */
export function describeResource(
	resource: string,
	operations: ResourceOperations,
	defaultOperation: string,
	options: INodePropertyOptions[],
): INodeProperties[] {
	const listed = options.map((option) => String(option.value));
	const missing = [
		...listed.filter((value) => ownEntry(operations, value) === undefined),
		...Object.keys(operations).filter((value) => !listed.includes(value)),
	];
	if (missing.length) throw new Error(`The ${resource} operations and their options differ: ${missing.join(', ')}`);
	const operation: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
	const parameters = Object.entries(operations).flatMap(([value, { properties }]) =>
		updateDisplayOptions({ show: { resource: [resource], operation: [value] } }, properties),
	);
	return [operation, ...parameters];
}

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
	const operation = ownEntry(ownEntry(resources, resource), operationName);
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
