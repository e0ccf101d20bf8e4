import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isRecord } from './records';
import type { Provider } from './request';

/** What one input item produces: one record, or many (a read), each becoming an output item. */
export type ItemHandler = (itemIndex: number) => Promise<IDataObject | IDataObject[]>;

/** What a unit of work answers for one of its items: its record(s), or the error that fails it alone. */
export type ItemResult = IDataObject | IDataObject[] | Error;

/** A piece of work that answers for some input items: one item, or a batch sent in one request. */
export interface Unit {
	itemIndexes: number[];
	/** One result per item, in the order of `itemIndexes`; a throw fails every item of the unit. */
	run(): Promise<ItemResult[]>;
}

interface ItemError {
	message: string;
	description?: string | null;
	httpCode?: string | null;
}

export const toError = (caught: unknown): Error => (caught instanceof Error ? caught : new Error(String(caught)));

/**
 * Runs `units`, at most `concurrency` at a time, and returns their output items in input order,
 * each paired with its input: one per input, or as many as a read returned (none for a read that
 * found nothing). With "continue on fail" a failing item becomes an error item and the rest go
 * on; otherwise no new unit starts after a failure, the ones in flight finish, and the first
 * failure (by item order) is thrown.
 */
export async function runUnits(ctx: IExecuteFunctions, units: Unit[], concurrency = 1): Promise<INodeExecutionData[]> {
	const results: INodeExecutionData[][] = new Array(ctx.getInputData().length);
	const failures: Array<{ itemIndex: number; error: Error }> = [];
	const continueOnFail = ctx.continueOnFail();

	const settle = (itemIndex: number, result: ItemResult) => {
		if (result instanceof Error) {
			const error = asNodeError(ctx, result, itemIndex);
			if (!continueOnFail) {
				failures.push({ itemIndex, error });
				return;
			}
			const { message, description, httpCode } = error as ItemError;
			const json: IDataObject = { error: message };
			if (description) json.description = description;
			if (httpCode) json.httpCode = httpCode;
			results[itemIndex] = [{ json, pairedItem: { item: itemIndex } }];
			return;
		}
		const records = Array.isArray(result) ? result : [result];
		results[itemIndex] = records.map((record) => ({ json: asItemJson(record), pairedItem: { item: itemIndex } }));
	};

	let next = 0;
	const worker = async () => {
		while (next < units.length && failures.length === 0) {
			const unit = units[next++];
			let answers: ItemResult[];
			try {
				answers = await unit.run();
			} catch (caught) {
				answers = unit.itemIndexes.map(() => toError(caught));
			}
			unit.itemIndexes.forEach((itemIndex, position) => settle(itemIndex, answers[position] ?? new Error('No answer for this item')));
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, units.length)) }, worker));

	if (failures.length) {
		throw failures.sort((a, b) => a.itemIndex - b.itemIndex)[0].error;
	}
	return results.flat();
}

/** Runs `handle` for every input item, one unit each (see `runUnits`). */
export async function runItems(ctx: IExecuteFunctions, handle: ItemHandler, concurrency = 1): Promise<INodeExecutionData[]> {
	const units = ctx.getInputData().map((_item, itemIndex): Unit => ({ itemIndexes: [itemIndex], run: async () => [await handle(itemIndex)] }));
	return await runUnits(ctx, units, concurrency);
}

/** An item's `json` is always an object: any other answer (a list, a scalar) is kept under `response`. */
function asItemJson(value: unknown): IDataObject {
	if (isRecord(value)) return value;
	return { response: (value ?? null) as IDataObject[string] };
}

/** A failure as n8n shows it: the node's own errors as they are, anything else wrapped with its item. */
export function asNodeError(ctx: IExecuteFunctions, caught: unknown, itemIndex: number): Error {
	if (caught instanceof Error && 'node' in caught) return caught;
	return new NodeOperationError(ctx.getNode(), toError(caught), { itemIndex });
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
