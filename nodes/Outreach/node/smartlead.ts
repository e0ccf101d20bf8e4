import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isEmailAddress } from '../../common/leads';
import { isRecord } from '../../common/records';
import type { ItemOperation, Send } from '../../common/router';
import { withParameters, type Translate } from '../../common/translate';
import * as campaign from '../../Smartlead/actions/campaign';
import * as campaignLead from '../../Smartlead/actions/campaignLead';
import { requireNumericId } from '../../Smartlead/actions/ids';
import { smartlead } from '../../Smartlead/provider';
import { firstText, textOrNull, type LeadStatus, type Mapped, type NodeAdapter, type OutreachLead } from '../vocabulary';
import { leadFields, leadParameters } from './translate';

/**
 * Smartlead's words in the shared vocabulary (docs/providers/smartlead.md, "Lead list filters" and
 * "Campaign lead"; the stand-in's records). The first that applies decides:
 *
 * | Smartlead                                                          | status         |
 * |--------------------------------------------------------------------|----------------|
 * | `is_unsubscribed` (the lead, or its `email_stats`)                 | unsubscribed   |
 * | `email_stats.is_bounced`, status `BLOCKED`                         | bounced        |
 * | category "Interested"                                              | interested     |
 * | category "Not Interested"                                          | notInterested  |
 * | `email_stats.is_replied`                                           | replied        |
 * | status `STARTED` (not emailed yet), `INPROGRESS`; Add's `added`    | active         |
 * | status `PAUSED`                                                    | paused         |
 * | status `COMPLETED`                                                 | completed      |
 * | status `STOPPED` (unsubscribed, replied, bounced or stopped by hand: Smartlead does not say which); a lead read by address (that answer has no status); anything else | unknown |
 *
 * A flag or category also holds when Get Many listed the lead by it (the list's reference shape
 * carries no engagement flags). A record names its category by `category_name` where the list has
 * it; else by ID, read against Smartlead's built-in categories (`GET /leads/fetch-categories`:
 * 1 Interested, 3 Not Interested; [inferred] from the reference's example, which the stand-in
 * follows). Marking a lead and the Get Many filter find the category by name in the account
 * instead, one request.
 */
const STATUS: Record<string, LeadStatus> = {
	STARTED: 'active',
	INPROGRESS: 'active',
	added: 'active',
	PAUSED: 'paused',
	COMPLETED: 'completed',
	BLOCKED: 'bounced',
};

const BUILT_IN_CATEGORIES: Record<string, string> = { 1: 'Interested', 3: 'Not Interested' };
const CATEGORY_STATUS: Record<string, LeadStatus> = { interested: 'interested', 'not interested': 'notInterested' };
const CATEGORY_OF: Partial<Record<LeadStatus, string>> = { interested: 'Interested', notInterested: 'Not Interested' };

/**
 * Get Many's `filters.status` as Smartlead's lead-list filters. Smartlead filters by one status:
 * `active` lists `INPROGRESS` leads, not those added and not emailed yet (`STARTED`).
 */
const FILTERS: Partial<Record<LeadStatus, IDataObject>> = {
	active: { status: 'INPROGRESS' },
	paused: { status: 'PAUSED' },
	completed: { status: 'COMPLETED' },
	replied: { emailStatus: 'is_replied' },
	bounced: { emailStatus: 'is_bounced' },
	unsubscribed: { emailStatus: 'is_unsubscribed' },
};

const has = (map: object, key: string) => Object.prototype.hasOwnProperty.call(map, key);

/**
 * What the read of a lead record knew that the record does not say: the campaign it was read from
 * (Smartlead's lead records of Get and Get Many do not carry it), and the status Get Many filtered
 * by (the list's reference shape has no engagement flags). The item's `raw` must stay the Smartlead
 * node's item, so this is kept beside the record.
 */
const readWith = new WeakMap<IDataObject, { campaignId: string; filtered?: LeadStatus }>();

/** Smartlead's own operation on `ctx`, with `values` for some of its parameters. */
async function runOwn(operation: ItemOperation, ctx: IExecuteFunctions, itemIndex: number, send: Send, values: IDataObject) {
	const given: Translate = (name) => (has(values, name) ? { value: values[name] } : undefined);
	return await operation.execute.call(withParameters(ctx, given), itemIndex, send);
}

/** The ID of the account's lead category called `name` (`GET /leads/fetch-categories`); none fails the item. */
async function categoryNamed(ctx: IExecuteFunctions, itemIndex: number, send: Send, name: string): Promise<number> {
	const answer = await send({ method: 'GET', path: '/leads/fetch-categories' });
	const list = Array.isArray(answer) ? answer : isRecord(answer) ? answer.data : undefined;
	const categories = (Array.isArray(list) ? list : []).filter(isRecord);
	const found = categories.find((category) => String(category.name ?? '').trim().toLowerCase() === name.toLowerCase());
	if (!found || !/^\d+$/.test(String(found.id))) {
		const names = categories.map((category) => `"${String(category.name)}"`).join(', ') || 'none';
		throw new NodeOperationError(ctx.getNode(), `The Smartlead account has no lead category named "${name}"`, {
			itemIndex,
			description: `The lead's category is set by name; the account's categories are: ${names}.`,
		});
	}
	return Number(found.id);
}

/** Marks a lead with the account's category `name` through Smartlead's Update Category, not pausing it. */
function markAs(name: string): ItemOperation {
	return {
		properties: [],
		async execute(itemIndex, send) {
			requireNumericId(this, 'campaignId', 'Campaign', itemIndex);
			const categoryId = await categoryNamed(this, itemIndex, send, name);
			return await runOwn(campaignLead.operations.updateCategory, this, itemIndex, send, { category_id: categoryId, pause_lead: false });
		},
	};
}

/** Smartlead's read `operation`, its records noted with the campaign and status they were read by. */
async function readInCampaign(operation: ItemOperation, ctx: IExecuteFunctions, itemIndex: number, send: Send, values: IDataObject, filtered?: LeadStatus) {
	const campaignId = requireNumericId(ctx, 'campaignId', 'Campaign', itemIndex);
	const answer = await runOwn(operation, ctx, itemIndex, send, values);
	for (const record of Array.isArray(answer) ? answer : [answer]) readWith.set(record, { campaignId, filtered });
	return answer;
}

const getLead: ItemOperation = {
	properties: [],
	async execute(itemIndex, send) {
		return await readInCampaign(campaignLead.operations.get, this, itemIndex, send, {});
	},
};

/** Get Many with the status filter as Smartlead's; a category is found by name in the account. */
const getManyLeads: ItemOperation = {
	properties: [],
	async execute(itemIndex, send) {
		requireNumericId(this, 'campaignId', 'Campaign', itemIndex);
		const given = this.getNodeParameter('filters', itemIndex, {}) as unknown;
		const status = isRecord(given) ? given.status : undefined;
		if (status === undefined || status === null || status === '') return await readInCampaign(campaignLead.operations.getAll, this, itemIndex, send, { filters: {} });
		const category = has(CATEGORY_OF, String(status)) ? CATEGORY_OF[status as LeadStatus] : undefined;
		const known = has(FILTERS, String(status)) ? FILTERS[status as LeadStatus] : undefined;
		if (!category && !known) throw new NodeOperationError(this.getNode(), `Smartlead cannot list leads by the status "${String(status)}"`, { itemIndex });
		const filters = category ? { lead_category_id: await categoryNamed(this, itemIndex, send, category) } : known;
		return await readInCampaign(campaignLead.operations.getAll, this, itemIndex, send, { filters }, status as LeadStatus);
	},
};

/** The address of a lead record of Get: the list's `lead.email`, or the look-up's `email`. */
const emailOfRecord = (record: IDataObject) => firstText(isRecord(record.lead) ? record.lead.email : undefined, record.email);

/**
 * Smartlead's Update requires the lead's address: the Outreach `lead` when it is one; for an ID,
 * the address Smartlead's own Get reads for it (the fields are checked first, before any request).
 */
const updateLead: ItemOperation = {
	properties: [],
	async execute(itemIndex, send) {
		const lead = String(this.getNodeParameter('leadId', itemIndex, '') ?? '').trim();
		if (isEmailAddress(lead)) return await runOwn(campaignLead.operations.update, this, itemIndex, send, { email: lead });
		requireNumericId(this, 'campaignId', 'Campaign', itemIndex);
		// Reading the fields checks them: one Smartlead does not take fails here, before the look-up.
		this.getNodeParameter('updateFields', itemIndex, {});
		const record = (await campaignLead.operations.get.execute.call(this, itemIndex, send)) as IDataObject;
		const email = emailOfRecord(record);
		if (!email) {
			throw new NodeOperationError(this.getNode(), `Smartlead's lead ${lead} has no email address to update it with`, {
				itemIndex,
				description: 'Smartlead requires the address on every lead update; give the lead by its address instead.',
			});
		}
		return await runOwn(campaignLead.operations.update, this, itemIndex, send, { email });
	},
};

/** The lead fields Smartlead takes, by the Outreach node's names; custom fields go inside the same collection. */
const fieldsOf = leadFields('Smartlead', {
	firstName: 'first_name',
	lastName: 'last_name',
	companyName: 'company_name',
	phone: 'phone_number',
	website: 'website',
	linkedinUrl: 'linkedin_profile',
});

function smartleadFields(collection: string): Translate {
	const translate = fieldsOf(collection, 'custom_fields');
	return (name, own, itemIndex) => {
		if (name !== collection) return translate(name, own, itemIndex);
		const fields = translate(collection, own, itemIndex)?.value as IDataObject;
		const custom = translate('custom_fields', own, itemIndex)?.value;
		return { value: isRecord(custom) && custom.field ? { ...fields, custom_fields: custom } : fields };
	};
}

/** Add: the Outreach node has no Settings, so Smartlead's checks all apply (each false). */
const addFields = smartleadFields('additionalFields');
const addTranslate: Translate = (name, own, itemIndex) => (name === 'settings' ? { value: {} } : addFields(name, own, itemIndex));

/** Unsubscribe from this campaign only; resume at once. */
const only = (values: IDataObject): Translate => (name, own, itemIndex) => (has(values, name) ? { value: values[name] } : leadParameters(name, own, itemIndex));

const lead = (operation: string, translate: Translate = leadParameters): Mapped => ({ resource: 'campaignLead', operation, translate });
const bridged = (operation: string, translate?: Translate): Mapped => ({ resource: 'outreach', operation, translate });

export const smartleadAdapter: NodeAdapter = {
	provider: smartlead,
	resources: {
		campaign: campaign.operations,
		campaignLead: campaignLead.operations,
		// Smartlead's own operations, after a look-up (a category, a lead's address) or with the campaign noted beside the records they read.
		outreach: {
			get: getLead,
			getAll: getManyLeads,
			update: updateLead,
			markInterested: markAs('Interested'),
			markNotInterested: markAs('Not Interested'),
		},
	},
	lead: {
		add: lead('add', addTranslate),
		get: bridged('get', leadParameters),
		getAll: bridged('getAll'),
		update: bridged('update', smartleadFields('updateFields')),
		pause: lead('pause'),
		resume: lead('resume', only({ additionalFields: {} })),
		unsubscribe: lead('unsubscribe', only({ allCampaigns: false })),
		markInterested: bridged('markInterested', leadParameters),
		markNotInterested: bridged('markNotInterested', leadParameters),
		remove: lead('remove'),
	},
	campaign: {
		get: { resource: 'campaign', operation: 'get' },
		getAll: { resource: 'campaign', operation: 'getAll' },
		start: { resource: 'campaign', operation: 'start' },
		pause: { resource: 'campaign', operation: 'pause' },
	},
	toLead(record: IDataObject): OutreachLead {
		// The list's reference shape keeps the lead under `lead` (Add's item, the lead it sent); the other records are flat.
		const person = isRecord(record.lead) ? record.lead : record;
		const stats = isRecord(record.email_stats) ? record.email_stats : {};
		const read = readWith.get(record);
		const campaignId = firstText(record.campaignId, read?.campaignId);
		// The look-up by address lists the lead's campaigns, each with its category there.
		const inCampaign = Array.isArray(record.lead_campaign_data)
			? (record.lead_campaign_data as unknown[]).filter(isRecord).find((entry) => campaignId !== null && textOrNull(entry.campaign_id) === campaignId)
			: undefined;
		const categoryId = firstText(record.lead_category_id, record.category_id, inCampaign?.lead_category_id);
		const categoryName = firstText(record.category_name, categoryId !== null && has(BUILT_IN_CATEGORIES, categoryId) ? BUILT_IN_CATEGORIES[categoryId] : undefined);
		const filtered = read?.filtered;
		const byCategory =
			filtered === 'interested' || filtered === 'notInterested'
				? filtered
				: categoryName !== null && has(CATEGORY_STATUS, categoryName.toLowerCase())
					? CATEGORY_STATUS[categoryName.toLowerCase()]
					: undefined;
		const providerStatus = firstText(record.status, categoryName);
		const byStatus = providerStatus !== null && has(STATUS, providerStatus) ? STATUS[providerStatus] : undefined;
		let status: LeadStatus = byStatus ?? 'unknown';
		if (person.is_unsubscribed === true || stats.is_unsubscribed === true || filtered === 'unsubscribed') status = 'unsubscribed';
		else if (stats.is_bounced === true || record.status === 'BLOCKED' || filtered === 'bounced') status = 'bounced';
		else if (byCategory) status = byCategory;
		else if (stats.is_replied === true || filtered === 'replied') status = 'replied';
		return {
			provider: 'smartlead',
			campaignId,
			leadId: firstText(record.leadId, person.id),
			email: firstText(record.email, person.email),
			firstName: textOrNull(person.first_name),
			lastName: textOrNull(person.last_name),
			companyName: textOrNull(person.company_name),
			status,
			providerStatus,
			raw: record,
		};
	},
	toCampaign(record) {
		return {
			provider: 'smartlead',
			campaignId: firstText(record.campaignId, record.id),
			name: textOrNull(record.name),
			status: textOrNull(record.status) ?? 'unknown',
			raw: record,
		};
	},
};
