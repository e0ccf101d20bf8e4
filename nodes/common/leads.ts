import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireId } from './fields';

/** Whether a lead parameter holds an email address rather than an ID. */
export const isEmailAddress = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/** The lead an operation acts on: its campaign and ID, and, when an address was given, the address and the record found by it. */
export interface ResolvedLead {
	campaignId: string;
	leadId: string;
	email?: string;
	record?: IDataObject;
}

/** How one provider finds a lead of a campaign by email address, and reads the lead's ID from what it found. */
export interface LeadFinder {
	findByEmail(campaignId: string, email: string): Promise<IDataObject | undefined>;
	idOf(record: IDataObject): string | undefined;
}

/** The lead parameter an operation reads: its name and its label, as the node shows it. */
export interface LeadParameter {
	name: string;
	label: string;
}

/**
 * The lead a parameter that takes an ID or an email address names, in `campaignId`: an ID is used
 * as it is (no request); an address is looked up in the campaign with the provider's finder, and
 * an address that matches no lead there fails the item with a message that names it.
 */
export async function resolveLead(
	ctx: IExecuteFunctions,
	itemIndex: number,
	campaignId: string,
	{ name, label }: LeadParameter,
	finder: LeadFinder,
): Promise<ResolvedLead> {
	const value = requireId(ctx, name, label, itemIndex);
	if (!isEmailAddress(value)) return { campaignId, leadId: value };
	const record = await finder.findByEmail(campaignId, value);
	const leadId = record === undefined ? undefined : finder.idOf(record);
	if (leadId === undefined || leadId === '') {
		throw new NodeOperationError(ctx.getNode(), `No lead with the email address "${value}" in campaign ${campaignId}`, {
			itemIndex,
			description: `${label} (${name}) was read as an email address and looked up in the campaign; check the address or the campaign.`,
		});
	}
	return { campaignId, leadId, email: value, record };
}
