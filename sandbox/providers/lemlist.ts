/**
 * lemlist API mock, following docs/providers/lemlist.md.
 * Served under `/api` so `mock.url` can go straight into the credential's baseUrl.
 */
import { createHash } from 'node:crypto';

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
	/** The user who created the campaign (`usr_…`). */
	createdBy?: string;
	/** Launch blockers; a campaign with any is listed under status `errors` too. */
	errors?: string[];
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
	/** The detailed last state (emailsSent, emailsOpened, …); the global state derives from it. */
	state: string;
	graveyard?: boolean;
	isPaused?: boolean;
	emailStatus?: string;
	companyDomain?: string;
	phone?: string;
	linkedinUrl?: string;
	icebreaker?: string;
	timezone?: string;
	picture?: string;
	contactOwner?: string;
	/** Custom variables given when the lead was added (any other string key of the body). */
	variables?: Record<string, string>;
	updatedAt?: string;
}

export interface LemlistUnsubscribe {
	_id: string;
	value: string;
	createdAt: string;
	source: string;
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
	/** The team's unsubscribe list, by address or @domain. */
	unsubscribes: Map<string, LemlistUnsubscribe>;
}

export const LEMLIST_SEED = {
	team: { _id: 'tea_1', name: 'Acme' },
	campaignCount: 130,
	staticCampaignIds: ['cam_A1', 'cam_B2'],
	dynamicCampaignId: 'cam_DYN',
	leadIds: ['lea_1', 'lea_2'],
	graveyardLeadId: 'lea_GRAVE',
	userIds: ['usr_2aBCdEfGHiJkLmNOp', 'usr_7xYzAbCdEfGhIjKlM'],
	/** The campaign holding many leads (paging is real), `lea_EU001` … `lea_EU250`. */
	bigCampaignId: 'cam_B2',
	bigCampaignLeadCount: 250,
	/** ada@example.com is a lead of cam_A1 (lea_1) and of cam_B2 (lea_EU001): one contact, two campaigns. */
	sharedEmail: 'ada@example.com',
};

/** The detailed states of the big campaign's leads, in turn: every stage and outcome shows up. */
const LEAD_STATES = [
	'scanned', 'reviewed', 'emailsSent', 'emailsSent', 'emailsOpened', 'emailsOpened', 'emailsClicked', 'emailsReplied',
	'emailsInterested', 'emailsNotInterested', 'emailsBounced', 'emailsUnsubscribed', 'meetingBooked', 'linkedinInviteAccepted',
];
const EMAIL_STATUSES = ['deliverable', 'deliverable', 'risky', 'undeliverable'];
const FIRST_NAMES = ['Grace', 'Linus', 'Margaret', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Radia', 'Tim', 'Katherine'];
const LAST_NAMES = ['Hopper', 'Torvalds', 'Hamilton', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson', 'Perlman', 'Lee', 'Johnson', 'Ritchie', 'Kay'];
const COMPANIES = ['Northwind', 'Contoso', 'Initech', 'Globex', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne'];
const SEED_UPDATED_AT = '2024-06-03T09:30:00.000Z';

/** The global state (a stage of the sequence) each detailed state belongs to, where they differ. */
const GLOBAL_STATES: Record<string, string> = {
	emailsSent: 'contacted', emailsOpened: 'hooked', emailsClicked: 'attracted', emailsReplied: 'warmed',
	emailsInterested: 'interested', manualInterested: 'interested', linkedinInterested: 'interested', aircallInterested: 'interested', apiInterested: 'interested',
	emailsNotInterested: 'notInterested', manualNotInterested: 'notInterested', linkedinNotInterested: 'notInterested', aircallNotInterested: 'notInterested', apiNotInterested: 'notInterested',
	emailsFailed: 'failed', linkedinSendFailed: 'failed', linkedinVisitFailed: 'failed', linkedinInviteFailed: 'failed',
	linkedinInviteAccepted: 'contacted', linkedinSent: 'contacted', linkedinOpened: 'hooked', linkedinReplied: 'warmed',
};

/** The `state` values the campaign export takes (comma-separated), as lemlist's spec lists them. */
export const LEMLIST_EXPORT_STATES = [
	'all', 'imported', 'scanned', 'skipped', 'reviewed', 'contacted', 'hooked', 'attracted', 'warmed', 'interested',
	'notInterested', 'emailsBounced', 'emailsUnsubscribed', 'failed', 'meetingBooked', 'paused', 'emailsSent', 'emailsOpened',
	'emailsClicked', 'emailsReplied', 'emailsInterested', 'emailsNotInterested', 'emailsFailed', 'opportunitiesDone', 'aircallDone',
	'aircallInterested', 'aircallNotInterested', 'apiDone', 'apiInterested', 'apiNotInterested', 'linkedinVisitDone',
	'linkedinVisitFailed', 'linkedinInviteDone', 'linkedinInviteAccepted', 'linkedinInviteFailed', 'linkedinSent', 'linkedinOpened',
	'linkedinReplied', 'linkedinInterested', 'linkedinNotInterested', 'linkedinSendFailed', 'manualInterested', 'manualNotInterested',
];

export const globalStateOf = (lead: LemlistLead) => GLOBAL_STATES[lead.state] ?? lead.state;

/** Whether the export's `state` filter value takes the lead: its detailed state, its global state, or `paused`. */
export const leadMatchesState = (lead: LemlistLead, state: string) =>
	state === 'all' || lead.state === state || globalStateOf(lead) === state || (state === 'paused' && lead.isPaused === true);

/** The export's `status` column: where the lead stands in the campaign. */
function leadStatus(lead: LemlistLead): string {
	if (lead.isPaused) return 'paused';
	const state = globalStateOf(lead);
	if (state === 'emailsUnsubscribed') return 'unsubscribed';
	if (state === 'interested' || state === 'notInterested') return state;
	if (['imported', 'scanned', 'reviewed'].includes(state)) return 'review';
	return 'done';
}

/** One contact per address across campaigns, as lemlist keeps them. */
const contactIdOf = (email: string) => `ctc_${createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 17)}`;

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
		const createdBy = LEMLIST_SEED.userIds[campaigns.size % LEMLIST_SEED.userIds.length];
		campaigns.set(c._id, { ...c, createdAt, createdBy, settings: {} });
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

	for (let n = 1; n <= LEMLIST_SEED.bigCampaignLeadCount; n++) {
		const id = `lea_EU${String(n).padStart(3, '0')}`;
		const firstName = n === 1 ? 'Ada' : FIRST_NAMES[n % FIRST_NAMES.length];
		const lastName = n === 1 ? 'Lovelace' : LAST_NAMES[n % LAST_NAMES.length];
		const company = n === 1 ? 'Engines Ltd' : COMPANIES[n % COMPANIES.length];
		const domain = `${company.toLowerCase().replace(/\W+/g, '')}.example`;
		leads.set(id, {
			_id: id,
			campaignId: LEMLIST_SEED.bigCampaignId,
			email: n === 1 ? LEMLIST_SEED.sharedEmail : `${firstName}.${lastName}.${n}@${domain}`.toLowerCase(),
			firstName,
			lastName,
			companyName: company,
			companyDomain: domain,
			jobTitle: ['Founder', 'CEO', 'CTO', 'Head of Growth', 'VP Sales'][n % 5],
			state: LEAD_STATES[n % LEAD_STATES.length],
			isPaused: n % 9 === 0,
			emailStatus: EMAIL_STATUSES[n % EMAIL_STATUSES.length],
			linkedinUrl: `https://www.linkedin.com/in/${firstName.toLowerCase()}-${lastName.toLowerCase()}-${n}`,
		});
	}

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
	return { campaigns, leads, users, unsubscribes: new Map() };
}

// ---------------------------------------------------------------------------------------------
// PATCH /campaigns/:id body validation (types per the tables in docs/providers/lemlist.md)
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

/** The standard fields of a lead that `POST /campaigns/{id}/leads/` takes; any other key is a custom variable. */
export const LEAD_STANDARD_FIELDS = [
	'firstName', 'lastName', 'companyName', 'jobTitle', 'linkedinUrl', 'picture', 'phone', 'companyDomain', 'icebreaker', 'timezone', 'contactOwner',
] as const;

/** The query flags of `POST /campaigns/{id}/leads/`. */
export const LEAD_ADD_OPTIONS = ['deduplicate', 'linkedinEnrichment', 'findEmail', 'verifyEmail', 'findPhone'] as const;

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
		if (root === 'leads') return this.answerLeads(req, segments.slice(1));
		if (root === 'unsubscribes' && segments.length === 2 && m === 'POST') return this.unsubscribe(segments[1]);
		if (root === 'unsubscribes' && segments.length === 2 && m === 'DELETE') return this.removeUnsubscribe(segments[1]);
		if (root === 'unsubscribes' && segments.length === 1 && m === 'GET') return this.listUnsubscribes(req);
		if (root === 'team' && campaignId === 'senders' && segments.length === 2 && m === 'GET') return this.teamSenders(req);
		if (root === 'v2' && campaignId === 'campaigns' && leadId === 'stats' && segments.length === 4 && m === 'GET') return this.campaignStats(sub, req);
		if (root !== 'campaigns' || rest.length > 1) return text(404, 'Not found');

		if (segments.length === 1 && m === 'GET') return this.listCampaigns(req);
		if (segments.length === 2 && m === 'GET') {
			const campaign = this.state.campaigns.get(campaignId);
			return campaign ? json(200, this.fullCampaign(campaign)) : text(404, 'Campaign not found');
		}
		if (segments.length === 2 && m === 'PATCH') return this.patchCampaign(campaignId, req.body);
		if (segments.length === 3 && m === 'POST' && (sub === 'start' || sub === 'pause')) return this.setCampaignState(campaignId, sub);
		if (segments.length === 4 && sub === 'export' && leadId === 'leads' && m === 'GET') return this.exportLeads(campaignId, req);
		// The documented path ends with a slash (`/campaigns/{id}/leads/`); the segments above drop it.
		if (segments.length === 3 && sub === 'leads' && m === 'POST') return this.addLead(campaignId, req);
		if (segments.length === 4 && sub === 'leads' && m === 'PATCH') {
			return this.patchLead(campaignId, leadId, req.body);
		}
		if (segments.length === 4 && sub === 'leads' && m === 'DELETE') return this.removeLead(campaignId, leadId, req.query.action);
		if (segments.length === 5 && sub === 'leads' && m === 'POST' && (rest[0] === 'interested' || rest[0] === 'notinterested')) {
			return this.markInCampaign(campaignId, leadId, rest[0]);
		}
		return text(404, 'Not found');
	}

	// -------------------------------------------------------------------------------------------
	// Leads: the three shapes lemlist answers them in
	// -------------------------------------------------------------------------------------------

	/** The lead record that `GET /leads` and the lead actions answer. */
	publicLead(lead: LemlistLead) {
		return {
			firstName: lead.firstName,
			lastName: lead.lastName,
			companyName: lead.companyName,
			jobTitle: lead.jobTitle,
			companyDomain: lead.companyDomain,
			email: lead.email,
			preferredContactMethod: lead.preferredContactMethod,
			_id: lead._id,
			isPaused: lead.isPaused === true,
			campaignId: lead.campaignId,
			contactId: contactIdOf(lead.email),
			emailStatus: lead.emailStatus,
		};
	}

	/** A row of the campaign export (format=json). */
	exportedLead(lead: LemlistLead) {
		return {
			emailStatus: lead.emailStatus,
			email: lead.email,
			firstName: lead.firstName,
			lastName: lead.lastName,
			phone: lead.phone,
			linkedinUrl: lead.linkedinUrl,
			companyName: lead.companyName,
			companyDomain: lead.companyDomain,
			jobTitle: lead.jobTitle,
			lastState: lead.state,
			status: leadStatus(lead),
			_id: lead._id,
		};
	}

	/** An entry of `GET /leads/{email}`: the address in one of its campaigns. */
	leadInCampaign(lead: LemlistLead) {
		const campaign = this.state.campaigns.get(lead.campaignId);
		return {
			_id: lead._id,
			updatedAt: lead.updatedAt ?? SEED_UPDATED_AT,
			isPaused: lead.isPaused === true,
			state: lead.state,
			status: leadStatus(lead),
			personalized: false,
			source: 'api',
			variables: {
				firstName: lead.firstName,
				lastName: lead.lastName,
				companyName: lead.companyName,
				jobTitle: lead.jobTitle,
				companyDomain: lead.companyDomain,
				email: lead.email,
			},
			contactId: contactIdOf(lead.email),
			enrichment: { emailStatus: lead.emailStatus },
			campaign: { id: lead.campaignId, name: campaign?.name, status: campaign?.status },
			sendingUser: {},
		};
	}

	/** Every lead record of an address (one per campaign), oldest first. */
	private leadsWithEmail(email: string): LemlistLead[] {
		const wanted = email.trim().toLowerCase();
		return [...this.state.leads.values()].filter((lead) => lead.email.toLowerCase() === wanted);
	}

	/** A lead by ID, or the first record of an address (the `{leadIdOrEmail}` routes). */
	private leadByIdOrEmail(value: string): LemlistLead | undefined {
		return this.state.leads.get(value) ?? (value.includes('@') ? this.leadsWithEmail(value)[0] : undefined);
	}

	private touch(lead: LemlistLead, change: Partial<LemlistLead>): LemlistLead {
		Object.assign(lead, change, { updatedAt: new Date().toISOString() });
		return lead;
	}

	/** `/leads…`: look-ups by ID or address, and the actions that span the lead's campaigns. */
	private answerLeads(req: RecordedRequest, parts: string[]): MockResponse {
		const m = req.method;
		if (parts.length === 0 && m === 'GET') {
			const { id, email } = req.query;
			if (!id && !email) return text(400, "You should use at least one of 'email' or 'id'");
			const lead = id ? this.state.leads.get(id) : this.leadsWithEmail(email).at(-1);
			return lead ? json(200, this.publicLead(lead)) : text(404, 'Lead not found');
		}
		if (parts.length === 1 && m === 'GET') {
			const records = this.leadsWithEmail(parts[0]);
			return records.length ? json(200, records.map((lead) => this.leadInCampaign(lead))) : text(404, 'Lead not found');
		}
		if (parts.length !== 2 || m !== 'POST') return text(404, 'Not found');
		const [action, target] = parts;
		if (action === 'pause') return this.pauseLead(target, req.query.campaignId);
		if (action === 'start') return this.resumeLead(target);
		if (action === 'interested' || action === 'notinterested') return this.markEverywhere(target, action);
		return text(404, 'Not found');
	}

	/** `POST /leads/pause/{leadId}?campaignId=`: the contact's record in that campaign, or in every campaign. */
	private pauseLead(leadId: string, campaignId: string | undefined): MockResponse {
		const lead = this.state.leads.get(leadId);
		if (!lead) return text(404, 'Lead not found');
		if (campaignId && !this.state.campaigns.has(campaignId)) return text(404, 'Campaign not found');
		const records = this.leadsWithEmail(lead.email).filter((record) => (campaignId ? record.campaignId === campaignId : !record.graveyard));
		if (!records.length) return text(404, 'Lead not found');
		if (records.some((record) => record.graveyard)) return text(500, 'Lead in graveyard');
		return json(200, records.map((record) => this.publicLead(this.touch(record, { isPaused: true }))));
	}

	/** `POST /leads/start/{leadId}`: takes no campaign; resumes the contact wherever it is paused. */
	private resumeLead(leadId: string): MockResponse {
		const lead = this.state.leads.get(leadId);
		if (!lead) return text(404, 'Lead not found');
		const records = this.leadsWithEmail(lead.email).filter((record) => !record.graveyard);
		for (const record of records) if (record.isPaused) this.touch(record, { isPaused: false });
		return json(200, records.map((record) => this.publicLead(record)));
	}

	/** `POST /leads/{interested|notinterested}/{leadIdOrEmail}`: every campaign of the contact. */
	private markEverywhere(value: string, verdict: 'interested' | 'notinterested'): MockResponse {
		const lead = this.leadByIdOrEmail(value);
		if (!lead) return text(404, 'Lead not found');
		const state = verdict === 'interested' ? 'manualInterested' : 'manualNotInterested';
		const records = this.leadsWithEmail(lead.email).filter((record) => !record.graveyard);
		return json(200, records.map((record) => this.publicLead(this.touch(record, { state }))));
	}

	/** `POST /campaigns/{id}/leads/{leadIdOrEmail}/{interested|notinterested}`. */
	private markInCampaign(campaignId: string, value: string, verdict: 'interested' | 'notinterested'): MockResponse {
		if (!this.state.campaigns.has(campaignId)) return text(404, 'Campaign not found');
		const lead = this.leadInCampaignByIdOrEmail(campaignId, value);
		if (!lead) return text(404, 'Lead not found');
		if (lead.graveyard) return text(500, 'Lead in graveyard');
		const state = verdict === 'interested' ? 'manualInterested' : 'manualNotInterested';
		return json(200, this.publicLead(this.touch(lead, { state })));
	}

	private leadInCampaignByIdOrEmail(campaignId: string, value: string): LemlistLead | undefined {
		const byId = this.state.leads.get(value);
		if (byId) return byId.campaignId === campaignId ? byId : undefined;
		return this.leadsWithEmail(value).find((lead) => lead.campaignId === campaignId);
	}

	/** `DELETE /campaigns/{id}/leads/{leadIdOrEmail}`: unsubscribes from the campaign; `?action=remove` deletes. */
	private removeLead(campaignId: string, value: string, action: string | undefined): MockResponse {
		if (!this.state.campaigns.has(campaignId)) return text(404, 'Campaign not found');
		const lead = this.leadInCampaignByIdOrEmail(campaignId, value);
		if (!lead) return text(404, 'Lead not found');
		if (action === 'remove') {
			this.state.leads.delete(lead._id);
			return json(200, this.publicLead(lead));
		}
		if (lead.graveyard) return text(500, 'Lead in graveyard');
		return json(200, this.publicLead(this.touch(lead, { state: 'emailsUnsubscribed' })));
	}

	/** `POST /unsubscribes/{emailOrDomain}`: the team's unsubscribe list; the address's leads stop everywhere. */
	private unsubscribe(value: string): MockResponse {
		const normalized = value.trim().toLowerCase();
		const isAddress = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(normalized);
		if (!isAddress && !/^@[^\s@]+\.[^\s@]+$/.test(normalized)) return text(500, 'Invalid email address or domain');
		let entry = this.state.unsubscribes.get(normalized);
		if (!entry) {
			entry = {
				_id: `uns_${String(this.state.unsubscribes.size + 1).padStart(17, '0')}`,
				value: normalized,
				createdAt: new Date().toISOString(),
				source: 'api',
			};
			this.state.unsubscribes.set(normalized, entry);
		}
		for (const lead of this.state.leads.values()) {
			const email = lead.email.toLowerCase();
			if (!lead.graveyard && (isAddress ? email === normalized : email.endsWith(normalized))) {
				this.touch(lead, { state: 'emailsUnsubscribed' });
			}
		}
		return json(200, { _id: entry._id, value: entry.value, ...(isAddress ? { email: entry.value } : {}) });
	}

	/** Whether an address, or its domain, is on the team's unsubscribe list. */
	private isUnsubscribed(email: string): boolean {
		const address = email.trim().toLowerCase();
		return this.state.unsubscribes.has(address) || this.state.unsubscribes.has(address.slice(address.lastIndexOf('@')));
	}

	/**
	 * `POST /campaigns/{id}/leads/?deduplicate&linkedinEnrichment&findEmail&verifyEmail&findPhone`:
	 * one lead, its standard fields and custom variables as top-level string keys. What lemlist
	 * answers for a refused lead is not documented [?]: the stand-in's choices are in
	 * docs/providers/lemlist.md ("Campaign lead").
	 */
	private addLead(campaignId: string, req: RecordedRequest): MockResponse {
		const campaign = this.state.campaigns.get(campaignId);
		if (!campaign) return text(404, 'Campaign not found');
		for (const name of LEAD_ADD_OPTIONS) {
			const value = req.query[name];
			if (value !== undefined && value !== 'true' && value !== 'false') return text(400, `"${name}" must be a boolean`);
		}
		const body = req.body;
		if (!isObject(body)) return text(400, 'Body must be a JSON object');
		for (const [key, value] of Object.entries(body)) {
			if (typeof value !== 'string') return text(400, `"${key}" must be a string`);
		}
		const fields = body as Record<string, string>;
		const email = (fields.email ?? '').trim().toLowerCase();
		if (email === '') return text(400, '"email" is required');
		if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return text(400, `"email" must be a valid email address, got "${fields.email}"`);
		if (this.isUnsubscribed(email)) return text(400, 'This email address or its domain is in the unsubscribe list');
		const records = this.leadsWithEmail(email);
		if (records.some((lead) => lead.campaignId === campaignId)) return text(409, 'Lead already in the campaign');
		if (req.query.deduplicate === 'true' && records.length > 0) return text(409, 'Lead already exists in another campaign');

		const standard: Partial<LemlistLead> = {};
		const variables: Record<string, string> = {};
		for (const [key, value] of Object.entries(fields)) {
			if (key === 'email') continue;
			if ((LEAD_STANDARD_FIELDS as readonly string[]).includes(key)) Object.assign(standard, { [key]: value });
			else variables[key] = value;
		}
		// Deterministic, so a test (or the e2e workflow) can name the lead it will get.
		const id = `lea_${createHash('sha256').update(`${campaignId}|${email}`).digest('hex').slice(0, 17)}`;
		const lead: LemlistLead = {
			...standard,
			_id: id,
			campaignId,
			email,
			state: 'imported',
			isPaused: false,
			...(Object.keys(variables).length ? { variables } : {}),
			updatedAt: new Date().toISOString(),
		};
		this.state.leads.set(id, lead);
		const answer: Record<string, unknown> = {
			campaignId,
			campaignName: campaign.name,
			email,
			firstName: lead.firstName,
			lastName: lead.lastName,
			companyName: lead.companyName,
			jobTitle: lead.jobTitle,
			companyDomain: lead.companyDomain,
			_id: id,
			isPaused: false,
			contactId: contactIdOf(email),
		};
		return json(200, Object.fromEntries(Object.entries(answer).filter(([, value]) => value !== undefined)));
	}

	/** `DELETE /unsubscribes/{emailOrDomain}`: takes the value off the list; 404 if it is not on it. */
	private removeUnsubscribe(value: string): MockResponse {
		const normalized = value.trim().toLowerCase();
		const entry = this.state.unsubscribes.get(normalized);
		if (!entry) return text(404, 'Unsubscribe not found');
		this.state.unsubscribes.delete(normalized);
		return json(200, { _id: entry._id, value: entry.value });
	}

	/** `GET /unsubscribes?offset&limit` (limit defaults to 100): the list in the order it was filled. */
	private listUnsubscribes(req: RecordedRequest): MockResponse {
		const limit = req.query.limit === undefined ? 100 : Number(req.query.limit);
		if (!Number.isInteger(limit) || limit < 1) return text(400, '"limit" must be a positive integer');
		const offset = req.query.offset === undefined ? 0 : Number(req.query.offset);
		if (!Number.isInteger(offset) || offset < 0) return text(400, '"offset" must be a non-negative integer');
		const entries = [...this.state.unsubscribes.values()].slice(offset, offset + limit);
		return json(200, entries.map((entry) => ({ _id: entry._id, createdAt: entry.createdAt, value: entry.value, source: entry.source })));
	}

	/**
	 * `GET /team/senders?state`: each user who sends for a campaign, with those campaigns. A campaign's
	 * senders are the `sendUserIds` set on it, else its creator (the stand-in's choice).
	 */
	private teamSenders(req: RecordedRequest): MockResponse {
		const states = ['running', 'paused', 'draft', 'ended', 'archived', 'errors'];
		const { state } = req.query;
		if (state !== undefined && !states.includes(state)) return text(400, 'Bad params (invalid state parameter)');
		const sendersOf = (campaign: LemlistCampaign): string[] =>
			Array.isArray(campaign.settings.sendUserIds) ? (campaign.settings.sendUserIds as string[]) : campaign.createdBy ? [campaign.createdBy] : [];
		const inState = (campaign: LemlistCampaign) =>
			state === undefined || (state === 'errors' ? (campaign.errors?.length ?? 0) > 0 : campaign.status === state);
		const senders = [...this.state.users.values()]
			.map((user) => ({
				userId: user._id,
				campaigns: [...this.state.campaigns.values()]
					.filter((campaign) => sendersOf(campaign).includes(user._id) && inState(campaign))
					.map((campaign) => ({ _id: campaign._id, name: campaign.name, status: campaign.status, sendingChannels: ['email'] })),
			}))
			.filter((sender) => sender.campaigns.length > 0);
		return json(200, senders);
	}

	/**
	 * `GET /v2/campaigns/{id}/stats?startDate&endDate`: the campaign's figures. The stand-in keeps no
	 * event history, so the figures count its leads by their current state, whatever the dates.
	 */
	private campaignStats(campaignId: string, req: RecordedRequest): MockResponse {
		const { startDate, endDate } = req.query;
		if (!startDate || !endDate) return text(400, 'Bad params: startDate and endDate are required');
		if (Number.isNaN(Date.parse(startDate)) || Number.isNaN(Date.parse(endDate))) {
			return text(400, 'Bad params: startDate and endDate must be ISO 8601 dates');
		}
		if (!this.state.campaigns.has(campaignId)) return text(404, 'Campaign not found');
		const leads = [...this.state.leads.values()].filter((lead) => lead.campaignId === campaignId && !lead.graveyard);
		const count = (states: string[]) => leads.filter((lead) => states.includes(globalStateOf(lead))).length;
		const launched = leads.filter((lead) => !['imported', 'scanned', 'reviewed', 'skipped'].includes(globalStateOf(lead))).length;
		const bounced = count(['emailsBounced']);
		const failed = count(['failed']);
		const answered = count(['warmed', 'interested', 'notInterested', 'meetingBooked']);
		const interacted = answered + count(['attracted']);
		const opened = interacted + count(['hooked']);
		return json(200, {
			nbLeads: leads.length,
			nbLeadsLaunched: launched,
			nbLeadsReached: launched - bounced - failed,
			nbLeadsOpened: opened,
			nbLeadsInteracted: interacted,
			nbLeadsAnswered: answered,
			nbLeadsInterested: count(['interested']),
			nbLeadsNotInterested: count(['notInterested']),
			nbLeadsUnsubscribed: count(['emailsUnsubscribed']),
			nbLeadsInterrupted: leads.filter((lead) => lead.isPaused).length,
			messagesSent: launched - failed,
			messagesNotSent: failed,
			messagesBounced: bounced,
			delivered: launched - failed - bounced,
			opened,
			clicked: count(['attracted']),
			replied: answered,
			invitationAccepted: leads.filter((lead) => lead.state === 'linkedinInviteAccepted').length,
			meetingBooked: count(['meetingBooked']),
			steps: [],
		});
	}

	/** `GET /campaigns/{id}/export/leads?state&format`: every lead of the campaign in one answer; CSV unless format=json. */
	private exportLeads(campaignId: string, req: RecordedRequest): MockResponse {
		if (!this.state.campaigns.has(campaignId)) return text(404, 'Campaign not found');
		const states = (req.query.state ?? 'all').split(',').map((state) => state.trim());
		const unknown = states.find((state) => !LEMLIST_EXPORT_STATES.includes(state));
		if (unknown !== undefined) return text(400, `Invalid state "${unknown}"`);
		// Removed leads (the graveyard) are not exported.
		const rows = [...this.state.leads.values()]
			.filter((lead) => lead.campaignId === campaignId && !lead.graveyard && states.some((state) => leadMatchesState(lead, state)))
			.map((lead) => this.exportedLead(lead));
		if (req.query.format === 'json') return json(200, rows);
		const columns = ['emailStatus', 'email', 'firstName', 'lastName', 'phone', 'linkedinUrl', 'companyName', 'companyDomain', 'jobTitle', 'lastState', 'status', '_id'] as const;
		const csv = [columns.join(','), ...rows.map((row) => columns.map((column) => row[column] ?? '').join(','))].join('\n');
		return { status: 200, body: csv, contentType: 'text/csv; charset=utf-8' };
	}

	/** `POST /campaigns/{id}/start|pause` → `{_id, state}`. */
	private setCampaignState(campaignId: string, action: 'start' | 'pause'): MockResponse {
		const campaign = this.state.campaigns.get(campaignId);
		if (!campaign) return text(404, 'Campaign not found');
		campaign.status = action === 'start' ? 'running' : 'paused';
		return json(200, { _id: campaign._id, state: campaign.status });
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
		return {
			_id: c._id,
			name: c.name,
			status: c.status,
			createdAt: c.createdAt,
			createdBy: c.createdBy,
			...(c.errors?.length ? { hasError: true, errors: [...c.errors] } : {}),
		};
	}

	/** `GET /campaigns/{id}`: the campaign with its creator and senders. */
	private fullCampaign(c: LemlistCampaign) {
		const creator = c.createdBy ? this.state.users.get(c.createdBy) : undefined;
		const senderIds = Array.isArray(c.settings.sendUserIds) ? (c.settings.sendUserIds as string[]) : [];
		return {
			_id: c._id,
			name: c.name,
			createdAt: c.createdAt,
			status: c.status,
			...(creator ? { creator: { userId: creator._id, userEmail: creator.mailboxes[0]?.email } } : {}),
			senders: senderIds
				.map((id) => this.state.users.get(id))
				.filter((user): user is LemlistTeamUser => user !== undefined && user.mailboxes.length > 0)
				.map((user) => ({ id: user._id, email: user.mailboxes[0].email, sendUserMailboxId: user.mailboxes[0].sendUserMailboxId })),
		};
	}

	private listCampaigns(req: RecordedRequest): MockResponse {
		const limit = req.query.limit === undefined ? 100 : Number(req.query.limit);
		if (!Number.isInteger(limit) || limit < 1) return text(400, '"limit" must be a positive integer');
		if (limit > 100) return text(400, '"limit" must be less than or equal to 100');
		const page = req.query.page === undefined ? 1 : Number(req.query.page);
		if (!Number.isInteger(page) || page < 1) return text(400, '"page" must be a positive integer');
		const offset = req.query.offset === undefined ? (page - 1) * limit : Number(req.query.offset);
		if (!Number.isInteger(offset) || offset < 0) return text(400, '"offset" must be a non-negative integer');

		const statuses = ['running', 'draft', 'archived', 'ended', 'paused', 'errors'];
		const { status, createdBy, sortBy, sortOrder } = req.query;
		if (status !== undefined && !statuses.includes(status)) return text(400, `"status" must be one of ${statuses.join(', ')}`);
		if (sortBy !== undefined && sortBy !== 'createdAt') return text(400, '"sortBy" must be createdAt');

		let all = [...this.state.campaigns.values()];
		if (status === 'errors') all = all.filter((c) => (c.errors?.length ?? 0) > 0);
		else if (status) all = all.filter((c) => c.status === status);
		if (createdBy) all = all.filter((c) => c.createdBy === createdBy);
		// Ascending unless told "desc", as lemlist sorts.
		if (sortBy === 'createdAt' && sortOrder === 'desc') all.reverse();
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
