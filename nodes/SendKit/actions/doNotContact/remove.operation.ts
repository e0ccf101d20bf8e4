import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { batchSizeOption } from '../../../common/descriptions';
import { readAddressOrDomain, readBatchSize } from '../../../common/fields';
import type { Batch, BatchEntry, Send } from '../../../common/router';
import { isRecord } from '../../../common/records';
import { countOf, distinct } from '../../batch';
import { dataOf } from '../../provider';
import { value } from './value';

export const properties: INodeProperties[] = [value];

/** Its own fields of Options; SendKit publishes no maximum for `DELETE /v1/dnc`, 1,000 is ours (MAX_DNC_PER_REQUEST). */
export const options: INodeProperties[] = [
	batchSizeOption(1000, 'How many entries go in one request (at most 1,000)'),
];

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<BatchEntry> {
	return { group: {}, maxSize: readBatchSize(this, itemIndex, options), entry: { email: readAddressOrDomain(this, itemIndex).value } };
}

/**
 * `DELETE /v1/dnc {emails}` [docs]; SendKit answers `{deleted}`. Every item is `removed` when every
 * value of the request was deleted, `skipped` when none was (none was on the list), else
 * `batchCounts`.
 */
export async function sendBatch(this: IExecuteFunctions, { entries }: Batch, send: Send): Promise<IDataObject[]> {
	const emails = distinct(entries.map((entry) => String(entry.email)));
	const answer = dataOf(await send({ method: 'DELETE', path: '/v1/dnc', body: { emails } }));
	const deleted = countOf(isRecord(answer) ? answer.deleted : undefined);
	let status: 'removed' | 'skipped' | 'batchCounts' = 'batchCounts';
	if (deleted === emails.length) status = 'removed';
	else if (deleted === 0) status = 'skipped';
	return entries.map((entry) => ({
		value: entry.email as string,
		status,
		...(status === 'skipped' ? { reason: 'not on the do-not-contact list' } : {}),
		batch: { size: emails.length, deleted: deleted ?? null },
	}));
}
