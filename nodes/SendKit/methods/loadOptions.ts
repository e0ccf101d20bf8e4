import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { apiRequest } from '../../common/request';
import { readTagNames, sendKit } from '../provider';

/** The workspace's AI tag labels (`GET /v1/tags`); SendKit takes the tag by its name. */
export async function getAiTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const data = await apiRequest.call(this, sendKit, { method: 'GET', path: '/v1/tags' });
	return readTagNames(data)
		.sort((a, b) => a.localeCompare(b))
		.map((name) => ({ name, value: name }));
}
