/**
 * A SendKit-like API, following docs/providers/sendkit.md. Where the doc is silent (list
 * pagination, tag objects, validation wording) the choices are ours and match what
 * nodes/SendKit/provider.ts reads.
 */
import { createHmac, randomBytes } from 'node:crypto';

import { HookStore, type DeliveryResult, type StoredHook } from './hooks';
import { HttpMock, json, RateWindow } from './http-mock';
import type { MockResponse, RecordedRequest } from './http-mock';

export const SENDKIT_SEED = {
	workspaceKey: 'sk_live_ws1Ab3dEf5gH7jK9',
	platformKey: 'sk_user_pl4tF0rmK3yX8yZ',
	workspaceIds: ['664f0a1b2c3d4e5f6a7b8c9e', '664f0a1b2c3d4e5f6a7b8caa'],
	campaignId: '665a1b2c3d4e5f6a7b8c9d0e',
	/** A campaign of the second workspace. */
	otherWorkspaceCampaignId: '665b00000000000000000b01',
	campaignLeadId: '666a1b2c3d4e5f6a7b8c9d01',
	/** Tagged "Interested" and enrolled in that tag's subsequence. */
	interestedLeadId: '666a1b2c3d4e5f6a7b8c9d02',
	leadId: '667000000000000000000001',
	tags: ['Interested', 'Not Interested', 'Meeting Booked', 'Out of Office'],
	otherWorkspaceTags: ['Hot', 'Cold'],
	/** The campaigns of the first workspace (more than one page of the picker). */
	campaignCount: 75,
	/** The email address of `leadId` (the lead of `campaignLeadId`). */
	leadEmail: 'ada@example.com',
	/** How many leads `campaignId` holds: the three above and 247 more, over three pages of 100. */
	campaignLeadCount: 250,
	/** A paused campaign with a mailbox and steps, no leads. */
	pausedCampaignId: '665a00000000000000000002',
	/** A draft with a mailbox, steps and one lead: it can start. */
	readyDraftCampaignId: '665a00000000000000000005',
	/** A draft with no mailbox, no steps and no lead: SendKit refuses to start it. */
	emptyDraftCampaignId: '665a00000000000000000010',
};

export interface SendKitCampaign {
	_id: string;
	workspaceId: string;
	name: string;
	status: string;
	settings: Record<string, unknown>;
	schedule: Record<string, unknown>;
	/** Tag name → subsequence name: leads tagged so are enrolled in it. */
	subsequences: Record<string, string>;
	createdAt: string;
	updatedAt: string;
	/** What `start` needs besides a lead (kept out of the campaign's JSON). */
	mailboxIds?: string[];
	sequenceSteps?: number;
}

/** A lead of the workspace (a person); campaign leads point at it by `leadId`. */
export interface SendKitLead {
	_id: string;
	workspaceId: string;
	email: string;
	firstName: string;
	lastName: string;
	company: string;
	/** Set on leads created by `POST /v1/campaigns/{id}/leads`, when given. */
	jobTitle?: string;
	phone?: string;
	website?: string;
	linkedinUrl?: string;
	customFields?: Record<string, string | number | boolean>;
}

export interface SendKitDncEntry {
	value: string;
	type: 'email' | 'domain';
	reason?: string;
	createdAt: string;
	/** The entry's ObjectId in `GET /v1/dnc` (left out by `dncEntries`). */
	_id?: string;
}

export interface SendKitCampaignLead {
	_id: string;
	campaignId: string;
	leadId: string;
	status: string;
	aiTag: string | null;
	currentSequenceStep: number;
	replied: boolean;
	addedAt: string;
	subsequence?: string;
}

export interface SendKitEvent {
	event: 'lead.tag_changed';
	campaignId: string;
	campaignLeadId: string;
	previousTag: string | null;
	newTag: string | null;
}

export interface SendKitState {
	campaigns: Map<string, SendKitCampaign>;
	campaignLeads: Map<string, SendKitCampaignLead>;
	leads: Map<string, SendKitLead>;
	/** The do-not-contact list per workspace, by lower-cased value. */
	dnc: Map<string, Map<string, SendKitDncEntry>>;
	tags: Map<string, string[]>;
	/** Webhook events SendKit would have fired, in order. */
	events: SendKitEvent[];
}

/**
 * How the campaign-lead list says there is more, since SendKit's field is not published [?]:
 * `nextCursor` (`pagination{limit, hasMore, nextCursor}`, the default), `hasMoreOnly`
 * (`pagination{limit, hasMore}`: the client continues after the last `_id`), `pages` (the docs'
 * older `pagination{page, limit, total, pages}`, paged by a `page` query parameter).
 */
export type SendKitLeadPaging = 'nextCursor' | 'hasMoreOnly' | 'pages';

export interface SendKitMockOptions {
	/** Requests allowed per window per key (default 100). */
	limit?: number;
	/** Window length in ms (default 1000). */
	windowMs?: number;
}

const STATUSES = ['draft', 'active', 'paused', 'completed', 'archived'];

/** The statuses of a lead in a campaign [3p]. */
export const CAMPAIGN_LEAD_STATUSES = ['pending', 'active', 'paused', 'completed', 'bounced', 'unsubscribed', 'replied', 'removed'];

/** The mix of statuses of the seeded campaign's leads (one per lead, in turn). */
const LEAD_STATUS_MIX = ['active', 'active', 'pending', 'active', 'paused', 'completed', 'replied', 'active', 'bounced', 'pending', 'unsubscribed', 'removed'];
const FIRST_NAMES = ['Maya', 'Liam', 'Sofia', 'Noah', 'Amara', 'Jonas', 'Priya', 'Mateo', 'Elena', 'Kofi', 'Hana', 'Lucas', 'Zara', 'Omar', 'Ines', 'Felix', 'Aiko', 'Diego', 'Nora', 'Ravi'];
const LAST_NAMES = ['Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Silva', 'Novak', 'Haddad', 'Kowalski', 'Mensah', 'Rossi', 'Schmidt', 'Patel', 'Nguyen', 'Fischer', 'Costa', 'Ivanova'];
const COMPANIES = [
	['Northwind Traders', 'northwind.example'],
	['Globex', 'globex.example'],
	['Initech', 'initech.example'],
	['Umbrella Health', 'umbrella-health.example'],
	['Stark Logistics', 'starklogistics.example'],
	['Wayne Foods', 'waynefoods.example'],
	['Acme Robotics', 'acmerobotics.example'],
];
const OBJECT_ID = /^[0-9a-f]{24}$/;

/** The most leads one `POST /v1/campaigns/{id}/leads` takes [docs]. */
export const MAX_LEADS_PER_ADD = 5_000;

/** The text fields a lead entry of `POST /v1/campaigns/{id}/leads` takes (the create-lead fields; `website` is ours [inferred]). */
const LEAD_TEXT_FIELDS = ['email', 'firstName', 'lastName', 'companyName', 'jobTitle', 'phone', 'website', 'linkedinUrl'];

const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
/** SendKit's own address check is unpublished; this one is stricter than a plain `x@y.z` (no `..`, a real domain) [inferred]. */
const isValidAddress = (value: string) => {
	const at = value.lastIndexOf('@');
	const local = value.slice(0, at);
	return at > 0 && /^[a-z0-9!#$%&'*+/=?^_`{|}~.-]+$/i.test(local) && !/^\.|\.\.|\.$/.test(local) && DOMAIN.test(value.slice(at + 1));
};

/** The webhook events SendKit sends (docs/providers/sendkit.md). */
export const SENDKIT_EVENTS = [
	'email.sent', 'email.opened', 'email.clicked', 'email.replied', 'email.bounced', 'email.unsubscribed', 'email.positive_reply',
	'lead.tag_changed', 'lead.replied', 'lead.bounced',
];

function seedState(): SendKitState {
	const [ws1, ws2] = SENDKIT_SEED.workspaceIds;
	const campaigns = new Map<string, SendKitCampaign>();
	const base = Date.UTC(2025, 5, 1);
	const add = (_id: string, workspaceId: string, name: string, status: string, subsequences: Record<string, string> = {}) => {
		const createdAt = new Date(base + campaigns.size * 3_600_000).toISOString();
		campaigns.set(_id, {
			_id,
			workspaceId,
			name,
			status,
			settings: { trackOpens: true, trackClicks: true, stopOnReply: true, dailySendLimit: 50 },
			schedule: { timezone: 'America/New_York', startTime: '09:00', endTime: '17:00', workingDays: [1, 2, 3, 4, 5] },
			subsequences,
			createdAt,
			updatedAt: createdAt,
		});
	};
	add(SENDKIT_SEED.campaignId, ws1, 'Q1 Outreach Campaign', 'active', { Interested: 'Interested follow-up' });
	add('665a00000000000000000002', ws1, 'Founders EU', 'paused');
	for (let n = 3; n <= SENDKIT_SEED.campaignCount; n++) {
		add(`665a${String(n).padStart(20, '0')}`, ws1, `Outbound wave ${n}`, STATUSES[n % STATUSES.length]);
	}
	add(SENDKIT_SEED.otherWorkspaceCampaignId, ws2, 'Agency client A', 'active');
	add('665b00000000000000000b02', ws2, 'Agency client B', 'draft');
	// Every campaign past draft has what sending needs; of the drafts, only one is ready.
	for (const campaign of campaigns.values()) {
		const ready = campaign.status !== 'draft' || campaign._id === SENDKIT_SEED.readyDraftCampaignId;
		campaign.mailboxIds = ready ? [`669${campaign._id.slice(3)}`] : [];
		campaign.sequenceSteps = ready ? 3 : 0;
	}

	const campaignLeads = new Map<string, SendKitCampaignLead>();
	const lead = (_id: string, leadId: string, aiTag: string | null, subsequence?: string) =>
		campaignLeads.set(_id, {
			_id,
			campaignId: SENDKIT_SEED.campaignId,
			leadId,
			status: 'active',
			aiTag,
			currentSequenceStep: 1,
			replied: false,
			addedAt: '2025-06-15T09:00:00.000Z',
			...(subsequence ? { subsequence } : {}),
		});
	lead(SENDKIT_SEED.campaignLeadId, SENDKIT_SEED.leadId, null);
	lead(SENDKIT_SEED.interestedLeadId, '667000000000000000000002', 'Interested', 'Interested follow-up');
	lead('666a1b2c3d4e5f6a7b8c9d03', '667000000000000000000003', 'Not Interested');

	const leads = new Map<string, SendKitLead>();
	const person = (_id: string, email: string, firstName: string, lastName: string, company: string) =>
		leads.set(_id, { _id, workspaceId: ws1, email, firstName, lastName, company });
	person(SENDKIT_SEED.leadId, SENDKIT_SEED.leadEmail, 'Ada', 'Lovelace', 'Analytical Engines');
	// Stored with capitals: lookups by email ignore case.
	person('667000000000000000000002', 'Grace.Hopper@example.com', 'Grace', 'Hopper', 'Compiler Works');
	person('667000000000000000000003', 'alan.turing@example.com', 'Alan', 'Turing', 'Bletchley Labs');

	// The rest of the 250: varied statuses, tags and steps, so that filters and paging matter.
	for (let n = 4; n <= SENDKIT_SEED.campaignLeadCount; n++) {
		const leadId = `667${String(n).padStart(21, '0')}`;
		const firstName = FIRST_NAMES[n % FIRST_NAMES.length];
		const lastName = LAST_NAMES[Math.floor(n / FIRST_NAMES.length) % LAST_NAMES.length];
		const [company, domain] = COMPANIES[n % COMPANIES.length];
		person(leadId, `${firstName}.${lastName}@${domain}`.toLowerCase(), firstName, lastName, company);
		const status = LEAD_STATUS_MIX[n % LEAD_STATUS_MIX.length];
		const replied = status === 'replied';
		const _id = `666b${String(n).padStart(20, '0')}`;
		campaignLeads.set(_id, {
			_id,
			campaignId: SENDKIT_SEED.campaignId,
			leadId,
			status,
			aiTag: replied ? SENDKIT_SEED.tags[n % 3] : n % 17 === 0 ? 'Out of Office' : null,
			currentSequenceStep: status === 'pending' ? 0 : 1 + (n % 3),
			replied,
			addedAt: new Date(Date.UTC(2025, 5, 15, 9) + n * 60_000).toISOString(),
		});
	}
	// The ready draft's one lead.
	person('667100000000000000000001', 'kim.lee@acmerobotics.example', 'Kim', 'Lee', 'Acme Robotics');
	campaignLeads.set('666d00000000000000000001', {
		_id: '666d00000000000000000001',
		campaignId: SENDKIT_SEED.readyDraftCampaignId,
		leadId: '667100000000000000000001',
		status: 'pending',
		aiTag: null,
		currentSequenceStep: 0,
		replied: false,
		addedAt: '2025-06-20T09:00:00.000Z',
	});

	const tags = new Map<string, string[]>([
		[ws1, [...SENDKIT_SEED.tags]],
		[ws2, [...SENDKIT_SEED.otherWorkspaceTags]],
	]);
	return { campaigns, campaignLeads, leads, dnc: new Map(), tags, events: [] };
}

const fail = (code: number, message: string, headers?: Record<string, string>): MockResponse => {
	const error: Record<number, string> = {
		400: 'Bad Request',
		401: 'Unauthorized',
		403: 'Forbidden',
		404: 'Not Found',
		429: 'Too Many Requests',
	};
	return json(code, { error: error[code] ?? 'Error', message, code }, headers);
};

const ok = (data: unknown, extra: Record<string, unknown> = {}) => json(200, { success: true, data, ...extra });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

type Check = (value: unknown, name: string) => string | undefined;
const boolean: Check = (v, n) => (typeof v === 'boolean' ? undefined : `${n} must be a boolean`);
const integer =
	(min: number): Check =>
	(v, n) =>
		typeof v === 'number' && Number.isInteger(v) && v >= min ? undefined : `${n} must be an integer >= ${min}`;
const emails: Check = (v, n) =>
	Array.isArray(v) && v.every((e) => typeof e === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e))
		? undefined
		: `${n} must be an array of email addresses`;
const hhmm: Check = (v, n) => (typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v) ? undefined : `${n} must be HH:MM`);
const timezone: Check = (v, n) => {
	if (typeof v !== 'string' || v === '') return `${n} must be an IANA timezone`;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: v });
		return undefined;
	} catch {
		return `${n} "${v}" is not a valid timezone`;
	}
};
const days: Check = (v, n) =>
	Array.isArray(v) && v.length > 0 && v.every((d) => Number.isInteger(d) && d >= 0 && d <= 6)
		? undefined
		: `${n} must be a non-empty array of day numbers 0-6`;

export const CAMPAIGN_SETTINGS: Record<string, Check> = {
	trackOpens: boolean,
	trackClicks: boolean,
	includeUnsubscribeLink: boolean,
	stopOnReply: boolean,
	stopOnAutoReply: boolean,
	stopOnCompanyReply: boolean,
	skipDNC: boolean,
	dailySendLimit: integer(1),
	emailIntervalMinutes: integer(0),
	cc: emails,
	bcc: emails,
	espMatchingMode: (v, n) => (typeof v === 'string' ? undefined : `${n} must be a string`),
};

export const CAMPAIGN_SCHEDULE: Record<string, Check> = {
	timezone,
	startTime: hhmm,
	endTime: hhmm,
	workingDays: days,
	skipNationalHolidays: boolean,
};

function checkSection(value: unknown, schema: Record<string, Check>, prefix: string): string | undefined {
	if (!isObject(value)) return `${prefix} must be an object`;
	for (const [key, inner] of Object.entries(value)) {
		const check = schema[key];
		if (!check) return `Unknown field "${prefix}.${key}"`;
		const problem = check(inner, `${prefix}.${key}`);
		if (problem) return problem;
	}
	return undefined;
}

interface Caller {
	key: string;
	workspaceId: string;
}

export class SendKitMock extends HttpMock {
	state: SendKitState = seedState();
	readonly options: Required<SendKitMockOptions>;
	private windows = new Map<string, RateWindow>();
	readonly workspaceKey = SENDKIT_SEED.workspaceKey;
	readonly platformKey = SENDKIT_SEED.platformKey;
	/** Workspace webhooks registered through `/v1/webhooks`; `campaignId` holds the workspace. */
	readonly hooks = new HookStore((n) => `6680000000000000000000${String(n).padStart(2, '0')}`);
	/** How deliveries are signed: the bare hex digest (default) or with a `sha256=` prefix. */
	signaturePrefix = '';
	/** How the campaign-lead list says there is more (see SendKitLeadPaging). */
	leadPaging: SendKitLeadPaging = 'nextCursor';
	/** Campaign leads added by `fillCampaign`, for their IDs. */
	private filled = 0;
	/** Leads, campaign leads and do-not-contact entries created through the API, for their IDs. */
	private created = 0;

	constructor(options: SendKitMockOptions = {}) {
		super();
		this.options = { limit: options.limit ?? 100, windowMs: options.windowMs ?? 1000 };
	}

	/** The `lead.tag_changed` webhooks SendKit would have fired. */
	get events(): SendKitEvent[] {
		return this.state.events;
	}

	setRateLimit(limit: number, windowMs: number): void {
		this.options.limit = limit;
		this.options.windowMs = windowMs;
		this.windows.clear();
	}

	protected resetState(): void {
		this.state = seedState();
		this.hooks.clear();
		this.signaturePrefix = '';
		this.leadPaging = 'nextCursor';
		this.filled = 0;
		this.created = 0;
		this.windows.clear();
	}

	protected route(req: RecordedRequest): MockResponse {
		const header = (name: string) => {
			const value = req.headers[name];
			return typeof value === 'string' ? value.trim() : undefined;
		};
		const bearer = /^Bearer\s+(.+)$/i.exec(header('authorization') ?? '')?.[1];
		const key = header('x-api-key') || bearer;
		if (!key) return fail(401, 'API key is required');

		let window = this.windows.get(key);
		if (!window) {
			window = new RateWindow(this.options.limit, this.options.windowMs);
			this.windows.set(key, window);
		}
		const now = Date.now();
		const verdict = window.hit(now);
		// SendKit reports its counters on every answer [3p]; the reset's form is unpublished: here
		// seconds from now (the IETF draft's form), which the pack reads like the other forms.
		const counters = {
			'X-RateLimit-Limit': String(this.options.limit),
			'X-RateLimit-Remaining': String(verdict.remaining),
			'X-RateLimit-Reset': this.retryAfter(verdict.allowed ? verdict.resetAt - now : verdict.retryAfterMs),
		};
		if (!verdict.allowed) {
			return fail(429, 'Rate limit exceeded, retry later', { ...counters, 'Retry-After': this.retryAfter(verdict.retryAfterMs) });
		}
		const answer = this.answerFor(req, key);
		answer.headers = { ...counters, ...answer.headers };
		return answer;
	}

	private answerFor(req: RecordedRequest, key: string): MockResponse {
		const header = (name: string) => {
			const value = req.headers[name];
			return typeof value === 'string' ? value.trim() : undefined;
		};

		const workspaceHeader = header('x-workspace-id');
		const [ws1] = SENDKIT_SEED.workspaceIds;
		let caller: Caller | undefined;
		const scoped = !(req.method === 'GET' && req.path === '/v1/workspaces');
		if (key === this.workspaceKey) {
			if (workspaceHeader !== undefined) {
				return fail(400, 'X-Workspace-Id must not be sent with a workspace API key; the key already belongs to a workspace');
			}
			caller = { key, workspaceId: ws1 };
		} else if (key === this.platformKey) {
			if (workspaceHeader !== undefined && !SENDKIT_SEED.workspaceIds.includes(workspaceHeader)) {
				return fail(403, 'You do not have access to this workspace');
			}
			if (workspaceHeader === undefined && scoped) {
				return fail(403, 'X-Workspace-Id header is required when using a platform API key');
			}
			caller = { key, workspaceId: workspaceHeader ?? '' };
		} else {
			return fail(401, 'Invalid API key');
		}

		let segments: string[];
		try {
			segments = req.path.replace(/^\/|\/$/g, '').split('/').map(decodeURIComponent);
		} catch {
			return fail(400, 'Malformed URL');
		}
		const [version, root, id, sub, subId, ...rest] = segments;
		if (version !== 'v1' || rest.length) return fail(404, 'Route not found');
		const m = req.method;

		if (root === 'workspaces' && segments.length === 2 && m === 'GET') {
			const ids = key === this.platformKey ? SENDKIT_SEED.workspaceIds : [ws1];
			return ok(ids.map((_id, n) => ({ _id, name: n === 0 ? 'Acme Outbound' : 'Acme Agency' })));
		}
		if (root === 'tags' && segments.length === 2 && m === 'GET') {
			const tags = this.state.tags.get(caller.workspaceId) ?? [];
			return ok(tags.map((name, n) => ({ _id: `tag_${n + 1}`, name, color: '#888888' })));
		}
		if (root === 'webhooks' && segments.length <= 3) return this.answerHooks(req, caller, id);
		if (root === 'dnc' && segments.length === 2 && m === 'POST') return this.addToDnc(caller, req.body);
		if (root === 'dnc' && segments.length === 2 && m === 'DELETE') return this.removeFromDnc(caller, req.body);
		if (root === 'dnc' && segments.length === 2 && m === 'GET') return this.listDnc(caller, req);
		if (root !== 'campaigns') return fail(404, 'Route not found');
		if (segments.length === 2 && m === 'GET') return this.listCampaigns(req, caller);

		const campaign = this.state.campaigns.get(id);
		const visible = campaign && campaign.workspaceId === caller.workspaceId ? campaign : undefined;
		if (segments.length === 3 && m === 'GET') return visible ? ok(this.campaignWithCounts(visible)) : fail(404, 'Campaign not found');
		if (segments.length === 3 && m === 'PATCH') {
			return visible ? this.patchCampaign(visible, req.body) : fail(404, 'Campaign not found');
		}
		if (segments.length === 4 && sub === 'leads' && m === 'GET') {
			return visible ? this.listCampaignLeads(visible, req) : fail(404, 'Campaign not found');
		}
		if (segments.length === 4 && sub === 'leads' && m === 'POST') {
			return visible ? this.addCampaignLeads(visible, req.body) : fail(404, 'Campaign not found');
		}
		if (segments.length === 5 && sub === 'leads' && subId === 'action' && m === 'POST') {
			return visible ? this.campaignLeadAction(visible, req.body) : fail(404, 'Campaign not found');
		}
		if (segments.length === 4 && sub === 'analytics' && m === 'GET') {
			return visible ? this.campaignAnalytics(visible, req) : fail(404, 'Campaign not found');
		}
		if (segments.length === 4 && (sub === 'start' || sub === 'pause' || sub === 'resume') && m === 'POST') {
			return visible ? this.changeCampaignStatus(visible, sub) : fail(404, 'Campaign not found');
		}
		if (segments.length === 5 && sub === 'leads' && m === 'PATCH') {
			if (!visible) return fail(404, 'Campaign not found');
			return this.patchCampaignLead(visible, subId, req.body);
		}
		return fail(404, 'Route not found');
	}

	/** `/v1/webhooks`: list, create (a secret is generated when none is given), get, delete. */
	private answerHooks(req: RecordedRequest, caller: Caller, hookId: string | undefined): MockResponse {
		const inWorkspace = (hook: StoredHook) => hook.campaignId === caller.workspaceId;
		const publicHook = (hook: StoredHook, withSecret = false) => ({
			_id: hook.id,
			workspaceId: caller.workspaceId,
			name: hook.name,
			url: hook.url,
			events: hook.events,
			...(withSecret ? { secret: hook.secret } : {}),
			retryAttempts: 3,
			timeoutMs: 10000,
			status: 'active',
			createdAt: hook.createdAt,
			updatedAt: hook.createdAt,
		});
		if (hookId === undefined && req.method === 'GET') return ok(this.hooks.list(inWorkspace).map((hook) => publicHook(hook)));
		if (hookId === undefined && req.method === 'POST') {
			const body = isObject(req.body) ? req.body : {};
			if (typeof body.name !== 'string' || !body.name.trim()) return fail(400, 'name is required');
			if (typeof body.url !== 'string' || !/^https?:\/\//.test(body.url)) return fail(400, 'url must be a valid URL');
			if (!Array.isArray(body.events) || !body.events.length) return fail(400, 'events must be a non-empty array');
			const unknown = body.events.find((event) => !SENDKIT_EVENTS.includes(event as string));
			if (unknown !== undefined) return fail(400, `Unknown event "${String(unknown)}"`);
			if (body.secret !== undefined && typeof body.secret !== 'string') return fail(400, 'secret must be a string');
			const secret = (body.secret as string | undefined) || randomBytes(32).toString('hex');
			const hook = this.hooks.add({ url: body.url, events: body.events as string[], secret, campaignId: caller.workspaceId, name: body.name });
			return ok(publicHook(hook, true));
		}
		const hook = hookId === undefined ? undefined : this.hooks.get(hookId);
		const visible = hook && inWorkspace(hook) ? hook : undefined;
		if (req.method === 'GET') return visible ? ok(publicHook(visible)) : fail(404, 'Webhook not found');
		if (req.method === 'DELETE') {
			if (!visible) return fail(404, 'Webhook not found');
			this.hooks.remove(visible.id);
			return ok({ _id: visible.id, deleted: true });
		}
		return fail(404, 'Route not found');
	}

	/**
	 * Posts a SendKit event to every workspace hook that carries it: `{event, createdAt, data}`,
	 * signed with the hook's secret (`X-Webhook-Signature`, HMAC-SHA256 hex of the raw body), the
	 * event named in `X-Webhook-Event`.
	 */
	async deliver(event: string, data: Record<string, unknown> = {}): Promise<DeliveryResult[]> {
		const lead = this.state.campaignLeads.get(SENDKIT_SEED.campaignLeadId);
		return await this.hooks.deliver(event, undefined, (hook) => {
			const body = {
				event,
				createdAt: new Date().toISOString(),
				data: { campaignId: lead?.campaignId, campaignLeadId: lead?._id, leadId: lead?.leadId, email: 'ada@example.com', ...data },
			};
			const rawBody = JSON.stringify(body);
			const signature = createHmac('sha256', hook.secret ?? '').update(rawBody).digest('hex');
			return { url: hook.url, body, rawBody, headers: { 'X-Webhook-Signature': `${this.signaturePrefix}${signature}`, 'X-Webhook-Event': event } };
		});
	}

	private publicCampaign(c: SendKitCampaign) {
		const { subsequences: _subsequences, mailboxIds: _mailboxIds, sequenceSteps: _sequenceSteps, ...rest } = c;
		return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
	}

	/** `GET /v1/campaigns/{id}`: the campaign with its lead counts and sending stats [docs]. */
	private campaignWithCounts(campaign: SendKitCampaign) {
		const leads = [...this.state.campaignLeads.values()].filter((lead) => lead.campaignId === campaign._id);
		const count = (status: string) => leads.filter((lead) => lead.status === status).length;
		return {
			...this.publicCampaign(campaign),
			leadCounts: { total: leads.length, active: count('active') },
			stats: {
				sent: leads.reduce((sum, lead) => sum + lead.currentSequenceStep, 0),
				replied: leads.filter((lead) => lead.replied).length,
				bounced: count('bounced'),
				unsubscribed: count('unsubscribed'),
			},
		};
	}

	/** A campaign lead as the list answers it: `leadId` populated with the lead [docs]. */
	private publicCampaignLead(record: SendKitCampaignLead) {
		const { subsequence: _subsequence, ...rest } = record;
		const lead = this.state.leads.get(record.leadId);
		const { workspaceId: _workspaceId, ...person } = lead ?? { _id: record.leadId, workspaceId: '' };
		return { ...rest, leadId: person };
	}

	/**
	 * `GET /v1/campaigns/{id}/leads?status&limit&cursor`, oldest `_id` first; the cursor is the
	 * `_id` of the last record of the previous page. The status filter is applied to the page
	 * after it is cut, as SendKit's sparse pages suggest [?]: a filtered page may hold fewer leads
	 * than `limit`, even none, while more follow.
	 */
	private listCampaignLeads(campaign: SendKitCampaign, req: RecordedRequest): MockResponse {
		const limit = req.query.limit === undefined ? 25 : Number(req.query.limit);
		if (!Number.isInteger(limit) || limit < 1 || limit > 100) return fail(400, 'limit must be an integer between 1 and 100');
		const { status, cursor } = req.query;
		if (status !== undefined && !CAMPAIGN_LEAD_STATUSES.includes(status)) {
			return fail(400, `status must be one of: ${CAMPAIGN_LEAD_STATUSES.join(', ')}`);
		}
		const all = [...this.state.campaignLeads.values()]
			.filter((lead) => lead.campaignId === campaign._id)
			.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
		let start = 0;
		if (this.leadPaging === 'pages') {
			const page = req.query.page === undefined ? 1 : Number(req.query.page);
			if (!Number.isInteger(page) || page < 1) return fail(400, 'page must be an integer >= 1');
			start = (page - 1) * limit;
		} else if (cursor !== undefined) {
			if (!OBJECT_ID.test(cursor)) return fail(400, 'Invalid cursor');
			start = all.findIndex((lead) => lead._id > cursor);
			if (start === -1) start = all.length;
		}
		const cut = all.slice(start, start + limit);
		const page = (status ? cut.filter((lead) => lead.status === status) : cut).map((lead) => this.publicCampaignLead(lead));
		const hasMore = start + limit < all.length;
		const pagination =
			this.leadPaging === 'pages'
				? { page: start / limit + 1, limit, total: all.length, pages: Math.ceil(all.length / limit) }
				: this.leadPaging === 'hasMoreOnly'
					? { limit, hasMore }
					: { limit, hasMore, nextCursor: hasMore ? cut[cut.length - 1]._id : null };
		return ok(page, { pagination });
	}

	/**
	 * `POST /v1/campaigns/{id}/start|pause|resume`. Resume only from paused [docs]; start needs a
	 * mailbox, a sequence step and a lead [docs]; which statuses start and pause accept, and their
	 * answers, are ours ([?]: `{id, status}` as resume answers).
	 */
	private changeCampaignStatus(campaign: SendKitCampaign, action: 'start' | 'pause' | 'resume'): MockResponse {
		const status = campaign.status;
		if (action === 'start') {
			if (status === 'active') return fail(400, 'Campaign is already active');
			if (status !== 'draft') return fail(400, `Campaign cannot be started from status "${status}"`);
			const missing = [
				campaign.mailboxIds?.length ? undefined : 'one mailbox',
				campaign.sequenceSteps ? undefined : 'one sequence step',
				[...this.state.campaignLeads.values()].some((lead) => lead.campaignId === campaign._id) ? undefined : 'one lead',
			].filter(Boolean);
			if (missing.length) return fail(400, `Campaign cannot be started: add at least ${missing.join(', ')}`);
		}
		if (action === 'pause' && status !== 'active') return fail(400, `Only active campaigns can be paused; this campaign is ${status}`);
		if (action === 'resume' && status !== 'paused') return fail(400, `Only paused campaigns can be resumed; this campaign is ${status}`);
		campaign.status = action === 'pause' ? 'paused' : 'active';
		campaign.updatedAt = new Date().toISOString();
		return ok({ id: campaign._id, status: campaign.status });
	}

	/**
	 * `POST /v1/dnc`: the workspace's do-not-contact list. Two bodies are accepted, since SendKit's
	 * page and the node's Unsubscribe disagree [?] (docs/providers/sendkit.md, "Do-not-contact
	 * list"): the documented `{entries: [{email, reason?}]}`, each value an address or a domain, and
	 * the form Unsubscribe sends, `{entries: [string], type: email|domain, reason?}`. Values are
	 * lower-cased; what is listed already is skipped [docs]. Answers `{added, skipped}`.
	 */
	private addToDnc(caller: Caller, body: unknown): MockResponse {
		if (!isObject(body)) return fail(400, 'Request body must be a JSON object');
		const unknown = Object.keys(body).find((key) => !['entries', 'type', 'reason'].includes(key));
		if (unknown !== undefined) return fail(400, `Unknown field "${unknown}"`);
		const { entries, type, reason } = body;
		if (!Array.isArray(entries) || entries.length === 0 || entries.length > 10_000) {
			return fail(400, 'entries must be an array of 1 to 10000 values');
		}
		if (reason !== undefined && typeof reason !== 'string') return fail(400, 'reason must be a string');
		const wanted: Array<Omit<SendKitDncEntry, 'createdAt'>> = [];
		if (entries.every((entry) => isObject(entry))) {
			if (type !== undefined) return fail(400, 'type is not taken with entry objects: each entry is an address or a domain');
			for (const entry of entries as Array<Record<string, unknown>>) {
				const extra = Object.keys(entry).find((key) => key !== 'email' && key !== 'reason');
				if (extra !== undefined) return fail(400, `Unknown field "entries[].${extra}"`);
				if (entry.reason !== undefined && typeof entry.reason !== 'string') return fail(400, 'entries[].reason must be a string');
				const value = typeof entry.email === 'string' ? entry.email.trim().toLowerCase() : '';
				const kind = isValidAddress(value) ? 'email' : DOMAIN.test(value) ? 'domain' : undefined;
				if (!kind) return fail(400, `${JSON.stringify(entry.email ?? null)} is not a valid email address or domain`);
				const why = (entry.reason as string | undefined) ?? (reason as string | undefined);
				wanted.push({ value, type: kind, ...(why ? { reason: why } : {}) });
			}
		} else {
			if (type !== 'email' && type !== 'domain') return fail(400, 'type must be "email" or "domain"');
			const valid = type === 'email' ? /^[^@\s]+@[^@\s]+\.[^@\s]+$/ : /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
			const bad = entries.find((entry) => typeof entry !== 'string' || !valid.test(entry.trim()));
			if (bad !== undefined) return fail(400, `${JSON.stringify(bad)} is not a valid ${type === 'email' ? 'email address' : 'domain'}`);
			for (const entry of entries as string[]) {
				wanted.push({ value: entry.trim().toLowerCase(), type, ...(reason ? { reason: reason as string } : {}) });
			}
		}
		const list = this.dncOf(caller.workspaceId);
		let added = 0;
		for (const entry of wanted) {
			if (list.has(entry.value)) continue;
			list.set(entry.value, { ...entry, createdAt: new Date().toISOString(), _id: this.nextId('66b') });
			added++;
		}
		return ok({ added, skipped: entries.length - added });
	}

	private dncOf(workspaceId: string): Map<string, SendKitDncEntry> {
		let list = this.state.dnc.get(workspaceId);
		if (!list) this.state.dnc.set(workspaceId, (list = new Map()));
		return list;
	}

	/** A new ObjectId-like ID with this prefix; IDs made later sort after earlier ones. */
	private nextId(prefix: string): string {
		return `${prefix}${String(++this.created).padStart(24 - prefix.length, '0')}`;
	}

	/** Whether an address, or its domain, is on the workspace's do-not-contact list. */
	private blocked(workspaceId: string, email: string): boolean {
		const list = this.state.dnc.get(workspaceId);
		const value = email.trim().toLowerCase();
		return Boolean(list && (list.has(value) || list.has(value.slice(value.lastIndexOf('@') + 1))));
	}

	/**
	 * `DELETE /v1/dnc {emails[]}` or `{selectAll: true, search?, type?}` [docs]: answers
	 * `{deleted}`, the entries that were on the list. A domain is removed by its value in `emails`,
	 * the field that holds it in the list [inferred].
	 */
	private removeFromDnc(caller: Caller, body: unknown): MockResponse {
		if (!isObject(body)) return fail(400, 'Request body must be a JSON object');
		const unknown = Object.keys(body).find((key) => !['emails', 'selectAll', 'search', 'type'].includes(key));
		if (unknown !== undefined) return fail(400, `Unknown field "${unknown}"`);
		const list = this.dncOf(caller.workspaceId);
		let deleted = 0;
		if (body.selectAll === true) {
			if (body.type !== undefined && body.type !== 'email' && body.type !== 'domain') return fail(400, 'type must be "email" or "domain"');
			const search = typeof body.search === 'string' ? body.search.trim().toLowerCase() : '';
			for (const [value, entry] of [...list]) {
				if ((body.type === undefined || entry.type === body.type) && value.includes(search)) {
					list.delete(value);
					deleted++;
				}
			}
			return ok({ deleted });
		}
		const { emails } = body;
		if (!Array.isArray(emails) || emails.length === 0 || emails.some((email) => typeof email !== 'string' || email.trim() === '')) {
			return fail(400, 'Provide emails (a non-empty array of strings) or selectAll: true');
		}
		for (const email of emails as string[]) {
			if (list.delete(email.trim().toLowerCase())) deleted++;
		}
		return ok({ deleted });
	}

	/**
	 * `GET /v1/dnc?type&limit&cursor`, oldest first; the cursor is the `_id` of the last entry of the
	 * previous page; entries as SendKit's page shows them [docs].
	 */
	private listDnc(caller: Caller, req: RecordedRequest): MockResponse {
		const limit = req.query.limit === undefined ? 25 : Number(req.query.limit);
		if (!Number.isInteger(limit) || limit < 1 || limit > 100) return fail(400, 'limit must be an integer between 1 and 100');
		const { type, cursor } = req.query;
		if (type !== undefined && type !== 'email' && type !== 'domain') return fail(400, 'type must be one of: email, domain');
		if (cursor !== undefined && !OBJECT_ID.test(cursor)) return fail(400, 'Invalid cursor');
		const all = [...this.dncOf(caller.workspaceId).values()]
			.filter((entry) => type === undefined || entry.type === type)
			.map((entry) => ({ ...entry, _id: entry._id ?? this.nextId('66b') }))
			.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
		const start = cursor === undefined ? 0 : all.filter((entry) => entry._id <= cursor).length;
		const page = all.slice(start, start + limit);
		const hasMore = start + limit < all.length;
		return ok(
			page.map((entry) => ({
				_id: entry._id,
				email: entry.value,
				entryType: entry.type,
				workspaceId: caller.workspaceId,
				reason: entry.reason ?? null,
				unsubscribedAt: entry.createdAt,
				createdAt: entry.createdAt,
				updatedAt: entry.createdAt,
			})),
			{ pagination: { limit, total: all.length, hasMore, nextCursor: hasMore ? page[page.length - 1]._id : null } },
		);
	}

	/**
	 * `POST /v1/campaigns/{id}/leads {leads}` [docs]: at most 5,000 entries (more is a 400 for the
	 * whole request); an entry takes an existing `leadId` or an `email`, which creates the lead when
	 * the workspace has none. An entry that cannot be added is named in `errors[{entry, message}]`
	 * and the rest go on [docs]; a lead already in the campaign is skipped [docs], and so is an
	 * address whose address or domain is on the do-not-contact list (counted as skipped [?]). New
	 * campaign leads are `active` in an active campaign, else `pending` [docs]. Only the `leads`
	 * mode is served here (not `filters` or `selectAll`).
	 */
	private addCampaignLeads(campaign: SendKitCampaign, body: unknown): MockResponse {
		if (!isObject(body)) return fail(400, 'Request body must be a JSON object');
		if ('filters' in body || 'selectAll' in body) return fail(400, 'This stand-in takes only the leads mode');
		const unknown = Object.keys(body).find((key) => key !== 'leads');
		if (unknown !== undefined) return fail(400, `Unknown field "${unknown}"`);
		const { leads } = body;
		if (!Array.isArray(leads) || leads.length === 0) return fail(400, 'Provide one of leads, filters or selectAll');
		if (leads.length > MAX_LEADS_PER_ADD) return fail(400, `leads must contain at most ${MAX_LEADS_PER_ADD} entries, got ${leads.length}`);

		let added = 0;
		let skipped = 0;
		const errors: Array<{ entry: unknown; message: string }> = [];
		for (const entry of leads as unknown[]) {
			const problem = this.leadEntryProblem(campaign, entry);
			if (problem) {
				errors.push({ entry, message: problem });
				continue;
			}
			const fields = entry as Record<string, unknown>;
			let lead: SendKitLead | undefined;
			if (typeof fields.leadId === 'string') {
				lead = this.state.leads.get(fields.leadId);
			} else {
				const email = (fields.email as string).trim().toLowerCase();
				if (this.blocked(campaign.workspaceId, email)) {
					skipped++;
					continue;
				}
				lead = [...this.state.leads.values()].find((candidate) => candidate.workspaceId === campaign.workspaceId && candidate.email.toLowerCase() === email);
				if (!lead) {
					const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : undefined);
					lead = {
						_id: this.nextId('66a'),
						workspaceId: campaign.workspaceId,
						email,
						firstName: text('firstName') ?? '',
						lastName: text('lastName') ?? '',
						company: text('companyName') ?? '',
						...Object.fromEntries(['jobTitle', 'phone', 'website', 'linkedinUrl'].filter((name) => text(name) !== undefined).map((name) => [name, text(name)])),
						...(isObject(fields.customFields) ? { customFields: fields.customFields as SendKitLead['customFields'] } : {}),
					};
					this.state.leads.set(lead._id, lead);
				}
			}
			if (!lead || this.blocked(campaign.workspaceId, lead.email)) {
				skipped++;
				continue;
			}
			const leadId = lead._id;
			if ([...this.state.campaignLeads.values()].some((record) => record.campaignId === campaign._id && record.leadId === leadId)) {
				skipped++;
				continue;
			}
			const _id = this.nextId('666e');
			this.state.campaignLeads.set(_id, {
				_id,
				campaignId: campaign._id,
				leadId,
				status: campaign.status === 'active' ? 'active' : 'pending',
				aiTag: null,
				currentSequenceStep: 0,
				replied: false,
				addedAt: new Date().toISOString(),
			});
			added++;
		}
		return ok({ added, skipped, errors });
	}

	/** What keeps one entry of an add out of the campaign, in SendKit's words where they are known. */
	private leadEntryProblem(campaign: SendKitCampaign, entry: unknown): string | undefined {
		if (!isObject(entry)) return 'Each lead must be an object';
		for (const [key, value] of Object.entries(entry)) {
			if (key === 'leadId' || key === 'customFields') continue;
			if (!LEAD_TEXT_FIELDS.includes(key)) return `Unknown field "${key}"`;
			if (typeof value !== 'string') return `${key} must be a string`;
		}
		if (entry.customFields !== undefined) {
			const custom = entry.customFields;
			if (!isObject(custom) || Object.values(custom).some((value) => !['string', 'number', 'boolean'].includes(typeof value))) {
				return 'customFields must be an object of text, number or boolean values';
			}
		}
		if (entry.leadId !== undefined) {
			const lead = typeof entry.leadId === 'string' ? this.state.leads.get(entry.leadId) : undefined;
			return lead && lead.workspaceId === campaign.workspaceId ? undefined : 'Lead not found';
		}
		const email = typeof entry.email === 'string' ? entry.email.trim() : '';
		// The docs' own example message for an entry without either.
		if (email === '') return 'Either leadId or email is required';
		return isValidAddress(email) ? undefined : `Invalid email address "${email}"`;
	}

	/**
	 * `POST /v1/campaigns/{id}/leads/action {action, leadIds}` [docs]: pause active leads, resume
	 * paused ones, or remove (hard-delete a lead sent nothing yet, else status "removed") [docs];
	 * answers `{action, modifiedCount}`, counting only leads of this campaign that changed. No
	 * maximum of `leadIds` is published, so none is enforced here. Only explicit IDs are served.
	 */
	private campaignLeadAction(campaign: SendKitCampaign, body: unknown): MockResponse {
		if (!isObject(body)) return fail(400, 'Request body must be a JSON object');
		const { action, leadIds } = body;
		if (action !== 'pause' && action !== 'resume' && action !== 'remove') return fail(400, 'action must be one of: pause, resume, remove');
		if ('selectAll' in body) return fail(400, 'This stand-in takes only leadIds');
		if (!Array.isArray(leadIds) || leadIds.length === 0) return fail(400, 'Provide leadIds (a non-empty array) or selectAll: true');
		const bad = leadIds.find((id) => typeof id !== 'string' || !OBJECT_ID.test(id));
		if (bad !== undefined) return fail(400, `Invalid campaign lead ID ${JSON.stringify(bad)}`);
		let modifiedCount = 0;
		for (const id of new Set(leadIds as string[])) {
			const record = this.state.campaignLeads.get(id);
			if (!record || record.campaignId !== campaign._id) continue;
			if (action === 'pause' && record.status === 'active') record.status = 'paused';
			else if (action === 'resume' && record.status === 'paused') record.status = 'active';
			else if (action === 'remove' && record.status !== 'removed') {
				if (record.currentSequenceStep === 0) this.state.campaignLeads.delete(id);
				else record.status = 'removed';
			} else continue;
			modifiedCount++;
		}
		return ok({ action, modifiedCount });
	}

	/**
	 * `GET /v1/campaigns/{id}/analytics?from&to` [docs]: stats, per-step figures, lead statuses and
	 * replies. The figures are ours, from the campaign's leads (`from`/`to` keep the leads added in
	 * that range, `to` taking its whole day); SendKit's own counting is not published.
	 */
	private campaignAnalytics(campaign: SendKitCampaign, req: RecordedRequest): MockResponse {
		const bound = (name: 'from' | 'to') => {
			const text = req.query[name];
			if (text === undefined) return { ok: true as const, at: undefined };
			const at = Date.parse(text);
			return Number.isNaN(at) ? { ok: false as const, at: undefined } : { ok: true as const, at: /^\d{4}-\d{2}-\d{2}$/.test(text) && name === 'to' ? at + 86_399_999 : at };
		};
		const from = bound('from');
		const to = bound('to');
		if (!from.ok) return fail(400, 'from must be a date');
		if (!to.ok) return fail(400, 'to must be a date');
		const leads = [...this.state.campaignLeads.values()].filter((lead) => {
			const added = Date.parse(lead.addedAt);
			return lead.campaignId === campaign._id && (from.at === undefined || added >= from.at) && (to.at === undefined || added <= to.at);
		});
		const count = (status: string) => leads.filter((lead) => lead.status === status).length;
		const sent = leads.reduce((sum, lead) => sum + lead.currentSequenceStep, 0);
		const bounced = count('bounced');
		const steps = Math.max(0, ...leads.map((lead) => lead.currentSequenceStep));
		const statusBreakdown = Object.fromEntries(CAMPAIGN_LEAD_STATUSES.map((status) => [status, count(status)]).filter(([, n]) => n));
		const replied = leads.filter((lead) => lead.replied).length;
		return ok({
			campaign: { id: campaign._id, name: campaign.name, status: campaign.status, startedAt: campaign.createdAt },
			stats: { sent, delivered: sent - bounced, opened: Math.floor(sent / 2), clicked: Math.floor(sent / 8), replied, bounced, unsubscribed: count('unsubscribed') },
			stepAnalytics: Array.from({ length: steps }, (_, step) => {
				const reached = leads.filter((lead) => lead.currentSequenceStep > step).length;
				return { _id: { sequenceStep: step, variant: null }, sent: reached, opened: Math.floor(reached / 2), clicked: Math.floor(reached / 8), bounced: 0 };
			}),
			statusBreakdown,
			totalReplied: replied,
		});
	}

	/** The do-not-contact entries of a workspace (the first by default). */
	dncEntries(workspaceId = SENDKIT_SEED.workspaceIds[0]): SendKitDncEntry[] {
		return [...(this.state.dnc.get(workspaceId)?.values() ?? [])].map(({ _id: _ignored, ...entry }) => entry);
	}

	/**
	 * Adds `count` leads to a campaign (for paging boundaries), with the statuses given in turn;
	 * answers the new campaign leads.
	 */
	fillCampaign(campaignId: string, count: number, statuses: string[] = ['active']): SendKitCampaignLead[] {
		const added: SendKitCampaignLead[] = [];
		for (let n = 0; n < count; n++) {
			const serial = ++this.filled;
			const leadId = `668${String(serial).padStart(21, '0')}`;
			this.state.leads.set(leadId, {
				_id: leadId,
				workspaceId: this.state.campaigns.get(campaignId)?.workspaceId ?? SENDKIT_SEED.workspaceIds[0],
				email: `filler${serial}@fill.example`,
				firstName: 'Filler',
				lastName: String(serial),
				company: 'Fill Co',
			});
			const record: SendKitCampaignLead = {
				_id: `666c${String(serial).padStart(20, '0')}`,
				campaignId,
				leadId,
				status: statuses[n % statuses.length],
				aiTag: null,
				currentSequenceStep: 1,
				replied: false,
				addedAt: '2025-07-01T09:00:00.000Z',
			};
			this.state.campaignLeads.set(record._id, record);
			added.push(record);
		}
		return added;
	}

	/** Cursor pagination: the cursor is the `_id` of the last campaign of the previous page. */
	private listCampaigns(req: RecordedRequest, caller: Caller): MockResponse {
		const limit = req.query.limit === undefined ? 25 : Number(req.query.limit);
		if (!Number.isInteger(limit) || limit < 1 || limit > 100) return fail(400, 'limit must be an integer between 1 and 100');
		if (req.query.status !== undefined && !STATUSES.includes(req.query.status)) {
			return fail(400, `status must be one of: ${STATUSES.join(', ')}`);
		}
		let all = [...this.state.campaigns.values()].filter((c) => c.workspaceId === caller.workspaceId);
		if (req.query.status) all = all.filter((c) => c.status === req.query.status);
		const search = req.query.search?.trim().toLowerCase();
		if (search) all = all.filter((c) => c.name.toLowerCase().includes(search));
		let start = 0;
		if (req.query.cursor !== undefined) {
			const at = all.findIndex((c) => c._id === req.query.cursor);
			if (at === -1) return fail(400, 'Invalid cursor');
			start = at + 1;
		}
		const page = all.slice(start, start + limit);
		const hasMore = start + limit < all.length;
		return ok(
			page.map((c) => ({ _id: c._id, name: c.name, status: c.status, createdAt: c.createdAt })),
			{ pagination: { limit, hasMore, nextCursor: hasMore ? page[page.length - 1]._id : null } },
		);
	}

	private patchCampaign(campaign: SendKitCampaign, body: unknown): MockResponse {
		if (!isObject(body) || Object.keys(body).length === 0) return fail(400, 'Request body must contain at least one field to update');
		for (const [key, value] of Object.entries(body)) {
			let problem: string | undefined;
			if (key === 'name') problem = typeof value === 'string' && value.trim() !== '' ? undefined : 'name must be a non-empty string';
			else if (key === 'settings') problem = checkSection(value, CAMPAIGN_SETTINGS, 'settings');
			else if (key === 'schedule') problem = checkSection(value, CAMPAIGN_SCHEDULE, 'schedule');
			else problem = `Unknown field "${key}"`;
			if (problem) return fail(400, problem);
		}
		const patch = body as { name?: string; settings?: Record<string, unknown>; schedule?: Record<string, unknown> };
		if (patch.name !== undefined) campaign.name = patch.name;
		Object.assign(campaign.settings, patch.settings ?? {});
		Object.assign(campaign.schedule, patch.schedule ?? {});
		campaign.updatedAt = new Date().toISOString();
		return ok(this.publicCampaign(campaign));
	}

	private patchCampaignLead(campaign: SendKitCampaign, campaignLeadId: string, body: unknown): MockResponse {
		const record = this.state.campaignLeads.get(campaignLeadId);
		if (!record || record.campaignId !== campaign._id) return fail(404, 'Campaign lead not found');
		if (!isObject(body)) return fail(400, 'Request body must be a JSON object');
		for (const key of Object.keys(body)) {
			if (key !== 'status' && key !== 'aiTag') return fail(400, `Unknown field "${key}"; only status and aiTag can be updated`);
		}
		if (!('status' in body) && !('aiTag' in body)) return fail(400, 'Provide status or aiTag');
		if ('status' in body && body.status !== 'active' && body.status !== 'paused') {
			return fail(400, 'Status can only be changed to "active" or "paused"');
		}
		const tags = this.state.tags.get(campaign.workspaceId) ?? [];
		if ('aiTag' in body && body.aiTag !== null && (typeof body.aiTag !== 'string' || !tags.includes(body.aiTag))) {
			return fail(400, `aiTag "${String(body.aiTag)}" does not match any AI tagging label in this workspace`);
		}

		if (typeof body.status === 'string') record.status = body.status;
		let enrollment: Record<string, string> | undefined;
		if ('aiTag' in body && body.aiTag !== record.aiTag) {
			const newTag = body.aiTag as string | null;
			this.state.events.push({
				event: 'lead.tag_changed',
				campaignId: campaign._id,
				campaignLeadId,
				previousTag: record.aiTag,
				newTag,
			});
			record.aiTag = newTag;
			const target = newTag === null ? undefined : campaign.subsequences[newTag];
			if (target && record.subsequence) {
				enrollment = { action: 'switched', subsequenceName: target };
			} else if (target) {
				enrollment = { action: 'enrolled', subsequenceName: target };
			} else if (record.subsequence) {
				enrollment = { action: 'exited', subsequenceName: record.subsequence };
			}
			record.subsequence = target;
		}
		const { subsequence: _subsequence, leadId: _leadId, ...data } = record;
		return ok({ ...data, ...(enrollment ? { subsequenceEnrollment: enrollment } : {}) });
	}
}

export async function startSendKitMock(options: SendKitMockOptions = {}): Promise<SendKitMock> {
	return await new SendKitMock(options).listen();
}
