import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A boolean parameter, checked before any request: an expression may give text or anything else. */
export function readFlag(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): boolean {
	const raw = ctx.getNodeParameter(name, itemIndex, false) as unknown;
	if (typeof raw === 'boolean') return raw;
	const text = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
	if (text === 'true' || text === 'false') return text === 'true';
	throw new NodeOperationError(ctx.getNode(), `"${label}" (${name}) must be true or false, not ${JSON.stringify(raw)}`, { itemIndex });
}
