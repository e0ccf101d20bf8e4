import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { apiRequest } from '../../common/request';
import { smartlead } from '../provider';

interface Category {
	id?: number | string;
	name?: string;
	sentiment_type?: string;
}

/** The account's lead categories (`GET /leads/fetch-categories`), by name; Smartlead takes the ID. */
export async function getLeadCategories(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const answer = await apiRequest.call(this, smartlead, { method: 'GET', path: '/leads/fetch-categories' });
	const list = Array.isArray(answer) ? answer : ((answer as { data?: unknown })?.data ?? []);
	return (Array.isArray(list) ? (list as Category[]) : [])
		.filter((category) => category.id !== undefined && category.id !== null && /^\d+$/.test(String(category.id)))
		.map((category) => ({
			name: category.name ?? String(category.id),
			value: Number(category.id),
			description: category.sentiment_type ? `${category.sentiment_type} (ID ${category.id})` : `ID ${category.id}`,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
