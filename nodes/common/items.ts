import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isRecord } from './records';
import type { Provider } from './request';

/** What one input item produces: one record, or many (a read), each becoming an output item. */
export type ItemHandler = (itemIndex: number) => Promise<IDataObject | IDataObject[]>;

interface ItemError {
	message: string;
	description?: string | null;
	httpCode?: string | null;
}

/**
 * Runs `handle` for every input item, at most `concurrency` at a time, and returns its output items
 * in input order, each paired with its input: one per input, or as many as a read returned (none
 * for a read that found nothing). With "continue on fail" a failing item becomes an error item and
 * the rest go on; otherwise no new item starts after a failure, the ones in flight finish, and the
 * first failure (by item order) is thrown.
 */
export async function runItems(
	ctx: IExecuteFunctions,
	handle: ItemHandler,
	concurrency = 1,
): Promise<INodeExecutionData[]> {
	const count = ctx.getInputData().length;
	const results: INodeExecutionData[][] = new Array(count);
	const failures: Array<{ itemIndex: number; error: Error }> = [];
	const continueOnFail = ctx.continueOnFail();
	let next = 0;

	const worker = async () => {
		while (next < count && failures.length === 0) {
			const itemIndex = next++;
			try {
				const answer = await handle(itemIndex);
				const records = Array.isArray(answer) ? answer : [answer];
				results[itemIndex] = records.map((record) => ({ json: asItemJson(record), pairedItem: { item: itemIndex } }));
			} catch (caught) {
				const error = asNodeError(ctx, caught, itemIndex);
				if (!continueOnFail) {
					failures.push({ itemIndex, error });
					continue;
				}
				const { message, description, httpCode } = error as ItemError;
				const json: IDataObject = { error: message };
				if (description) json.description = description;
				if (httpCode) json.httpCode = httpCode;
				results[itemIndex] = [{ json, pairedItem: { item: itemIndex } }];
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));

	if (failures.length) {
		throw failures.sort((a, b) => a.itemIndex - b.itemIndex)[0].error;
	}
	return results.flat();
}

/** An item's `json` is always an object: any other answer (a list, a scalar) is kept under `response`. */
function asItemJson(value: unknown): IDataObject {
	if (isRecord(value)) return value;
	return { response: (value ?? null) as IDataObject[string] };
}

function asNodeError(ctx: IExecuteFunctions, caught: unknown, itemIndex: number): Error {
	if (caught instanceof Error && 'node' in caught) return caught;
	const error = caught instanceof Error ? caught : new Error(String(caught));
	return new NodeOperationError(ctx.getNode(), error, { itemIndex });
}

/**
 * An action's output item: the provider's answer plus the IDs acted on, so the next node can chain
 * on them. An answer that is not one record (a list, a scalar) is kept under the provider's
 * `listKey`.
 */
export function withIds({ listKey }: Pick<Provider, 'listKey'>, answer: unknown, ids: IDataObject): IDataObject {
	if (isRecord(answer)) return { ...answer, ...ids };
	return { ...ids, [listKey]: (answer ?? null) as IDataObject[string] };
}
