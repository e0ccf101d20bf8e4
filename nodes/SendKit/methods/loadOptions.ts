import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { isRecord } from '../../common/records';
import { apiRequest } from '../../common/request';
import { dataOf, sendKit } from '../provider';

/** The names of the workspace's AI tag labels from `GET /v1/tags` (`name` per tag [inferred]). */
function readTagNames(data: unknown): string[] {
	const list = Array.isArray(data) ? data : isRecord(data) && Array.isArray(data.tags) ? data.tags : [];
	const names = list
		.map((tag) => (typeof tag === 'string' ? tag : isRecord(tag) ? (tag.name ?? tag.label) : undefined))
		.filter((name): name is string => typeof name === 'string' && name.trim() !== '');
	return [...new Set(names)];
}

/** The workspace's AI tag labels (`GET /v1/tags`); SendKit takes the tag by its name. */
export async function getAiTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const answer = await apiRequest.call(this, sendKit, { method: 'GET', path: '/v1/tags' });
	return readTagNames(dataOf(answer))
		.sort((a, b) => a.localeCompare(b))
		.map((name) => ({ name, value: name }));
}
