import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { batchSizeOption } from '../../../common/descriptions';
import { readAddressOrDomain, readBatchSize } from '../../../common/fields';
import type { Batch, BatchEntry, Send } from '../../../common/router';
import { isRecord } from '../../../common/records';
import { countOf, distinct } from '../../batch';
import { dataOf } from '../../provider';
import { value } from './value';

export const properties: INodeProperties[] = [
	value,
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		default: '',
		description: 'Why the entry is on the list, kept by SendKit with it',
		placeholder: 'e.g. Asked to be removed',
	},
];

/** Its own fields of Options; SendKit publishes no maximum for `POST /v1/dnc`, 1,000 is ours (MAX_DNC_PER_REQUEST). */
export const options: INodeProperties[] = [
	batchSizeOption(1000, 'How many entries go in one request (at most 1,000)'),
];

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<BatchEntry> {
	const entry: IDataObject = { email: readAddressOrDomain(this, itemIndex).value };
	const reason = this.getNodeParameter('reason', itemIndex, '') as unknown;
	if (typeof reason === 'object' && reason !== null) {
		throw new NodeOperationError(this.getNode(), `Reason (reason) must be text, not ${JSON.stringify(reason)}`, { itemIndex });
	}
	const why = String(reason ?? '').trim();
	if (why !== '') entry.reason = why;
	return { group: {}, maxSize: readBatchSize(this, itemIndex, options), entry };
}

/**
 * `POST /v1/dnc {entries: [{email, reason?}]}`, the documented form [docs]; SendKit answers
 * `{added, skipped}` and skips what is already listed. The same value twice in one request is sent
 * once. Every item is `added` when nothing was skipped, `skipped` when nothing was added, else
 * `batchCounts`.
 */
export async function sendBatch(this: IExecuteFunctions, { entries }: Batch, send: Send): Promise<IDataObject[]> {
	const values = distinct(entries.map((entry) => String(entry.email)));
	const sent = values.map((email) => entries.find((entry) => entry.email === email) as IDataObject);
	const answer = dataOf(await send({ method: 'POST', path: '/v1/dnc', body: { entries: sent } }));
	const data = isRecord(answer) ? answer : {};
	const added = countOf(data.added);
	const skipped = countOf(data.skipped);
	let status: 'added' | 'skipped' | 'batchCounts' = 'batchCounts';
	if (skipped === 0 && added === values.length) status = 'added';
	else if (added === 0 && skipped === values.length) status = 'skipped';
	return entries.map((entry) => ({
		value: entry.email as string,
		status,
		...(status === 'skipped' ? { reason: 'already on the do-not-contact list' } : {}),
		batch: { size: values.length, added: added ?? null, skipped: skipped ?? null },
	}));
}
