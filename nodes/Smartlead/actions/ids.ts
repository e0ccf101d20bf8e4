import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireId } from '../../common/fields';

/** A Smartlead ID parameter: Smartlead's campaign and lead IDs are whole numbers. */
export function requireNumericId(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const id = requireId(ctx, name, label, itemIndex);
	if (!/^\d+$/.test(id)) {
		throw new NodeOperationError(ctx.getNode(), `${label} (${name}) must be a number, not "${id}"`, {
			itemIndex,
			description: 'Smartlead IDs are whole numbers, such as 1234567.',
		});
	}
	return id;
}

/**
 * A Smartlead ID as output: a number, as Smartlead's own answers carry IDs, while the number is
 * exact; above 2^53 the text, so no digit is lost.
 */
export const exactId = (id: string): number | string => (Number.isSafeInteger(Number(id)) ? Number(id) : id);
