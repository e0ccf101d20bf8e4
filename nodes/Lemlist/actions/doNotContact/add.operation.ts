import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withIds } from '../../../common/items';
import { apiPath } from '../../../common/request';
import type { Send } from '../../../common/router';
import { lemlist } from '../../provider';
import { readAddressOrDomain } from '../../../common/fields';
import { listedForm, valueParameter } from './value';

export const properties: INodeProperties[] = [valueParameter];

/**
 * Puts an address or a domain on the team's unsubscribe list: `POST /unsubscribes/{value}` (a
 * domain as "@example.com"). lemlist answers `{_id, value, email?}`; the item adds `{value, status}`.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject> {
	const entry = readAddressOrDomain(this, itemIndex);
	const { value } = entry;
	const listed = listedForm(entry);
	const answer = await send({ method: 'POST', path: apiPath`/unsubscribes/${listed}` });
	return withIds(lemlist, answer, { value, status: 'added' });
}
