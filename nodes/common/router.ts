import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Clock } from './clock';
import { runItems } from './items';
import { apiRequest, type ApiRequest, type Provider } from './request';

/** Sends one request for the item being run, through the pipeline of its node and clock. */
export type Send = (request: ApiRequest) => Promise<unknown>;

/** One operation: its own parameters, and what it does for one item (a read answers many records). */
export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject | IDataObject[]>;
}

export type OperationMap = Record<string, Record<string, Operation>>;

/**
 * A node's `execute`: picks the operation chosen in the node and runs it over every input item,
 * every request on `clock`.
 */
export function executeOperations(
	provider: Provider,
	operations: OperationMap,
	clock: Clock,
): (this: IExecuteFunctions) => Promise<INodeExecutionData[][]> {
	return async function (this: IExecuteFunctions) {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operationName = this.getNodeParameter('operation', 0) as string;
		const operation = operations[resource]?.[operationName];
		if (!operation) {
			throw new NodeOperationError(
				this.getNode(),
				`The operation "${operationName}" of "${resource}" is not supported by this node`,
			);
		}
		const items = await runItems(
			this,
			async (itemIndex) =>
				await operation.execute.call(this, itemIndex, async (request) =>
					await apiRequest.call(this, provider, request, itemIndex, clock),
				),
			provider.concurrency,
		);
		return [items];
	};
}
