import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asNodeError, withIds } from '../../../common/items';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { lemlist } from '../../provider';
import { readAddressOrDomain } from '../../../common/fields';
import { listedForm, valueParameter } from './value';

export const properties: INodeProperties[] = [valueParameter];

/** lemlist's 404 for a value that is not on the list (not the 404 of an unknown API key). */
const notOnTheList = (error: unknown) =>
	(error as { httpCode?: unknown })?.httpCode === '404' && /unsubscribe not found/i.test(String((error as Error)?.message));

/**
 * Takes an address or a domain off the team's unsubscribe list: `DELETE /unsubscribes/{value}`. A
 * value that is not on the list is `status: "skipped"` rather than a failure.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const entry = readAddressOrDomain(this, itemIndex);
	const { value } = entry;
	const listed = listedForm(entry);
	let answer: unknown;
	try {
		answer = await send({ method: 'DELETE', path: apiPath`/unsubscribes/${listed}` });
	} catch (error) {
		if (notOnTheList(error)) return { value, status: 'skipped', reason: 'not on the unsubscribe list' };
		// Already the pipeline's NodeApiError, with lemlist's message: passed on as it is.
		throw asNodeError(this, error, itemIndex);
	}
	return withIds(lemlist, answer, { value, status: 'removed' });
}
