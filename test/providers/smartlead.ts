/**
 * Smartlead API mock, following /work/shared/reference/smartlead.md: the key in the `api_key` query
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
	campaignId: number;
	email: string;
	fields: Record<string, unknown>;
	custom_fields: Record<string, unknown>;
}

export const SMARTLEAD_SEED = {
	campaigns: [
		{ id: 101, name: 'Q4 Outbound', status: 'ACTIVE' },
		{ id: 102, name: 'Founders EU', status: 'PAUSED' },
		{ id: 103, name: 'Agency Partners', status: 'DRAFTED' },
	],
	leads: [
		{ id: 5001, campaignId: 101, email: 'ada@example.com' },
		{ id: 5002, campaignId: 101, email: 'alan@example.com' },
		{ id: 5003, campaignId: 102, email: 'grace@example.com' },
	],
};

function seedState() {
	const campaigns = new Map<number, SmartleadCampaign>();
	for (const [index, c] of SMARTLEAD_SEED.campaigns.entries()) {
		const created_at = new Date(Date.UTC(2025, 0, 1 + index)).toISOString();
		campaigns.set(c.id, { ...c, created_at, client_id: null, settings: {}, schedule: {} });
	}
	const leads = new Map<number, SmartleadLead>();
	for (const l of SMARTLEAD_SEED.leads) leads.set(l.id, { ...l, fields: {}, custom_fields: {} });
	return { campaigns, leads };
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
	}

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
		const tightest = verdicts.reduce((a, b) => (b.remaining < a.remaining ? b : a));
		if (denied.length) {
			const waitMs = Math.max(...denied.map((verdict) => verdict.retryAfterMs));
			const retryAfter = Number(this.retryAfter(waitMs));
			const headers: Record<string, string> = {
				'X-RateLimit-Limit': String(this.windowRules[0].limit),
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
			'X-RateLimit-Limit': String(this.windowRules[0].limit),
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
		const [root, campaignId, sub, leadId, ...rest] = segments;
		if (root !== 'campaigns' || rest.length) return error(404, 'Not found');
		if (segments.length === 1 && req.method === 'GET') return json(200, [...this.state.campaigns.values()].map((c) => this.publicCampaign(c)));

		if (!/^\d+$/.test(campaignId)) return error(400, '"campaign_id" must be a number');
		const campaign = this.state.campaigns.get(Number(campaignId));
		if (!campaign) return error(404, 'Campaign not found - Invalid campaign_id.');

		if (segments.length === 2 && req.method === 'GET') return json(200, { ...this.publicCampaign(campaign), ...campaign.settings });
		if (sub === 'webhooks' && segments.length <= 4) return this.answerHooks(req, campaign, leadId);
		if (req.method !== 'POST') return error(404, 'Not found');
		if (segments.length === 3 && sub === 'settings') return this.update(campaign.settings, req.body, SETTINGS_SCHEMA);
		if (segments.length === 3 && sub === 'schedule') return this.update(campaign.schedule, req.body, SCHEDULE_SCHEMA);
		if (segments.length === 4 && sub === 'leads') return this.updateLead(campaign, leadId, req.body);
		return error(404, 'Not found');
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

	private updateLead(campaign: SmartleadCampaign, leadId: string, body: unknown): MockResponse {
		if (!/^\d+$/.test(leadId)) return error(400, '"lead_id" must be a number');
		const lead = this.state.leads.get(Number(leadId));
		if (!lead || lead.campaignId !== campaign.id) return error(404, 'Lead not found - Invalid lead_id.');
		const problem = validate(body, LEAD_SCHEMA, ['email']);
		if (problem) return error(400, problem);
		const { email, custom_fields: customFields, ...fields } = body as Record<string, unknown>;
		lead.email = email as string;
		Object.assign(lead.fields, fields);
		Object.assign(lead.custom_fields, customFields ?? {});
		return json(200, { ok: true });
	}
}

export async function startSmartleadMock(options: SmartleadMockOptions = {}): Promise<SmartleadMock> {
	return await new SmartleadMock(options).listen();
}
