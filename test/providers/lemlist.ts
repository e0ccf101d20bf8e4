/**
 * lemlist API mock, following /work/shared/reference/lemlist.md.
 * Served under `/api` so `mock.url` can go straight into the credential's baseUrl.
 */
import { HookStore, type DeliveryResult } from './hooks';
import { HttpMock, json, RateWindow, text } from './http-mock';
import type { MockResponse, RecordedRequest } from './http-mock';

export interface LemlistMockOptions {
	apiKey?: string;
	/** Requests allowed per window per API key (default 20). */
	limit?: number;
	/** Window length in ms (default 2000). */
	windowMs?: number;
	/** Answer `GET /campaigns` with the old bare-array shape even with `version=v2`. */
	legacyCampaignList?: boolean;
}

export interface LemlistCampaign {
	_id: string;
	name: string;
	status: string;
	createdAt: string;
	sendUserStrategy: 'static' | 'dynamic';
	/** For dynamic strategies: contactOwner | leadImporter | customField. */
	dynamicSenderType?: string;
	/** Everything PATCH may set (flat fields and structured sections), merged partially. */
	settings: Record<string, unknown>;
}

export interface LemlistLead {
	_id: string;
	campaignId: string;
	email: string;
	firstName?: string;
	lastName?: string;
	companyName?: string;
	jobTitle?: string;
	preferredContactMethod?: string;
	state: string;
	graveyard?: boolean;
}

export interface LemlistTeamUser {
	_id: string;
	mailboxes: Array<{ sendUserMailboxId: string; email: string }>;
	phoneNumbers: string[];
	whatsappAccountIds: string[];
}

export interface LemlistState {
	campaigns: Map<string, LemlistCampaign>;
	leads: Map<string, LemlistLead>;
	users: Map<string, LemlistTeamUser>;
}

export const LEMLIST_SEED = {
	team: { _id: 'tea_1', name: 'Acme' },
	campaignCount: 130,
	staticCampaignIds: ['cam_A1', 'cam_B2'],
	dynamicCampaignId: 'cam_DYN',
	leadIds: ['lea_1', 'lea_2'],
	graveyardLeadId: 'lea_GRAVE',
	userIds: ['usr_2aBCdEfGHiJkLmNOp', 'usr_7xYzAbCdEfGhIjKlM'],
};

const STATUSES = ['running', 'draft', 'paused', 'ended', 'archived'];

/** Hook types the stand-in accepts (lemlist's spec has 75; these are the ones the trigger offers and a few more). */
export const LEMLIST_HOOK_TYPES = [
	'emailsSent', 'emailsOpened', 'emailsClicked', 'emailsReplied', 'emailsBounced', 'emailsFailed', 'emailsInterested',
	'emailsNotInterested', 'emailsUnsubscribed', 'interested', 'notInterested', 'contacted', 'hooked', 'attracted', 'warmed',
	'paused', 'resumed', 'stopped', 'campaignComplete', 'annotated', 'linkedinReplied', 'aircallDone',
];

function seedState(): LemlistState {
	const campaigns = new Map<string, LemlistCampaign>();
	const base = Date.UTC(2024, 0, 1);
	const add = (c: Omit<LemlistCampaign, 'createdAt' | 'settings'>) => {
		const createdAt = new Date(base + campaigns.size * 3_600_000).toISOString();
		campaigns.set(c._id, { ...c, createdAt, settings: {} });
	};
	add({ _id: 'cam_A1', name: 'Q4 Outbound', status: 'running', sendUserStrategy: 'static' });
	add({ _id: 'cam_B2', name: 'Founders EU', status: 'paused', sendUserStrategy: 'static' });
	add({
		_id: 'cam_DYN',
		name: 'Dynamic senders',
		status: 'draft',
		sendUserStrategy: 'dynamic',
		dynamicSenderType: 'contactOwner',
	});
	for (let i = 4; i <= LEMLIST_SEED.campaignCount; i++) {
		const n = String(i).padStart(3, '0');
		add({ _id: `cam_gen${n}`, name: `Campaign ${n}`, status: STATUSES[i % STATUSES.length], sendUserStrategy: 'static' });
	}

	const leads = new Map<string, LemlistLead>();
	leads.set('lea_1', {
		_id: 'lea_1',
		campaignId: 'cam_A1',
		email: 'ada@example.com',
		firstName: 'Ada',
		lastName: 'Lovelace',
		companyName: 'Engines Ltd',
		state: 'emailsSent',
	});
	leads.set('lea_2', {
		_id: 'lea_2',
		campaignId: 'cam_A1',
		email: 'alan@example.com',
		firstName: 'Alan',
		lastName: 'Turing',
		state: 'scanned',
	});
	leads.set('lea_GRAVE', {
		_id: 'lea_GRAVE',
		campaignId: 'cam_A1',
		email: 'gone@example.com',
		state: 'removed',
		graveyard: true,
	});

	const users = new Map<string, LemlistTeamUser>();
	users.set('usr_2aBCdEfGHiJkLmNOp', {
		_id: 'usr_2aBCdEfGHiJkLmNOp',
		mailboxes: [{ sendUserMailboxId: 'smb_a1b2c3', email: 'grace@acme.test' }],
		phoneNumbers: [],
		whatsappAccountIds: [],
	});
	users.set('usr_7xYzAbCdEfGhIjKlM', {
		_id: 'usr_7xYzAbCdEfGhIjKlM',
		mailboxes: [
			{ sendUserMailboxId: 'smb_d4e5f6', email: 'linus@acme.test' },
			{ sendUserMailboxId: 'smb_g7h8i9', email: 'linus@acme-mail.test' },
		],
		phoneNumbers: ['+33100000000'],
		whatsappAccountIds: [],
	});
	return { campaigns, leads, users };
}

// ---------------------------------------------------------------------------------------------
// PATCH /campaigns/:id body validation (types per the reference tables)
// ---------------------------------------------------------------------------------------------

type Rule =
	| 'boolean'
	| 'string'
	| 'string[]'
	| 'userIds'
	| { enum: string[] }
	| { enumArray: string[] }
	| { section: Record<string, Rule> };

const PROGRESS = { enum: ['continue', 'pause', 'stop'] };
const REPLY_ACTION: Rule = {
	section: {
		enabled: 'boolean',
		pauseAllCampaignsForLead: 'boolean',
		pauseCampaignForCompany: 'boolean',
		pauseAllCampaignsForCompany: 'boolean',
	},
};

export const CAMPAIGN_PATCH_SCHEMA: Record<string, Rule> = {
	name: 'string',
	stopOnEmailReplied: 'boolean',
	stopOnMeetingBooked: 'boolean',
	stopOnLinkClicked: 'boolean',
	stopOnLinkClickedFilter: 'string',
	leadsPausedByInterest: 'boolean',
	opportunityReplied: 'boolean',
	opportunityClicked: 'boolean',
	autoLeadInterest: 'boolean',
	disableTrackOpen: 'boolean',
	disableTrackClick: 'boolean',
	disableTrackReply: 'boolean',
	disableOutOfOffice: 'boolean',
	sequenceSharing: 'boolean',
	sendUserIds: 'userIds',
	autoReview: 'boolean',
	autoReviewConditions: { enumArray: ['deliverable', 'risky', 'undeliverable', 'unverified'] },
	aiFeatures: {
		section: { scoreReplies: 'boolean', onInterestedReply: REPLY_ACTION, onNotInterestedReply: REPLY_ACTION },
	},
	tracking: { section: { trackOpens: 'boolean', trackClicks: 'boolean', trackReplies: 'boolean' } },
	onReplied: {
		section: {
			createNewTask: 'boolean',
			campaignProgress: PROGRESS,
			propagateProgressToCompany: 'boolean',
			disableOutOfOffice: 'boolean',
		},
	},
	onLinkClicked: {
		section: {
			createNewTask: 'boolean',
			campaignProgress: PROGRESS,
			propagateProgressToCompany: 'boolean',
			specificLinks: 'string[]',
		},
	},
	onMeetingBooked: { section: { campaignProgress: PROGRESS, propagateProgressToCompany: 'boolean' } },
};

export const LEAD_PATCH_SCHEMA: Record<string, Rule> = {
	firstName: 'string',
	lastName: 'string',
	companyName: 'string',
	jobTitle: 'string',
	preferredContactMethod: 'string',
};

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** Returns an error message, or undefined when the body is valid. */
export function validateBody(body: unknown, schema: Record<string, Rule>, prefix = ''): string | undefined {
	if (!isObject(body)) return prefix ? `"${prefix.slice(0, -1)}" must be an object` : 'Body must be a JSON object';
	for (const [key, value] of Object.entries(body)) {
		const name = prefix + key;
		const rule = schema[key];
		if (!rule) return `Unknown field "${name}"`;
		const error = checkRule(value, rule, name);
		if (error) return error;
	}
	return undefined;
}

function checkRule(value: unknown, rule: Rule, name: string): string | undefined {
	if (rule === 'boolean') return typeof value === 'boolean' ? undefined : `"${name}" must be a boolean`;
	if (rule === 'string') return typeof value === 'string' ? undefined : `"${name}" must be a string`;
	if (rule === 'string[]' || rule === 'userIds') {
		if (!Array.isArray(value)) return `"${name}" must be an array of strings`;
		for (const [i, v] of value.entries()) {
			if (typeof v !== 'string') return `"${name}[${i}]" must be a string`;
			if (rule === 'userIds' && !/^usr_[A-Za-z0-9]+$/.test(v)) {
				return `"${name}[${i}]" must be a user id starting with "usr_", got "${v}"`;
			}
		}
		return undefined;
	}
	if ('enum' in rule) {
		return typeof value === 'string' && rule.enum.includes(value)
			? undefined
			: `"${name}" must be one of [${rule.enum.join(', ')}], got ${JSON.stringify(value)}`;
	}
	if ('enumArray' in rule) {
		if (!Array.isArray(value)) return `"${name}" must be an array`;
		for (const [i, v] of value.entries()) {
			if (typeof v !== 'string' || !rule.enumArray.includes(v)) {
				return `"${name}[${i}]" must be one of [${rule.enumArray.join(', ')}], got ${JSON.stringify(v)}`;
			}
		}
		return undefined;
	}
	return validateBody(value, rule.section, `${name}.`);
}

/** Deep-merges plain objects (arrays and scalars replace). */
function mergeInto(target: Record<string, unknown>, patch: Record<string, unknown>): void {
	for (const [key, value] of Object.entries(patch)) {
		if (isObject(value)) {
			if (!isObject(target[key])) target[key] = {};
			mergeInto(target[key] as Record<string, unknown>, value);
		} else {
			target[key] = Array.isArray(value) ? [...value] : value;
		}
	}
}

// ---------------------------------------------------------------------------------------------
// The mock
// ---------------------------------------------------------------------------------------------

export class LemlistMock extends HttpMock {
	readonly apiKey: string;
	state: LemlistState = seedState();
	/** The webhooks registered through `/hooks`. */
	readonly hooks = new HookStore((n) => `hoo_${String(n).padStart(17, '0')}`);
	readonly options: Required<LemlistMockOptions>;
	private windows = new Map<string, RateWindow>();

	constructor(options: LemlistMockOptions = {}) {
		super(undefined, { basePath: '/api' });
		this.options = {
			apiKey: options.apiKey ?? 'lem-test-key-123',
			limit: options.limit ?? 20,
			windowMs: options.windowMs ?? 2000,
			legacyCampaignList: options.legacyCampaignList ?? false,
		};
		this.apiKey = this.options.apiKey;
	}

	/** Change the rate limit at runtime (applies to new windows and existing ones). */
	setRateLimit(limit: number, windowMs: number): void {
		this.options.limit = limit;
		this.options.windowMs = windowMs;
		for (const w of this.windows.values()) {
			w.limit = limit;
			w.perMs = windowMs;
		}
	}

	protected resetState(): void {
		this.state = seedState();
		this.hooks.clear();
		this.windows.clear();
	}

	/** Decodes `Authorization: Basic base64(":" + key)`; returns the key or undefined. */
	private presentedKey(req: RecordedRequest): string | undefined {
		const header = req.headers.authorization;
		if (typeof header !== 'string') return undefined;
		const match = /^Basic\s+(.+)$/i.exec(header.trim());
		if (!match) return undefined;
		const decoded = Buffer.from(match[1], 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		const password = colon === -1 ? '' : decoded.slice(colon + 1);
		return password || undefined;
	}

	protected route(req: RecordedRequest): MockResponse {
		const key = this.presentedKey(req);
		let window = this.windows.get(key ?? '');
		if (!window) {
			window = new RateWindow(this.options.limit, this.options.windowMs);
			this.windows.set(key ?? '', window);
		}
		const now = Date.now();
		const verdict = window.hit(now);
		const headers = {
			'Retry-After': this.retryAfter(verdict.allowed ? verdict.resetAt - now : verdict.retryAfterMs),
			'X-RateLimit-Limit': String(this.options.limit),
			'X-RateLimit-Remaining': String(verdict.remaining),
			'X-RateLimit-Reset': new Date(verdict.resetAt).toString(),
		};
		const answer = this.answer(req, key, verdict.allowed);
		answer.headers = { ...headers, ...answer.headers };
		return answer;
	}

	private answer(req: RecordedRequest, key: string | undefined, allowed: boolean): MockResponse {
		if (!key) return text(400, 'No API key provided');
		if (key !== this.apiKey) return text(401, 'The authentication you supplied is incorrect');
		if (!allowed) return text(429, 'Too many requests');

		if (!req.path.startsWith('/api/')) return text(404, 'Not found');
		let segments: string[];
		try {
			segments = req.path.slice('/api/'.length).replace(/\/$/, '').split('/').map(decodeURIComponent);
		} catch {
			return text(400, 'Malformed URL');
		}
		const [root, campaignId, sub, leadId, ...rest] = segments;
		const m = req.method;

		if (m === 'GET' && root === 'team' && segments.length === 1) return json(200, LEMLIST_SEED.team);
		if (root === 'hooks' && segments.length <= 2) return this.answerHooks(req, campaignId);
		if (root !== 'campaigns' || rest.length) return text(404, 'Not found');

		if (segments.length === 1 && m === 'GET') return this.listCampaigns(req);
		if (segments.length === 2 && m === 'GET') {
			const campaign = this.state.campaigns.get(campaignId);
			return campaign ? json(200, this.publicCampaign(campaign)) : text(404, 'Campaign not found');
		}
		if (segments.length === 2 && m === 'PATCH') return this.patchCampaign(campaignId, req.body);
		if (segments.length === 4 && sub === 'leads' && m === 'PATCH') {
			return this.patchLead(campaignId, leadId, req.body);
		}
		return text(404, 'Not found');
	}

	/** `/hooks`: list, add (one hook per target URL: a second answers 409), delete. */
	private answerHooks(req: RecordedRequest, hookId: string | undefined): MockResponse {
		const publicHook = (hook: ReturnType<HookStore['list']>[number]) => ({
			_id: hook.id,
			targetUrl: hook.url,
			createdAt: hook.createdAt,
			...(hook.events[0] ? { type: hook.events[0] } : {}),
			...(hook.campaignId ? { campaignId: hook.campaignId } : {}),
		});
		if (hookId === undefined && req.method === 'GET') return json(200, this.hooks.list().map(publicHook));
		if (hookId === undefined && req.method === 'POST') {
			const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
			if (typeof body.targetUrl !== 'string' || !/^https?:\/\//.test(body.targetUrl)) return text(400, '"targetUrl" is required and must be a URL');
			if (body.type !== undefined && (typeof body.type !== 'string' || !LEMLIST_HOOK_TYPES.includes(body.type))) return text(400, `"type" must be one of ${LEMLIST_HOOK_TYPES.join(', ')}`);
			if (body.secret !== undefined && typeof body.secret !== 'string') return text(400, '"secret" must be a string');
			if (this.hooks.list((hook) => hook.url === body.targetUrl).length) return text(409, 'A webhook with this targetUrl already exists');
			const campaignId = req.query.campaignId;
			if (campaignId && !this.state.campaigns.has(campaignId)) return text(404, 'Campaign not found');
			const hook = this.hooks.add({ url: body.targetUrl, events: body.type ? [body.type as string] : [], secret: body.secret as string | undefined, campaignId: campaignId || undefined });
			return json(200, { _id: hook.id, targetUrl: hook.url, createdAt: hook.createdAt, ...(hook.events[0] ? { type: hook.events[0] } : {}) });
		}
		if (hookId !== undefined && req.method === 'DELETE') {
			const removed = this.hooks.remove(hookId);
			return removed ? json(200, publicHook(removed)) : text(404, 'Webhook not found');
		}
		return text(404, 'Not found');
	}

	/**
	 * Posts a lemlist activity of `type` to every hook that carries it, as lemlist does: the activity
	 * object with the hook's `secret` echoed in the body, no signature.
	 */
	async deliver(type: string, activity: Record<string, unknown> = {}): Promise<DeliveryResult[]> {
		const lead = this.state.leads.get(LEMLIST_SEED.leadIds[0])!;
		const campaignId = String(activity.campaignId ?? lead.campaignId);
		const campaign = this.state.campaigns.get(campaignId);
		return await this.hooks.deliver(type, campaignId, (hook) => {
			const body = {
				_id: `act_${Date.now().toString(36)}`,
				type,
				teamId: LEMLIST_SEED.team._id,
				createdAt: new Date().toISOString(),
				campaignId,
				campaignName: campaign?.name,
				sequenceId: 'seq_1',
				sequenceStep: 1,
				totalSequenceStep: 3,
				leadId: lead._id,
				leadEmail: lead.email,
				leadFirstName: lead.firstName,
				leadLastName: lead.lastName,
				sendUserId: LEMLIST_SEED.userIds[0],
				sendUserEmail: 'grace@acme.test',
				subject: 'Quick question',
				...activity,
				...(hook.secret ? { secret: hook.secret } : {}),
			};
			return { url: hook.url, body, rawBody: JSON.stringify(body) };
		});
	}

	private publicCampaign(c: LemlistCampaign) {
		return { _id: c._id, name: c.name, status: c.status, createdAt: c.createdAt };
	}

	private listCampaigns(req: RecordedRequest): MockResponse {
		const limit = req.query.limit === undefined ? 100 : Number(req.query.limit);
		if (!Number.isInteger(limit) || limit < 1) return text(400, '"limit" must be a positive integer');
		if (limit > 100) return text(400, '"limit" must be less than or equal to 100');
		const page = req.query.page === undefined ? 1 : Number(req.query.page);
		if (!Number.isInteger(page) || page < 1) return text(400, '"page" must be a positive integer');
		const offset = req.query.offset === undefined ? (page - 1) * limit : Number(req.query.offset);
		if (!Number.isInteger(offset) || offset < 0) return text(400, '"offset" must be a non-negative integer');

		let all = [...this.state.campaigns.values()];
		if (req.query.status) all = all.filter((c) => c.status === req.query.status);
		const slice = all.slice(offset, offset + limit).map((c) => this.publicCampaign(c));

		if (req.query.version !== 'v2' || this.options.legacyCampaignList) return json(200, slice);
		const totalPage = Math.ceil(all.length / limit);
		const currentPage = Math.floor(offset / limit) + 1;
		return json(200, {
			campaigns: slice,
			pagination: {
				totalRecords: all.length,
				currentPage,
				nextPage: currentPage < totalPage ? currentPage + 1 : null,
				totalPage,
			},
		});
	}

	private patchCampaign(campaignId: string, body: unknown): MockResponse {
		const campaign = this.state.campaigns.get(campaignId);
		if (!campaign) return text(404, 'Campaign not found');
		const error = validateBody(body, CAMPAIGN_PATCH_SCHEMA);
		if (error) return text(400, error);
		const patch = body as Record<string, unknown>;
		if (patch.sendUserIds !== undefined && campaign.sendUserStrategy === 'dynamic') {
			return text(
				400,
				'Cannot update senders on campaigns with a dynamic sender strategy (contactOwner, leadImporter, customField)',
			);
		}
		mergeInto(campaign.settings, patch);
		if (typeof patch.name === 'string') campaign.name = patch.name;

		const response: Record<string, unknown> = JSON.parse(JSON.stringify(patch));
		if (Array.isArray(patch.sendUserIds)) {
			response.sendUsers = (patch.sendUserIds as string[])
				.map((id) => this.state.users.get(id))
				.filter((u): u is LemlistTeamUser => u !== undefined && u.mailboxes.length > 0)
				.map((u) => ({
					id: u._id,
					mailboxes: u.mailboxes.map((mb) => ({ ...mb })),
					phoneNumbers: [...u.phoneNumbers],
					whatsappAccountIds: [...u.whatsappAccountIds],
				}));
		}
		return json(200, response);
	}

	private patchLead(campaignId: string, leadId: string, body: unknown): MockResponse {
		if (!this.state.campaigns.has(campaignId)) return text(404, 'Campaign not found');
		const lead = this.state.leads.get(leadId);
		if (!lead || lead.campaignId !== campaignId) return text(404, 'Lead not found');
		if (lead.graveyard) return text(500, 'Lead in graveyard');
		const error = validateBody(body, LEAD_PATCH_SCHEMA);
		if (error) return text(400, error);
		const patch = body as Record<string, string>;
		Object.assign(lead, patch);
		return json(200, { _id: leadId, campaignId, ...patch });
	}
}

export async function startLemlistMock(options: LemlistMockOptions = {}): Promise<LemlistMock> {
	return await new LemlistMock(options).listen();
}
