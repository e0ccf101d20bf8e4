import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireId } from './fields';

/** Whether a lead parameter holds an email address rather than an ID. */
export const isEmailAddress = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/**
 * The lead ID of a parameter that takes an ID or an email address: an ID is used as it is; an
 * address is looked up in the campaign with `lookUp`, and an address that matches no lead there
 * fails the item with a message that names it.
 */
export async function leadIdOf(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	campaignId: string,
	lookUp: (email: string) => Promise<string | undefined>,
): Promise<string> {
	const value = requireId(ctx, name, label, itemIndex);
	if (!isEmailAddress(value)) return value;
	const id = await lookUp(value);
	if (id === undefined) {
		throw new NodeOperationError(ctx.getNode(), `No lead with the email address "${value}" in campaign ${campaignId}`, {
			itemIndex,
			description: `${label} (${name}) was read as an email address and looked up in the campaign; check the address or the campaign.`,
		});
	}
	return id;
}
