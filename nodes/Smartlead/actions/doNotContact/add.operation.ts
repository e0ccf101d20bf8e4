import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { providerMessage } from '../../../common/errors';
import { isRecord } from '../../../common/records';
import type { Batch, BatchEntry, Send } from '../../../common/router';
import { readAddressOrDomain } from '../../../common/fields';
import { valueParameter } from './value';

/**
 * The most values sent in one request. Smartlead documents no maximum for the block list [inferred]:
 * 400 is the maximum it documents for its other list write, adding leads
 * (docs/providers/smartlead.md, "Do-not-contact list").
 */
export const MAX_VALUES_PER_REQUEST = 400;

export const properties: INodeProperties[] = [valueParameter];

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<BatchEntry> {
	return { group: {}, maxSize: MAX_VALUES_PER_REQUEST, entry: { value: readAddressOrDomain(this, itemIndex).value } };
}

/** A count as Smartlead may write it: a number or a number in a string. */
const countOf = (value: unknown) =>
	typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : undefined;

/**
 * `POST /leads/add-domain-block-list {domain_block_list}`, each value once. Every item is `added`
 * (on the list: Smartlead keeps a value once), unless the answer counts fewer added than sent
 * [?]: then `batchCounts`. An answer `{ok: false}` fails the whole batch with Smartlead's message.
 */
export async function sendBatch(this: IExecuteFunctions, batch: Batch, send: Send): Promise<Array<IDataObject | Error>> {
	const values = [...new Set(batch.entries.map((entry) => String(entry.value)))];
	const answer = await send({ method: 'POST', path: '/leads/add-domain-block-list', body: { domain_block_list: values } });
	const record = isRecord(answer) ? answer : {};
	if (record.ok === false) {
		throw new NodeOperationError(this.getNode(), `Smartlead did not add to the block list: ${providerMessage(record) ?? 'it answered ok: false'}`, {
			itemIndex: batch.itemIndexes[0],
		});
	}
	const added = ['added_count', 'inserted_count', 'upload_count'].map((key) => countOf(record[key])).find((count) => count !== undefined);
	const status = added !== undefined && added < values.length ? 'batchCounts' : 'added';
	const info: IDataObject = isRecord(answer) ? { size: values.length, ...answer } : { size: values.length, response: (answer ?? null) as IDataObject[string] };
	return batch.entries.map((entry) => ({ value: entry.value, status, batch: info }));
}
