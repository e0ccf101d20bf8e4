import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runItems } from './items';
import type { Provider } from './request';

/** One operation: its own parameters, and what it does for one item. */
export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject>;
}

export type OperationMap = Record<string, Record<string, Operation>>;

/** Picks the operation chosen in the node and runs it over every input item. */
export async function route(
	this: IExecuteFunctions,
	provider: Provider,
	operations: OperationMap,
): Promise<INodeExecutionData[][]> {
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
		async (itemIndex) => await operation.execute.call(this, itemIndex),
		provider.concurrency,
	);
	return [items];
}
