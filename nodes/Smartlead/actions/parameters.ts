import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A boolean parameter, also as "true"/"false" text from an expression; anything else fails the item. */
export function readBoolean(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): boolean {
	const value = ctx.getNodeParameter(name, itemIndex, false) as unknown;
	if (typeof value === 'boolean') return value;
	const text = String(value).trim().toLowerCase();
	if (text === 'true' || text === 'false') return text === 'true';
	throw new NodeOperationError(ctx.getNode(), `${label} (${name}) must be true or false, not ${JSON.stringify(value)}`, { itemIndex });
}
