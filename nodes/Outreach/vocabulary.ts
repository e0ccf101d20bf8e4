import type { IDataObject } from 'n8n-workflow';

import type { Translate } from '../common/translate';
import type { Provider } from '../common/request';
import type { Resources } from '../common/router';

/** The providers the Outreach node speaks to, as its `provider` parameter names them. */
export type ProviderName = 'lemlist' | 'smartlead' | 'sendKit';

export type LeadOperation =
	| 'add'
	| 'get'
	| 'getAll'
	| 'update'
	| 'pause'
	| 'resume'
	| 'unsubscribe'
	| 'markInterested'
	| 'markNotInterested'
	| 'remove';
export type CampaignOperation = 'get' | 'getAll' | 'start' | 'pause' | 'resume';

/** A lead's state in one vocabulary; the provider's own word is kept beside it as `providerStatus`. */
export type LeadStatus =
	| 'active'
	| 'paused'
	| 'completed'
	| 'replied'
	| 'bounced'
	| 'unsubscribed'
	| 'interested'
	| 'notInterested'
	| 'unknown';

/** A lead of a campaign, the same for every provider. */
export interface OutreachLead extends IDataObject {
	provider: ProviderName;
	campaignId: string | null;
	leadId: string | null;
	email: string | null;
	firstName: string | null;
	lastName: string | null;
	companyName: string | null;
	status: LeadStatus;
	providerStatus: string | null;
	raw: IDataObject;
}

/** A campaign, the same for every provider. */
export interface OutreachCampaign extends IDataObject {
	provider: ProviderName;
	campaignId: string | null;
	name: string | null;
	status: string;
	raw: IDataObject;
}

/** The fields a lead is added or updated with, as the Outreach node names them. */
export const LEAD_FIELDS = ['firstName', 'lastName', 'companyName', 'jobTitle', 'phone', 'website', 'linkedinUrl'] as const;
export type LeadField = (typeof LEAD_FIELDS)[number];

/** What one operation of the Outreach node is for the provider underneath. */
export interface Mapped {
	/** The provider node's resource and operation that do it. */
	resource: string;
	operation: string;
	/** The provider's parameters read from the Outreach node's (undefined: the same name, read as it is). */
	translate?: Translate;
}

/**
 * One provider under the Outreach node: its pipeline and operations, which of them serve which
 * Outreach operation, and how its records read in the shared vocabulary.
 */
export interface NodeAdapter {
	provider: Provider;
	resources: Resources;
	lead: Partial<Record<LeadOperation, Mapped>>;
	campaign: Partial<Record<CampaignOperation, Mapped>>;
	/** A lead record (or an action's answer with its IDs) in the shared shape. */
	toLead(record: IDataObject): OutreachLead;
	toCampaign(record: IDataObject): OutreachCampaign;
}

/** A value as text, or null when there is none: the shared shapes never leave a field out. */
export const textOrNull = (value: unknown): string | null =>
	typeof value === 'string' && value !== '' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : null;

/** The first of several places a provider may keep a value. */
export const firstText = (...values: unknown[]): string | null => values.map(textOrNull).find((value) => value !== null) ?? null;
