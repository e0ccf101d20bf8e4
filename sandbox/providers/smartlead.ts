/**
 * Smartlead API mock, following docs/providers/smartlead.md: the key in the `api_key` query
 * parameter, a validator that answers like Smartlead's Joi schemas, both rate-limit windows.
 * Served under `/api/v1` so `mock.url` can go straight into the credential's baseUrl.
 */
import { HookStore, type DeliveryResult, type StoredHook } from './hooks';
import { HttpMock, json, RateWindow } from './http-mock';
import type { MockResponse, RecordedRequest } from './http-mock';

export interface SmartleadMockOptions {
	apiKey?: string;
	/** Rate-limit windows per API key, all enforced at once (default 10 per 2 s and 60 per 60 s). */
	windows?: Array<{ limit: number; perMs: number }>;
	/** Send `Retry-After` on 429s (default true); without it only `X-RateLimit-Reset` says when. */
	retryAfterHeader?: boolean;
	/**
	 * How a hook is deleted: `path` (`DELETE …/webhooks/{id}`, the newer docs), `body` (`DELETE
	 * …/webhooks` with `{id}`, the older ones) or `both` (default). The other form answers 404.
	 */
	hookDeletion?: 'path' | 'body' | 'both';
	/**
	 * Whether `GET /leads/?email=` carries `lead_campaign_data` (default true, as the docs show it);
	 * without it the lead's campaigns are only known from `GET /leads/{id}/campaigns`.
	 */
	leadCampaignData?: boolean;
	/**
	 * The shape of `GET /campaigns/{id}/leads`: `reference` (default) `{total_leads: "250", offset,
	 * limit, data: [{campaign_lead_map_id, status, lead: {…}}]}`, or `flat`, the newer docs page's
	 * `{total: 250, offset, limit, leads: [{id, email, status, category_id, …}]}`.
	 */
	leadListShape?: 'reference' | 'flat';
}

/** Smartlead's webhook events (campaign-level and account-level). */
export const SMARTLEAD_EVENTS = [
	'EMAIL_SENT', 'FIRST_EMAIL_SENT', 'EMAIL_OPEN', 'EMAIL_LINK_CLICK', 'EMAIL_REPLY', 'EMAIL_BOUNCE', 'LEAD_UNSUBSCRIBED',
	'LEAD_CATEGORY_UPDATED', 'CAMPAIGN_STATUS_CHANGED', 'UNTRACKED_REPLIES', 'MANUAL_STEP_REACHED',
];

/** The `secret_key` set in Smartlead's UI, echoed in every delivery (the trigger must not pass it on). */
export const SMARTLEAD_UI_SECRET_KEY = 'sl-ui-secret-0f3c9a';

export interface SmartleadCampaign {
	id: number;
	name: string;
	status: string;
	created_at: string;
	client_id: number | null;
	/** What POST /settings set, merged. */
	settings: Record<string, unknown>;
	/** What POST /schedule set, merged. */
	schedule: Record<string, unknown>;
}

export interface SmartleadLead {
	id: number;
	/** The campaign the lead was first added to (a lead may be in several: see `memberships`). */
	campaignId: number;
	email: string;
	fields: Record<string, unknown>;
	custom_fields: Record<string, unknown>;
	/** Unsubscribed from every campaign (`POST /leads/{id}/unsubscribe`). */
	is_unsubscribed: boolean;
	created_at: string;
}

/** Engagement flags Smartlead filters a campaign's leads on (`emailStatus`). */
export const EMAIL_STATUSES = [
	'is_opened', 'is_clicked', 'is_replied', 'is_bounced', 'is_unsubscribed', 'is_spam', 'is_accepted', 'not_replied', 'is_sender_bounced',
] as const;

/** A lead's place in one campaign: what `GET /campaigns/{id}/leads` lists. */
export interface SmartleadMembership {
	campaign_lead_map_id: number;
	campaignId: number;
	leadId: number;
	status: 'STARTED' | 'INPROGRESS' | 'COMPLETED' | 'PAUSED' | 'STOPPED';
	lead_category_id: number | null;
	created_at: string;
	last_sent_time: string | null;
	event_time: string | null;
	engagement: Partial<Record<(typeof EMAIL_STATUSES)[number], boolean>>;
	/** The delay the last resume asked for, if any. */
	resumeDelayDays?: number;
}

export const LEAD_STATUSES = ['STARTED', 'INPROGRESS', 'COMPLETED', 'PAUSED', 'STOPPED'] as const;

/** The account's lead categories (`GET /leads/fetch-categories`): Smartlead's global ones, then one of the user's. */
export const SMARTLEAD_CATEGORIES = [
	{ id: 1, name: 'Interested', sentiment_type: 'positive', created_at: '2024-01-15T10:30:00.000Z' },
	{ id: 2, name: 'Meeting Request', sentiment_type: 'positive', created_at: '2024-01-15T10:30:00.000Z' },
	{ id: 3, name: 'Not Interested', sentiment_type: 'negative', created_at: '2024-01-15T10:30:00.000Z' },
	{ id: 4, name: 'Do Not Contact', sentiment_type: 'negative', created_at: '2024-01-15T10:30:00.000Z' },
	{ id: 5, name: 'Information Request', sentiment_type: 'neutral', created_at: '2024-01-15T10:30:00.000Z' },
	{ id: 6, name: 'Out Of Office', sentiment_type: 'neutral', created_at: '2024-01-15T10:30:00.000Z' },
	{ id: 7, name: 'Wrong Person', sentiment_type: 'neutral', created_at: '2024-01-15T10:30:00.000Z' },
	{ id: 789, name: 'Follow Up Later', sentiment_type: 'neutral', created_at: '2025-11-20T14:22:00.000Z' },
];

/** Campaign 104 holds this many leads, IDs from 6001, so that reading them takes several pages. */
export const BIG_CAMPAIGN = { id: 104, firstLeadId: 6001, leads: 250 };

/** The client (agency sub-account) campaign 104 belongs to; the other campaigns have none. */
export const BIG_CAMPAIGN_CLIENT = 4242;

/**
 * How many of campaign 104's leads have each status: COMPLETED fills exactly one page of 100,
 * INPROGRESS one page and one lead more.
 */
export const BIG_CAMPAIGN_STATUSES: Record<SmartleadMembership['status'], number> = {
	INPROGRESS: 101,
	COMPLETED: 100,
	PAUSED: 30,
	STARTED: 10,
	STOPPED: 9,
};

export const SMARTLEAD_SEED = {
	campaigns: [
		{ id: 101, name: 'Q4 Outbound', status: 'ACTIVE' },
		{ id: 102, name: 'Founders EU', status: 'PAUSED' },
		{ id: 103, name: 'Agency Partners', status: 'DRAFTED' },
		{ id: BIG_CAMPAIGN.id, name: 'Enterprise Q1', status: 'ACTIVE' },
	],
	leads: [
		{ id: 5001, campaignId: 101, email: 'ada@example.com' },
		{ id: 5002, campaignId: 101, email: 'alan@example.com' },
		{ id: 5003, campaignId: 102, email: 'grace@example.com' },
	],
};

/** The most leads `POST /campaigns/{id}/leads` takes in one request (docs/providers/smartlead.md). */
export const MAX_LEADS_PER_REQUEST = 400;

/**
 * The most values `POST /leads/add-domain-block-list` takes in one request. Smartlead documents no
 * maximum: this is the node's [inferred] one, which the stand-in holds it to (its choice).
 */
export const MAX_BLOCK_LIST_VALUES = 400;

/** An entry of the global block list, as `GET /leads/get-domain-block-list` answers it. */
export interface SmartleadBlockEntry {
	id: number;
	email_or_domain: string;
	created_at: string;
	source: string;
	client_id: number | null;
}

/** The block list the account starts with: a domain and an address. */
export const SMARTLEAD_BLOCK_SEED = ['blocked.example', 'bounced@trap.example'];

/** The account's sending mailboxes (`GET /email-accounts/`): more than one page of 100. */
export const EMAIL_ACCOUNT_COUNT = 105;

/** The SMTP and IMAP passwords each seeded mailbox carries, as Smartlead's list does: they must never reach an item. */
export const emailAccountPassword = (id: number) => `sl-mailbox-secret-${id}`;

/**
 * What the stand-in takes as a valid address when leads are added: stricter than "something@
 * something.something" (a top-level domain of two letters at least, no ".." and no odd
 * characters), so that a lead can pass the node's check and still be one Smartlead calls invalid.
 * Smartlead's own rule is not documented [inferred]: the stand-in's choice.
 */
const STRICT_EMAIL = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/;
const isStrictEmail = (email: string) => STRICT_EMAIL.test(email) && !email.includes('..');

const FIRST_NAMES = ['Maya', 'Liam', 'Noor', 'Kenji', 'Sofia', 'Ravi', 'Elena', 'Tomas', 'Amara', 'Jonas'];
const LAST_NAMES = ['Okafor', 'Lindqvist', 'Haddad', 'Tanaka', 'Moreau', 'Iyer', 'Novak', 'Berg', 'Mensah', 'Kowalski'];
const COMPANIES = ['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Litware', 'Adatum', 'Proseware', 'Wingtip'];

/** Campaign 104's statuses in a fixed, shuffled order (the same on every run), so each page mixes them. */
function bigCampaignStatuses(): SmartleadMembership['status'][] {
	const statuses = Object.entries(BIG_CAMPAIGN_STATUSES).flatMap(([status, count]) =>
		Array.from({ length: count }, () => status as SmartleadMembership['status']),
	);
	let seed = 7;
	for (let i = statuses.length - 1; i > 0; i--) {
		seed = (seed * 1103515245 + 12345) % 2147483648;
		const j = seed % (i + 1);
		[statuses[i], statuses[j]] = [statuses[j], statuses[i]];
	}
	return statuses;
}

const day = (n: number, hour = 9) => new Date(Date.UTC(2025, 0, 1 + n, hour)).toISOString();

function seedState() {
	const campaigns = new Map<number, SmartleadCampaign>();
	for (const [index, c] of SMARTLEAD_SEED.campaigns.entries()) {
		const created_at = new Date(Date.UTC(2025, 0, 1 + index)).toISOString();
		campaigns.set(c.id, { ...c, created_at, client_id: null, settings: {}, schedule: {} });
	}
	// Agency accounts: one campaign belongs to a client, so the client filter has something to do.
	campaigns.get(BIG_CAMPAIGN.id)!.client_id = BIG_CAMPAIGN_CLIENT;

	const leads = new Map<number, SmartleadLead>();
	const memberships: SmartleadMembership[] = [];
	let mapId = 880_000;
	const join = (lead: SmartleadLead, campaignId: number, fields: Partial<SmartleadMembership>) =>
		memberships.push({
			campaign_lead_map_id: ++mapId,
			campaignId,
			leadId: lead.id,
			status: 'INPROGRESS',
			lead_category_id: null,
			created_at: lead.created_at,
			last_sent_time: null,
			event_time: null,
			engagement: { is_accepted: true },
			...fields,
		});

	for (const [index, l] of SMARTLEAD_SEED.leads.entries()) {
		const lead: SmartleadLead = { ...l, fields: {}, custom_fields: {}, is_unsubscribed: false, created_at: day(10 + index) };
		leads.set(l.id, lead);
		join(lead, l.campaignId, { status: index === 2 ? 'STARTED' : 'INPROGRESS', last_sent_time: index === 2 ? null : day(20, 10) });
	}

	const statuses = bigCampaignStatuses();
	for (let n = 0; n < BIG_CAMPAIGN.leads; n++) {
		const first = FIRST_NAMES[n % FIRST_NAMES.length];
		const last = LAST_NAMES[Math.floor(n / FIRST_NAMES.length) % LAST_NAMES.length];
		const company = COMPANIES[n % COMPANIES.length];
		const id = BIG_CAMPAIGN.firstLeadId + n;
		const lead: SmartleadLead = {
			id,
			campaignId: BIG_CAMPAIGN.id,
			email: `${first}.${last}${n}@${company}.example`.toLowerCase(),
			fields: { first_name: first, last_name: last, company_name: `${company} Ltd`, location: n % 3 ? 'Berlin' : 'Toronto' },
			custom_fields: { seat_count: String(10 + (n % 40)) },
			is_unsubscribed: false,
			created_at: day(n % 60, 8),
		};
		leads.set(id, lead);
		const status = statuses[n];
		const contacted = status !== 'STARTED';
		const replied = contacted && n % 6 === 0;
		join(lead, BIG_CAMPAIGN.id, {
			status,
			// Replies get categorised; a few leads were categorised by hand without a reply.
			lead_category_id: replied ? [1, 2, 3, 5, 6][n % 5] : n % 41 === 0 ? 789 : null,
			created_at: day(n % 60, 8),
			last_sent_time: contacted ? day(30 + (n % 30), 11) : null,
			event_time: contacted ? day(31 + (n % 30), 15) : null,
			engagement: {
				is_accepted: contacted,
				is_opened: contacted && n % 2 === 0,
				is_clicked: contacted && n % 10 === 0,
				is_replied: replied,
				not_replied: contacted && n % 2 === 0 && !replied,
				is_bounced: contacted && n % 50 === 7,
			},
		});
	}
	// One of campaign 104's leads is also in campaign 102: "unsubscribe from all campaigns" has two to leave.
	join(leads.get(BIG_CAMPAIGN.firstLeadId)!, 102, { status: 'PAUSED', created_at: day(70) });
	const blockList: SmartleadBlockEntry[] = SMARTLEAD_BLOCK_SEED.map((value, index) => ({
		id: 228_361_001 + index,
		email_or_domain: value,
		created_at: day(5 + index, 12),
		source: index === 0 ? 'Manual' : 'Smartlead.ai Bounce Detection',
		client_id: null,
	}));
	const types = ['GMAIL', 'OUTLOOK', 'SMTP'];
	const emailAccounts = Array.from({ length: EMAIL_ACCOUNT_COUNT }, (_, n) => {
		const id = 7001 + n;
		const first = FIRST_NAMES[n % FIRST_NAMES.length];
		const address = `${first.toLowerCase()}.${n}@send${n % 4}.acme.test`;
		return {
			id,
			created_at: day(n % 30, 7),
			updated_at: day(40 + (n % 20), 7),
			user_id: 4242,
			from_name: `${first} at Acme`,
			from_email: address,
			username: address,
			password: emailAccountPassword(id),
			smtp_host: 'smtp.acme.test',
			smtp_port: 587,
			smtp_port_type: 'TLS',
			message_per_day: 40 + (n % 3) * 10,
			is_different_imap_account: false,
			imap_username: address,
			imap_password: emailAccountPassword(id),
			imap_host: 'imap.acme.test',
			imap_port: 993,
			imap_port_type: 'SSL',
			is_smtp_success: n % 17 !== 5,
			is_imap_success: true,
			type: types[n % types.length],
			daily_sent_count: n % 25,
			client_id: null,
			campaign_count: n % 4,
			warmup_details: { status: n % 9 === 0 ? 'INACTIVE' : 'ACTIVE', total_sent_count: 300 + n, total_spam_count: n % 3, warmup_reputation: `${90 + (n % 10)}%` },
		};
	});
	return {
		campaigns,
		leads,
		memberships,
		categories: SMARTLEAD_CATEGORIES.map((category) => ({ ...category })),
		blockList,
		emailAccounts,
		/** The last lead ID and campaign-lead map ID given out: new ones follow. */
		lastIds: { lead: Math.max(...leads.keys()), map: mapId },
	};
}

// ---------------------------------------------------------------------------------------------
// A small Joi-like validator: unknown keys and wrong values give Smartlead's 400 messages
// ---------------------------------------------------------------------------------------------

type Rule =
	| 'string'
	| 'boolean'
	| 'array'
	| 'email'
	| 'isoDate'
	| 'timezone'
	| 'hourMinute'
	| { integer: { min?: number; max?: number } }
	| { number: { min?: number } }
	| { oneOf: string[] }
	| { arrayOf: string[] }
	| { intArray: { min: number; max: number } }
	| { object: Record<string, Rule> }
	| { flatObject: { maxKeys: number } };

export const SETTINGS_SCHEMA: Record<string, Rule> = {
	name: 'string',
	track_settings: { arrayOf: ['DONT_TRACK_EMAIL_OPEN', 'DONT_TRACK_LINK_CLICK', 'DONT_TRACK_REPLY_TO_AN_EMAIL'] },
	stop_lead_settings: { oneOf: ['REPLY_TO_AN_EMAIL', 'OPEN_AN_EMAIL', 'CLICK_ON_A_LINK'] },
	unsubscribe_text: 'string',
	send_as_plain_text: 'boolean',
	force_plain_text: 'boolean',
	follow_up_percentage: { integer: { min: 0, max: 100 } },
	client_id: { integer: {} },
	enable_ai_esp_matching: 'boolean',
	auto_pause_domain_leads_on_reply: 'boolean',
	ignore_ss_mailbox_sending_limit: 'boolean',
	bounce_autopause_threshold: 'string',
	domain_level_rate_limit: 'boolean',
	add_unsubscribe_tag: 'boolean',
	ai_categorisation_options: 'array',
	out_of_office_detection_settings: {
		object: {
			ignoreOOOasReply: 'boolean',
			autoReactivateOOO: 'boolean',
			reactivateOOOwithDelay: { number: { min: 0 } },
			autoCategorizeOOO: 'boolean',
		},
	},
};

export const SCHEDULE_SCHEMA: Record<string, Rule> = {
	timezone: 'timezone',
	days_of_the_week: { intArray: { min: 0, max: 6 } },
	start_hour: 'hourMinute',
	end_hour: 'hourMinute',
	min_time_btw_emails: { integer: { min: 3 } },
	max_new_leads_per_day: { integer: { min: 1 } },
	schedule_start_time: 'isoDate',
};

export const LEAD_SCHEMA: Record<string, Rule> = {
	email: 'email',
	first_name: 'string',
	last_name: 'string',
	company_name: 'string',
	phone_number: 'string',
	website: 'string',
	location: 'string',
	linkedin_profile: 'string',
	company_url: 'string',
	custom_fields: { flatObject: { maxKeys: 200 } },
};

// Intl.supportedValuesOf is newer than the compile target's lib; Node 20 has it.
const zones = (Intl as unknown as { supportedValuesOf(key: 'timeZone'): string[] }).supportedValuesOf('timeZone');
const TIME_ZONES = new Set([...zones, 'UTC', 'Etc/UTC', 'GMT']);

/** A zone of the list, or an alias of one (Asia/Kolkata and Asia/Calcutta name the same zone). */
function isKnownZone(value: unknown): boolean {
	if (typeof value !== 'string') return false;
	if (TIME_ZONES.has(value)) return true;
	try {
		return TIME_ZONES.has(new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone) && /^[A-Za-z]/.test(value);
	} catch {
		return false;
	}
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Returns Smartlead's error message, or undefined when the body is valid. */
export function validate(body: unknown, schema: Record<string, Rule>, required: string[] = [], prefix = ''): string | undefined {
	if (!isObject(body)) return `"${prefix ? prefix.slice(0, -1) : 'value'}" must be of type object`;
	for (const key of required) if (body[key] === undefined) return `"${prefix}${key}" is required`;
	for (const [key, value] of Object.entries(body)) {
		const rule = schema[key];
		if (!rule) return `"${prefix}${key}" is not allowed`;
		const error = check(value, rule, `${prefix}${key}`);
		if (error) return error;
	}
	return undefined;
}

function check(value: unknown, rule: Rule, name: string): string | undefined {
	const q = `"${name}"`;
	switch (rule) {
		case 'string':
			return typeof value === 'string' ? undefined : `${q} must be a string`;
		case 'boolean':
			return typeof value === 'boolean' ? undefined : `${q} must be a boolean`;
		case 'array':
			return Array.isArray(value) ? undefined : `${q} must be an array`;
		case 'email':
			return typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? undefined : `${q} must be a valid email`;
		case 'isoDate':
			return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? undefined : `${q} must be in ISO 8601 date format`;
		case 'timezone':
			return isKnownZone(value) ? undefined : `Invalid timezone - ${String(value)}`;
		case 'hourMinute':
			return typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value)
				? undefined
				: `${q} with value "${String(value)}" fails to match the required pattern: HH:MM`;
	}
	if ('integer' in rule || 'number' in rule) {
		const { min, max } = 'integer' in rule ? rule.integer : { ...rule.number, max: undefined };
		if (typeof value !== 'number' || !Number.isFinite(value)) return `${q} must be a number`;
		if ('integer' in rule && !Number.isInteger(value)) return `${q} must be an integer`;
		if (min !== undefined && value < min) return `${q} must be greater than or equal to ${min}`;
		if (max !== undefined && value > max) return `${q} must be less than or equal to ${max}`;
		return undefined;
	}
	if ('oneOf' in rule) {
		return typeof value === 'string' && rule.oneOf.includes(value) ? undefined : `Invalid ${name} value - ${String(value)}`;
	}
	if ('arrayOf' in rule) {
		if (!Array.isArray(value)) return `${q} must be an array`;
		const wrong = value.find((v) => typeof v !== 'string' || !rule.arrayOf.includes(v));
		return wrong === undefined ? undefined : `Invalid ${name} value - ${String(wrong)}`;
	}
	if ('intArray' in rule) {
		if (!Array.isArray(value)) return `${q} must be an array`;
		if (value.length === 0) return `${q} must contain at least 1 items`;
		for (const [i, v] of value.entries()) {
			if (typeof v !== 'number' || !Number.isInteger(v)) return `"${name}[${i}]" must be an integer`;
			if (v < rule.intArray.min || v > rule.intArray.max) {
				return `"${name}[${i}]" must be between ${rule.intArray.min} and ${rule.intArray.max}`;
			}
		}
		return undefined;
	}
	if ('object' in rule) return validate(value, rule.object, [], `${name}.`);
	if (!isObject(value)) return `${q} must be of type object`;
	if (Object.keys(value).length > rule.flatObject.maxKeys) return `${q} must have less than or equal to ${rule.flatObject.maxKeys} keys`;
	const nested = Object.entries(value).find(([, v]) => typeof v === 'object' && v !== null);
	return nested ? `"${name}.${nested[0]}" must be one of [string, number, boolean]` : undefined;
}

// ---------------------------------------------------------------------------------------------
// The mock
// ---------------------------------------------------------------------------------------------

const error = (status: number, message: string) => json(status, { error: message });

/** Joi's answer to a query parameter the endpoint does not take (`api_key` is every endpoint's). */
function unknownQuery(query: Record<string, string>, allowed: string[]): string | undefined {
	const unknown = Object.keys(query).find((name) => name !== 'api_key' && !allowed.includes(name));
	return unknown === undefined ? undefined : `"${unknown}" is not allowed`;
}

function integerQuery(query: Record<string, string>, name: string, min: number, max?: number): string | undefined {
	const value = query[name];
	if (value === undefined) return undefined;
	if (!/^-?\d+$/.test(value)) return `"${name}" must be a number`;
	if (Number(value) < min) return `"${name}" must be greater than or equal to ${min}`;
	if (max !== undefined && Number(value) > max) return `"${name}" must be less than or equal to ${max}`;
	return undefined;
}

function oneOfQuery(query: Record<string, string>, name: string, allowed: readonly string[]): string | undefined {
	const value = query[name];
	return value === undefined || allowed.includes(value) ? undefined : `"${name}" must be one of [${allowed.join(', ')}]`;
}

export class SmartleadMock extends HttpMock {
	readonly apiKey: string;
	state = seedState();
	/** The requests answered 429 by the mock's own windows (injected faults are not counted). */
	readonly rateLimited: RecordedRequest[] = [];
	private readonly windowRules: Array<{ limit: number; perMs: number }>;
	private readonly retryAfterHeader: boolean;
	private windows = new Map<string, RateWindow[]>();

	constructor(options: SmartleadMockOptions = {}) {
		super(undefined, { basePath: '/api/v1' });
		this.apiKey = options.apiKey ?? 'sl_3f9a1c7e-b2d4-4e8a-9c61-5d7e2f0a4b83';
		this.windowRules = options.windows ?? [
			{ limit: 10, perMs: 2000 },
			{ limit: 60, perMs: 60_000 },
		];
		this.retryAfterHeader = options.retryAfterHeader ?? true;
		this.hookDeletion = options.hookDeletion ?? 'both';
		this.leadCampaignData = options.leadCampaignData ?? true;
		this.leadListShape = options.leadListShape ?? 'reference';
	}

	private readonly leadCampaignData: boolean;
	private readonly leadListShape: NonNullable<SmartleadMockOptions['leadListShape']>;

	/** Campaign-level webhooks registered through `/campaigns/{id}/webhooks`. */
	readonly hooks = new HookStore((n) => String(9000 + n));
	hookDeletion: NonNullable<SmartleadMockOptions['hookDeletion']>;

	protected resetState(): void {
		this.state = seedState();
		this.hooks.clear();
		this.windows.clear();
		this.rateLimited.length = 0;
	}

	protected route(req: RecordedRequest): MockResponse {
		const key = req.query.api_key;
		if (!key || key !== this.apiKey) return json(401, { message: 'Invalid API Key' });

		let windows = this.windows.get(key);
		if (!windows) {
			windows = this.windowRules.map((w) => new RateWindow(w.limit, w.perMs));
			this.windows.set(key, windows);
		}
		const now = Date.now();
		const verdicts = windows.map((window) => window.hit(now));
		const denied = verdicts.filter((verdict) => !verdict.allowed);
		// The counters describe the window with the fewest places left, under its own limit.
		const tightest = verdicts.reduce((a, b) => (b.remaining < a.remaining ? b : a));
		const tightestLimit = String(windows[verdicts.indexOf(tightest)].limit);
		if (denied.length) {
			const waitMs = Math.max(...denied.map((verdict) => verdict.retryAfterMs));
			const deniedLimit = String(windows[verdicts.findIndex((verdict) => !verdict.allowed && verdict.retryAfterMs === waitMs)].limit);
			const retryAfter = Number(this.retryAfter(waitMs));
			const headers: Record<string, string> = {
				'X-RateLimit-Limit': deniedLimit,
				'X-RateLimit-Remaining': '0',
				'X-RateLimit-Reset': String(Math.ceil((now + waitMs) / 1000)),
			};
			if (this.retryAfterHeader) headers['Retry-After'] = String(retryAfter);
			this.rateLimited.push(req);
			return json(
				429,
				{ error: { code: 'RATE_LIMIT_EXCEEDED', message: 'Rate limit exceeded, please retry later', retry_after: retryAfter } },
				headers,
			);
		}
		const answer = this.answer(req);
		answer.headers = {
			'X-RateLimit-Limit': tightestLimit,
			'X-RateLimit-Remaining': String(tightest.remaining),
			'X-RateLimit-Reset': String(Math.ceil(tightest.resetAt / 1000)),
			...answer.headers,
		};
		return answer;
	}

	private answer(req: RecordedRequest): MockResponse {
		if (!req.path.startsWith('/api/v1/')) return error(404, 'Not found');
		let segments: string[];
		try {
			segments = req.path.slice('/api/v1/'.length).replace(/\/$/, '').split('/').map(decodeURIComponent);
		} catch {
			return error(400, 'Malformed URL');
		}
		if (segments[0] === 'leads') return this.answerLeads(req, segments.slice(1));
		if (segments[0] === 'email-accounts') return segments.length === 1 && req.method === 'GET' ? this.listEmailAccounts(req.query) : error(404, 'Not found');
		const [root, campaignId, sub, leadId, action, ...rest] = segments;
		if (root !== 'campaigns' || rest.length) return error(404, 'Not found');
		if (segments.length === 1 && req.method === 'GET') return this.listCampaigns(req.query);

		if (!/^\d+$/.test(campaignId)) return error(400, '"campaign_id" must be a number');
		const campaign = this.state.campaigns.get(Number(campaignId));
		if (!campaign) return error(404, 'Campaign not found - Invalid campaign_id.');

		if (segments.length === 2 && req.method === 'GET') return json(200, { ...this.publicCampaign(campaign), ...campaign.settings });
		if (sub === 'webhooks' && segments.length <= 4) return this.answerHooks(req, campaign, leadId);
		if (segments.length === 3 && sub === 'leads' && req.method === 'GET') return this.listCampaignLeads(campaign, req.query);
		if (segments.length === 3 && (sub === 'analytics' || sub === 'analytics-by-date') && req.method === 'GET') return this.analytics(campaign, sub, req.query);
		if (segments.length === 4 && sub === 'leads' && req.method === 'DELETE') return this.removeLead(campaign, leadId);
		if (req.method !== 'POST') return error(404, 'Not found');
		if (segments.length === 3 && sub === 'leads') return this.addLeads(campaign, req.body);
		if (segments.length === 3 && sub === 'settings') return this.update(campaign.settings, req.body, SETTINGS_SCHEMA);
		if (segments.length === 3 && sub === 'schedule') return this.update(campaign.schedule, req.body, SCHEDULE_SCHEMA);
		if (segments.length === 3 && sub === 'status') return this.setCampaignStatus(campaign, req.body);
		if (segments.length === 4 && sub === 'leads') return this.updateLead(campaign, leadId, req.body);
		if (segments.length === 5 && sub === 'leads') return this.leadAction(campaign, leadId, action, req.body);
		return error(404, 'Not found');
	}

	private publicCampaignWithTags(c: SmartleadCampaign, tags: boolean) {
		return tags ? { ...this.publicCampaign(c), tags: [] } : this.publicCampaign(c);
	}

	/** `GET /campaigns/`: every campaign at once, a bare array; `client_id` narrows it, `include_tags` adds tags. */
	private listCampaigns(query: Record<string, string>): MockResponse {
		const problem = unknownQuery(query, ['client_id', 'include_tags']);
		if (problem) return error(400, problem);
		if (query.client_id !== undefined && !/^\d+$/.test(query.client_id)) return error(400, '"client_id" must be a number');
		if (query.include_tags !== undefined && !['true', 'false'].includes(query.include_tags)) return error(400, '"include_tags" must be a boolean');
		const campaigns = [...this.state.campaigns.values()].filter((c) => query.client_id === undefined || c.client_id === Number(query.client_id));
		return json(200, campaigns.map((c) => this.publicCampaignWithTags(c, query.include_tags === 'true')));
	}

	/** `POST /campaigns/{id}/status`: START reads back as ACTIVE. */
	private setCampaignStatus(campaign: SmartleadCampaign, body: unknown): MockResponse {
		const problem = validate(body, { status: { oneOf: ['START', 'PAUSED', 'STOPPED'] } }, ['status']);
		if (problem) return error(400, problem);
		const { status } = body as { status: string };
		// Whether Smartlead lets a STOPPED campaign start again is not documented: this stand-in lets it.
		campaign.status = status === 'START' ? 'ACTIVE' : status;
		return json(200, { ok: true, data: `Campaign status updated to ${status}` });
	}

	private membershipOf(campaign: SmartleadCampaign, leadId: string): SmartleadMembership | undefined {
		return this.state.memberships.find((m) => m.campaignId === campaign.id && String(m.leadId) === leadId);
	}

	private publicLead(lead: SmartleadLead) {
		return {
			id: lead.id,
			first_name: null,
			last_name: null,
			email: lead.email,
			phone_number: null,
			company_name: null,
			website: null,
			location: null,
			linkedin_profile: null,
			company_url: null,
			...lead.fields,
			custom_fields: { ...lead.custom_fields },
			is_unsubscribed: lead.is_unsubscribed,
			unsubscribed_client_id_map: null,
			created_at: lead.created_at,
		};
	}

	/** One entry of `GET /campaigns/{id}/leads`, in the shape this stand-in answers. */
	private campaignLeadRecord(m: SmartleadMembership) {
		const lead = this.state.leads.get(m.leadId)!;
		if (this.leadListShape === 'flat') {
			const category = this.state.categories.find((c) => c.id === m.lead_category_id);
			const { unsubscribed_client_id_map: _, ...flat } = this.publicLead(lead);
			return {
				...flat,
				status: m.status,
				category_id: m.lead_category_id,
				category_name: category?.name ?? null,
				last_sent_time: m.last_sent_time,
				email_stats: { ...m.engagement },
			};
		}
		const { created_at: _, unsubscribed_client_id_map: __, ...leadFields } = this.publicLead(lead);
		return {
			campaign_lead_map_id: m.campaign_lead_map_id,
			lead_category_id: m.lead_category_id,
			status: m.status,
			created_at: m.created_at,
			lead: leadFields,
		};
	}

	/**
	 * `GET /campaigns/{id}/leads?offset&limit&status&lead_category_id&emailStatus&created_at_gt&
	 * last_sent_time_gt&event_time_gt`: at most 100 per page (Joi refuses more), `total_leads` a string.
	 */
	private listCampaignLeads(campaign: SmartleadCampaign, query: Record<string, string>): MockResponse {
		const dates = ['created_at_gt', 'last_sent_time_gt', 'event_time_gt'] as const;
		const problem =
			unknownQuery(query, ['offset', 'limit', 'status', 'lead_category_id', 'emailStatus', ...dates]) ??
			integerQuery(query, 'offset', 0) ??
			integerQuery(query, 'limit', 1, 100) ??
			integerQuery(query, 'lead_category_id', 1) ??
			oneOfQuery(query, 'status', LEAD_STATUSES) ??
			oneOfQuery(query, 'emailStatus', EMAIL_STATUSES) ??
			dates.map((name) => (query[name] !== undefined && Number.isNaN(Date.parse(query[name])) ? `"${name}" must be a valid date` : undefined)).find(Boolean);
		if (problem) return error(400, problem);
		const offset = Number(query.offset ?? 0);
		const limit = Number(query.limit ?? 100);
		const after = (value: string | null, bound: string | undefined) => bound === undefined || (value !== null && Date.parse(value) > Date.parse(bound));
		const matching = this.state.memberships.filter(
			(m) =>
				m.campaignId === campaign.id &&
				(query.status === undefined || m.status === query.status) &&
				(query.lead_category_id === undefined || m.lead_category_id === Number(query.lead_category_id)) &&
				(query.emailStatus === undefined || m.engagement[query.emailStatus as keyof SmartleadMembership['engagement']] === true) &&
				after(m.created_at, query.created_at_gt) &&
				after(m.last_sent_time, query.last_sent_time_gt) &&
				after(m.event_time, query.event_time_gt),
		);
		const page = matching.slice(offset, offset + limit).map((m) => this.campaignLeadRecord(m));
		if (this.leadListShape === 'flat') return json(200, { total: matching.length, offset, limit, leads: page });
		return json(200, { total_leads: String(matching.length), offset, limit, data: page });
	}

	/** `POST /campaigns/{id}/leads/{lead_id}/pause|resume|unsubscribe|category`. */
	private leadAction(campaign: SmartleadCampaign, leadId: string, action: string, body: unknown): MockResponse {
		if (!['pause', 'resume', 'unsubscribe', 'category'].includes(action)) return error(404, 'Not found');
		if (!/^\d+$/.test(leadId)) return error(400, '"lead_id" must be a number');
		const membership = this.membershipOf(campaign, leadId);
		if (!membership) return error(404, 'Lead not found - Invalid lead_id.');
		const given = body === '' || body === undefined ? {} : body;
		switch (action) {
			case 'pause': {
				membership.status = 'PAUSED';
				return json(200, { ok: true, data: 'Lead paused successfully' });
			}
			case 'resume': {
				const problem = validate(given, { resume_lead_with_delay_days: { integer: { min: 0 } } });
				if (problem) return error(400, problem);
				membership.status = 'INPROGRESS';
				membership.resumeDelayDays = (given as { resume_lead_with_delay_days?: number }).resume_lead_with_delay_days;
				return json(200, { ok: true, data: 'Lead resumed successfully' });
			}
			case 'unsubscribe': {
				// [inferred] an unsubscribed lead stops in the campaign and shows as unsubscribed there.
				membership.status = 'STOPPED';
				membership.engagement.is_unsubscribed = true;
				return json(200, { ok: true, data: 'Lead unsubscribed from campaign' });
			}
			default: {
				const problem = validate(given, { category_id: { integer: { min: 1 } }, pause_lead: 'boolean' }, ['category_id']);
				if (problem) return error(400, problem);
				const { category_id: categoryId, pause_lead: pause } = given as { category_id: number; pause_lead?: boolean };
				if (!this.state.categories.some((category) => category.id === categoryId)) return error(404, 'Category not found - Invalid category_id.');
				membership.lead_category_id = categoryId;
				if (pause) membership.status = 'PAUSED';
				return json(200, { ok: true, data: 'Lead category updated' });
			}
		}
	}

	/** `/leads/…`: look-up by email, the categories, a lead's campaigns, unsubscribe from all. */
	private answerLeads(req: RecordedRequest, segments: string[]): MockResponse {
		const [first, second, ...rest] = segments;
		if (rest.length) return error(404, 'Not found');
		if (first === undefined && req.method === 'GET') return this.leadByEmail(req.query);
		if (first === 'fetch-categories' && second === undefined && req.method === 'GET') return json(200, this.state.categories);
		if (first === 'add-domain-block-list' && second === undefined && req.method === 'POST') return this.addToBlockList(req.body);
		if (first === 'get-domain-block-list' && second === undefined && req.method === 'GET') return this.listBlockList(req.query);
		if (first === undefined || second === undefined) return error(404, 'Not found');
		if (!/^\d+$/.test(first)) return error(400, '"lead_id" must be a number');
		const lead = this.state.leads.get(Number(first));
		if (!lead) return error(404, 'Lead not found');
		const memberships = this.state.memberships.filter((m) => m.leadId === lead.id);
		if (second === 'campaigns' && req.method === 'GET') {
			return json(200, memberships.map((m) => {
				const campaign = this.state.campaigns.get(m.campaignId)!;
				return { id: campaign.id, status: campaign.status, name: campaign.name };
			}));
		}
		if (second === 'unsubscribe' && req.method === 'POST') {
			lead.is_unsubscribed = true;
			for (const m of memberships) {
				m.status = 'STOPPED';
				m.engagement.is_unsubscribed = true;
			}
			return json(200, { ok: true, data: 'Lead unsubscribed from all campaigns' });
		}
		return error(404, 'Not found');
	}

	/** `GET /leads/?email=`: the lead and every campaign it is in, or `{}` when no lead has the address. */
	private leadByEmail(query: Record<string, string>): MockResponse {
		const problem = unknownQuery(query, ['email']);
		if (problem) return error(400, problem);
		if (!query.email) return json(422, { error: 'email is required' });
		const wanted = query.email.trim().toLowerCase();
		const lead = [...this.state.leads.values()].find((candidate) => candidate.email.toLowerCase() === wanted);
		if (!lead) return json(200, {});
		const answer: Record<string, unknown> = this.publicLead(lead);
		if (this.leadCampaignData) {
			answer.lead_campaign_data = this.state.memberships
				.filter((m) => m.leadId === lead.id)
				.map((m) => {
					const campaign = this.state.campaigns.get(m.campaignId)!;
					return {
						campaign_lead_map_id: m.campaign_lead_map_id,
						campaign_id: campaign.id,
						campaign_name: campaign.name,
						client_id: campaign.client_id,
						client_email: null,
						lead_category_id: m.lead_category_id,
					};
				});
		}
		return json(200, answer);
	}

	/** `/campaigns/{id}/webhooks`: list, create (`id: null`) or update (`id` a number), delete. */
	private answerHooks(req: RecordedRequest, campaign: SmartleadCampaign, hookId: string | undefined): MockResponse {
		const ofCampaign = (hook: StoredHook) => hook.campaignId === String(campaign.id);
		const publicHook = (hook: StoredHook) => ({ id: Number(hook.id), name: hook.name, webhook_url: hook.url, event_types: hook.events, categories: [], created_at: hook.createdAt });
		if (hookId === undefined && req.method === 'GET') return json(200, this.hooks.list(ofCampaign).map(publicHook));
		if (hookId === undefined && req.method === 'POST') {
			const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
			if (typeof body.webhook_url !== 'string' || !/^https?:\/\//.test(body.webhook_url)) return error(400, '"webhook_url" must be a valid uri');
			if (typeof body.name !== 'string' || !body.name) return error(400, '"name" is required');
			if (!Array.isArray(body.event_types) || !body.event_types.length) return error(400, '"event_types" must contain at least 1 items');
			const unknown = body.event_types.find((event) => !SMARTLEAD_EVENTS.includes(event as string));
			if (unknown !== undefined) return error(400, `"event_types[0]" must be one of [${SMARTLEAD_EVENTS.join(', ')}]`);
			if (!Array.isArray(body.categories)) return error(400, '"categories" must be an array');
			if (body.id !== null && body.id !== undefined) return error(400, 'Updating a webhook is not served by this stand-in');
			const hook = this.hooks.add({ url: body.webhook_url, events: body.event_types as string[], campaignId: String(campaign.id), name: body.name });
			return json(200, { ok: true, data: publicHook(hook) });
		}
		if (req.method === 'DELETE') {
			const byPath = hookId !== undefined;
			if (this.hookDeletion !== 'both' && this.hookDeletion !== (byPath ? 'path' : 'body')) return error(404, 'Not found');
			const id = byPath ? hookId : String((req.body as Record<string, unknown> | undefined)?.id ?? '');
			const hook = this.hooks.get(id);
			if (!hook || !ofCampaign(hook)) return error(404, 'Webhook not found');
			this.hooks.remove(id);
			return json(200, { ok: true });
		}
		return error(404, 'Not found');
	}

	/**
	 * Posts a Smartlead event to every hook of `campaignId` that carries it, as Smartlead does: flat
	 * JSON naming the hook (`webhook_id`, `webhook_name`, `webhook_url`) and the account's `secret_key`.
	 */
	async deliver(event: string, fields: Record<string, unknown> = {}, campaignId = SMARTLEAD_SEED.campaigns[0].id): Promise<DeliveryResult[]> {
		const campaign = this.state.campaigns.get(campaignId);
		const lead = [...this.state.leads.values()].find((candidate) => candidate.campaignId === campaignId);
		const now = new Date().toISOString();
		return await this.hooks.deliver(event, String(campaignId), (hook) => {
			const body: Record<string, unknown> = {
				event_type: event,
				campaign_id: campaignId,
				campaign_name: campaign?.name,
				campaign_status: campaign?.status,
				sequence_number: 1,
				stats_id: `st_${Date.now().toString(36)}`,
				sl_email_lead_id: lead?.id,
				sl_email_lead_map_id: lead ? lead.id + 70000 : undefined,
				sl_lead_email: lead?.email,
				from_email: 'grace@acme.test',
				to_email: lead?.email,
				to_name: 'Ada Lovelace',
				subject: 'Quick question',
				...(event === 'EMAIL_REPLY'
					? {
							sent_message: { message_id: '<m1@acme.test>', html: '<p>Hi Ada</p>', text: 'Hi Ada', time: now },
							reply_message: { message_id: '<r1@example.com>', html: '<p>Sounds good, tell me more</p>', text: 'Sounds good, tell me more', time: now },
							preview_text: 'Sounds good, tell me more',
						}
					: {}),
				...(event === 'LEAD_CATEGORY_UPDATED'
					? { lead_category: { old_id: null, old_name: null, new_id: 1, new_name: 'Interested' }, lead_data: { email: lead?.email, first_name: 'Ada', last_name: 'Lovelace', company_name: 'Analytical Engines Ltd' } }
					: {}),
				event_timestamp: now,
				app_url: `https://app.smartlead.ai/app/master-inbox?campaign=${campaignId}`,
				webhook_id: Number(hook.id),
				webhook_name: hook.name,
				webhook_url: hook.url,
				client_id: null,
				secret_key: SMARTLEAD_UI_SECRET_KEY,
				metadata: { webhook_created_at: hook.createdAt },
				...fields,
			};
			return { url: hook.url, body, rawBody: JSON.stringify(body) };
		});
	}

	private publicCampaign(c: SmartleadCampaign) {
		return { id: c.id, name: c.name, status: c.status, created_at: c.created_at, client_id: c.client_id };
	}

	private update(target: Record<string, unknown>, body: unknown, schema: Record<string, Rule>): MockResponse {
		const problem = validate(body, schema);
		if (problem) return error(400, problem);
		Object.assign(target, JSON.parse(JSON.stringify(body)));
		return json(200, { ok: true });
	}

	/** Leads by lower-cased address, rebuilt when the state is new or holds more leads than it did. */
	private index?: { leads: Map<number, SmartleadLead>; size: number; byEmail: Map<string, SmartleadLead> };

	private leadWithEmail(email: string): SmartleadLead | undefined {
		const { leads } = this.state;
		if (!this.index || this.index.leads !== leads || this.index.size !== leads.size) {
			this.index = { leads, size: leads.size, byEmail: new Map([...leads.values()].map((lead) => [lead.email.toLowerCase(), lead])) };
		}
		return this.index.byEmail.get(email.toLowerCase());
	}

	/** Whether an address, or its domain, is on the global block list. */
	private isBlocked(email: string): boolean {
		const address = email.toLowerCase();
		const domain = address.slice(address.lastIndexOf('@') + 1);
		return this.state.blockList.some((entry) => entry.email_or_domain === address || entry.email_or_domain === domain);
	}

	/**
	 * `POST /campaigns/{id}/leads {lead_list, settings}`: at most 400 leads (more, or a lead without
	 * an email, is refused whole with Joi's 400). Each lead is checked in this order and counted
	 * under the first reason that applies: an invalid address (named in `invalid_emails`), the same
	 * address twice in the request (`duplicate_count`), already in this campaign
	 * (`already_added_to_campaign`), on the global block list by address or domain (`block_count`,
	 * unless `ignore_global_block_list`), unsubscribed (named in `unsubscribed_leads`, unless
	 * `ignore_unsubscribe_list`), in another campaign (`duplicate_count`, unless
	 * `ignore_duplicate_leads_in_other_campaign`). The others are added (`upload_count`). The answer's
	 * shape is the one a third-party client declares [3p]; Smartlead's docs only say "added/skipped
	 * counts with reasons" (docs/providers/smartlead.md, "Adding leads: the answer").
	 */
	private addLeads(campaign: SmartleadCampaign, body: unknown): MockResponse {
		const settingsRule: Rule = {
			object: {
				ignore_global_block_list: 'boolean',
				ignore_unsubscribe_list: 'boolean',
				ignore_duplicate_leads_in_other_campaign: 'boolean',
				ignore_community_bounce_list: 'boolean',
			},
		};
		const problem = validate(body, { lead_list: 'array', settings: settingsRule }, ['lead_list']);
		if (problem) return error(400, problem);
		const { lead_list: list, settings = {} } = body as { lead_list: unknown[]; settings?: Record<string, boolean> };
		if (list.length === 0) return error(400, '"lead_list" must contain at least 1 items');
		if (list.length > MAX_LEADS_PER_REQUEST) return error(400, `"lead_list" must contain less than or equal to ${MAX_LEADS_PER_REQUEST} items`);
		for (const [index, lead] of list.entries()) {
			const leadProblem = validate(lead, { ...LEAD_SCHEMA, email: 'string' }, ['email'], `lead_list[${index}].`);
			if (leadProblem) return error(400, leadProblem);
		}
		const counts = { upload_count: 0, block_count: 0, duplicate_count: 0, already_added_to_campaign: 0 };
		const invalid: string[] = [];
		const unsubscribed: string[] = [];
		const seen = new Set<string>();
		const now = new Date().toISOString();
		for (const raw of list as Array<Record<string, unknown>>) {
			const { email: rawEmail, custom_fields: customFields, ...fields } = raw;
			const email = String(rawEmail).trim();
			const key = email.toLowerCase();
			if (!isStrictEmail(email)) {
				invalid.push(email);
				continue;
			}
			if (seen.has(key)) {
				counts.duplicate_count++;
				continue;
			}
			seen.add(key);
			const existing = this.leadWithEmail(key);
			const campaigns = existing ? this.state.memberships.filter((m) => m.leadId === existing.id).map((m) => m.campaignId) : [];
			if (campaigns.includes(campaign.id)) counts.already_added_to_campaign++;
			else if (!settings.ignore_global_block_list && this.isBlocked(key)) counts.block_count++;
			else if (!settings.ignore_unsubscribe_list && existing?.is_unsubscribed) unsubscribed.push(email);
			else if (campaigns.length && !settings.ignore_duplicate_leads_in_other_campaign) counts.duplicate_count++;
			else {
				let lead = existing;
				if (!lead) {
					lead = { id: ++this.state.lastIds.lead, campaignId: campaign.id, email, fields: { ...fields }, custom_fields: { ...((customFields as Record<string, unknown>) ?? {}) }, is_unsubscribed: false, created_at: now };
					this.state.leads.set(lead.id, lead);
					// Keep the index current rather than rebuild it for the next lead.
					if (this.index?.leads === this.state.leads) {
						this.index.byEmail.set(key, lead);
						this.index.size = this.state.leads.size;
					}
				}
				this.state.memberships.push({
					campaign_lead_map_id: ++this.state.lastIds.map,
					campaignId: campaign.id,
					leadId: lead.id,
					status: 'STARTED',
					lead_category_id: null,
					created_at: now,
					last_sent_time: null,
					event_time: null,
					engagement: {},
				});
				counts.upload_count++;
			}
		}
		return json(200, {
			ok: true,
			upload_count: counts.upload_count,
			total_leads: list.length,
			block_count: counts.block_count,
			duplicate_count: counts.duplicate_count,
			invalid_email_count: invalid.length,
			invalid_emails: invalid,
			already_added_to_campaign: counts.already_added_to_campaign,
			unsubscribed_leads: unsubscribed,
			is_lead_limit_exhausted: false,
			lead_import_stopped_count: 0,
			bounce_count: 0,
		});
	}

	/** `DELETE /campaigns/{id}/leads/{lead_id}`: the lead leaves this campaign only; it stays in the account. */
	private removeLead(campaign: SmartleadCampaign, leadId: string): MockResponse {
		if (!/^\d+$/.test(leadId)) return error(400, '"lead_id" must be a number');
		const membership = this.membershipOf(campaign, leadId);
		if (!membership) return error(404, 'Lead not found - Invalid lead_id.');
		this.state.memberships = this.state.memberships.filter((m) => m !== membership);
		return json(200, { ok: true });
	}

	/**
	 * `GET /campaigns/{id}/analytics` and `…/analytics-by-date?start_date&end_date` (both required,
	 * YYYY-MM-DD). The figures are counted from the campaign's leads, as strings (the stand-in's
	 * choice, the shape is [?]); by date, only the leads last emailed within the period count.
	 */
	private analytics(campaign: SmartleadCampaign, sub: string, query: Record<string, string>): MockResponse {
		const byDate = sub === 'analytics-by-date';
		const dateProblem = (name: string) => {
			const value = query[name];
			if (value === undefined) return `"${name}" is required`;
			return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : `"${name}" must be in YYYY-MM-DD format`;
		};
		const problem = byDate ? (unknownQuery(query, ['start_date', 'end_date']) ?? dateProblem('start_date') ?? dateProblem('end_date')) : unknownQuery(query, []);
		if (problem) return error(400, problem);
		const members = this.state.memberships.filter((m) => m.campaignId === campaign.id);
		const inPeriod = byDate
			? members.filter((m) => m.last_sent_time !== null && m.last_sent_time.slice(0, 10) >= query.start_date && m.last_sent_time.slice(0, 10) <= query.end_date)
			: members.filter((m) => m.last_sent_time !== null);
		const count = (flag: keyof SmartleadMembership['engagement']) => String(inPeriod.filter((m) => m.engagement[flag]).length);
		const figures = {
			sent_count: String(inPeriod.length),
			open_count: count('is_opened'),
			click_count: count('is_clicked'),
			reply_count: count('is_replied'),
			block_count: '0',
			total_count: String(members.length),
			drafted_count: '0',
			bounce_count: count('is_bounced'),
			unsubscribed_count: count('is_unsubscribed'),
		};
		const head = { id: campaign.id, user_id: 4242, created_at: campaign.created_at, status: campaign.status, name: campaign.name };
		if (byDate) return json(200, { ...head, start_date: query.start_date, end_date: query.end_date, ...figures });
		const withStatus = (status: SmartleadMembership['status']) => members.filter((m) => m.status === status).length;
		return json(200, {
			...head,
			...figures,
			campaign_lead_stats: {
				total: members.length,
				paused: withStatus('PAUSED'),
				blocked: 0,
				stopped: withStatus('STOPPED'),
				completed: withStatus('COMPLETED'),
				inprogress: withStatus('INPROGRESS'),
				interested: members.filter((m) => m.lead_category_id === 1).length,
				notStarted: withStatus('STARTED'),
			},
		});
	}

	/**
	 * `POST /leads/add-domain-block-list {domain_block_list, client_id?}`: addresses and domains, at
	 * most MAX_BLOCK_LIST_VALUES; each is kept once, lower-cased. The answer `{ok: true}` is the
	 * stand-in's choice: Smartlead's docs show none [?].
	 */
	private addToBlockList(body: unknown): MockResponse {
		const problem = validate(body, { domain_block_list: 'array', client_id: { integer: { min: 1 } } }, ['domain_block_list']);
		if (problem) return error(400, problem);
		const { domain_block_list: values, client_id: clientId } = body as { domain_block_list: unknown[]; client_id?: number };
		if (values.length === 0) return error(400, '"domain_block_list" must contain at least 1 items');
		if (values.length > MAX_BLOCK_LIST_VALUES) return error(400, `"domain_block_list" must contain less than or equal to ${MAX_BLOCK_LIST_VALUES} items`);
		const wrong = values.findIndex((value) => typeof value !== 'string' || value.trim() === '');
		if (wrong !== -1) return error(400, `"domain_block_list[${wrong}]" must be a non-empty string`);
		const now = new Date().toISOString();
		for (const value of values as string[]) {
			const entry = value.trim().toLowerCase();
			if (this.state.blockList.some((blocked) => blocked.email_or_domain === entry)) continue;
			const id = Math.max(0, ...this.state.blockList.map((blocked) => blocked.id)) + 1;
			this.state.blockList.push({ id, email_or_domain: entry, created_at: now, source: 'Manual', client_id: clientId ?? null });
		}
		return json(200, { ok: true });
	}

	/** `GET /leads/get-domain-block-list?offset&limit` (limit 1–1000, default 100): a bare array, oldest first. */
	private listBlockList(query: Record<string, string>): MockResponse {
		const problem =
			unknownQuery(query, ['offset', 'limit', 'filter_client_id', 'filter_email_or_domain', 'filter_email_with_domain']) ??
			integerQuery(query, 'offset', 0) ??
			integerQuery(query, 'limit', 1, 1000) ??
			integerQuery(query, 'filter_client_id', 1);
		if (problem) return error(400, problem);
		const offset = Number(query.offset ?? 0);
		const limit = Number(query.limit ?? 100);
		const search = query.filter_email_or_domain?.toLowerCase();
		const entries = this.state.blockList.filter(
			(entry) =>
				(search === undefined || entry.email_or_domain.includes(search)) &&
				(query.filter_client_id === undefined || entry.client_id === Number(query.filter_client_id)),
		);
		return json(200, entries.slice(offset, offset + limit));
	}

	/** `GET /email-accounts/?offset&limit` (limit 1–100, default 100): a bare array of the account's mailboxes. */
	private listEmailAccounts(query: Record<string, string>): MockResponse {
		const filters = ['isInUse', 'emailWarmupStatus', 'isSmtpSuccess', 'isWarmupBlocked', 'esp', 'username', 'client_id', 'fetch_campaigns'];
		const problem = unknownQuery(query, ['offset', 'limit', ...filters]) ?? integerQuery(query, 'offset', 0) ?? integerQuery(query, 'limit', 1, 100);
		if (problem) return error(400, problem);
		const offset = Number(query.offset ?? 0);
		const limit = Number(query.limit ?? 100);
		return json(200, this.state.emailAccounts.slice(offset, offset + limit));
	}

	private updateLead(campaign: SmartleadCampaign, leadId: string, body: unknown): MockResponse {
		if (!/^\d+$/.test(leadId)) return error(400, '"lead_id" must be a number');
		const lead = this.state.leads.get(Number(leadId));
		if (!lead || !this.membershipOf(campaign, leadId)) return error(404, 'Lead not found - Invalid lead_id.');
		const problem = validate(body, LEAD_SCHEMA, ['email']);
		if (problem) return error(400, problem);
		const { email, custom_fields: customFields, ...fields } = body as Record<string, unknown>;
		lead.email = email as string;
		this.index = undefined;
		Object.assign(lead.fields, fields);
		Object.assign(lead.custom_fields, customFields ?? {});
		return json(200, { ok: true });
	}
}

export async function startSmartleadMock(options: SmartleadMockOptions = {}): Promise<SmartleadMock> {
	return await new SmartleadMock(options).listen();
}
