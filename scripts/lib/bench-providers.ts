/**
 * What both benchmarks (`npm run bench`, `npm run bench:queue`) send to each provider's stand-in:
 * one update operation per provider, its node parameters, the stand-in with the provider's real
 * limits, the credential that reaches it, and how HTTP Request would send the same update. Beside
 * it, the provider's Campaign Lead → Add (both benchmarks; HTTP Request's side `npm run bench` only): the pack's parameters, the most
 * leads one request takes, how HTTP Request sends one lead a request, where a request's leads are
 * in its body and how the stand-in's answer counts the ones it added (countAnswers counts both).
 */
import { appendFileSync } from 'node:fs';

import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import type { HttpMock, MockResponse, RecordedRequest } from '../../sandbox/providers/http-mock';
import { LemlistMock } from '../../sandbox/providers/lemlist';
import { SENDKIT_SEED, SendKitMock } from '../../sandbox/providers/sendkit';
import { SmartleadMock } from '../../sandbox/providers/smartlead';
import type { Window } from './limits';

export type ProviderId = 'lemlist' | 'smartlead' | 'sendkit';

/** Where a stand-in listens and the key it takes. */
export interface Endpoint {
	url: string;
	apiKey: string;
}

/** How HTTP Request sends the same update: the key in a header or the query, no credential. */
export interface Wire {
	method: 'PATCH' | 'POST';
	url: string;
	headers: Record<string, string>;
	query: Record<string, string>;
}

/**
 * Campaign Lead → Add: the pack's node reads each input item of leadItems(); HTTP Request sends the
 * same lead, one item a request, with the item's fields in an expression body.
 */
export interface AddTarget {
	operation: string;
	parameters: INodeParameters;
	/** The most leads one request takes (1: one request a lead): the fewest requests for n items are ⌈n / batchMax⌉. */
	batchMax: number;
	/** HTTP Request's add endpoint. */
	wire(endpoint: Endpoint): Wire;
	/** HTTP Request's JSON body for one item: a template with the item's fields as `{{ $json.… }}` expressions. */
	jsonBody: string;
	/** The addresses of the leads a request to the add endpoint carries; [] for any other request. */
	leadsIn(req: RecordedRequest): string[];
	/**
	 * How many of a 2xx-answered request's leads the stand-in says it added (a lead already in the
	 * campaign, or blocked, can be skipped in a 2xx answer): from its answer's counts, or each lead
	 * of the request where one 2xx answer adds one lead.
	 */
	addedIn(req: RecordedRequest, answerBody: unknown): number;
}

/** `count` input items, each one lead with a unique address: what the add runs feed both nodes. */
export const leadItems = (count: number) =>
	Array.from({ length: count }, (_, n) => ({ email: `lead-${n}@bench.example`, firstName: 'Bench', lastName: `Lead ${n}`, company: 'Bench Example Ltd' }));

/** An n8n expression of an item field, for the pack's parameters. */
const field = (name: keyof ReturnType<typeof leadItems>[number]) => `={{ $json.${name} }}`;

/** HTTP Request's JSON body as users write it: JSON text with `{{ $json.… }}` in the values. */
const jsonTemplate = (body: unknown) => `=${JSON.stringify(body)}`;
const inTemplate = (name: keyof ReturnType<typeof leadItems>[number]) => `{{ $json.${name} }}`;

/** A request of `method` whose path ends as `pattern` says. */
const isRequest = (req: RecordedRequest, method: string, pattern: RegExp) => req.method === method && pattern.test(req.path);

/** The `email` of each object in a body's list (a lead object when `list` is undefined). */
function emailsIn(body: unknown, list?: string): string[] {
	const record = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
	const leads = list === undefined ? [record] : Array.isArray(record[list]) ? (record[list] as unknown[]) : [];
	return leads.flatMap((lead) => {
		const email = lead !== null && typeof lead === 'object' ? (lead as Record<string, unknown>).email : undefined;
		return typeof email === 'string' ? [email] : [];
	});
}

/** A whole number at `key` of an answer's JSON body, else 0. */
const countIn = (body: unknown, key: string) => {
	const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
	return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
};

/** lemlist's lead in the body of `POST /campaigns/{id}/leads/`; an address in the path (`…/leads/{email}`, its older form) counts too. */
function lemlistLeadsIn(req: RecordedRequest): string[] {
	if (!isRequest(req, 'POST', /\/campaigns\/[^/]+\/leads(\/[^/]*)?\/?$/)) return [];
	const inBody = emailsIn(req.body);
	if (inBody.length) return inBody;
	const inPath = decodeURIComponent(req.path.replace(/\/$/, '').split('/').pop() ?? '');
	return inPath.includes('@') ? [inPath] : [];
}

export interface BenchTarget {
	id: ProviderId;
	name: string;
	/** The stand-in's limits per key, real time: what the ceiling is measured against. */
	windows: Window[];
	nodeType: string;
	operation: string;
	parameters: INodeParameters;
	credentialType: string;
	/** The stand-in enforcing `windows` per key; `open` lifts every limit. */
	startStandIn(open?: boolean): Promise<HttpMock>;
	/** The credential for a stand-in; `fallbackPerSecond` is SendKit's rate without counters. */
	credentialData(endpoint: Endpoint, fallbackPerSecond: number): ICredentialDataDecryptedObject;
	wire(endpoint: Endpoint): Wire;
	add: AddTarget;
}

const NO_LIMIT = 1e9;
const LEMLIST_CAMPAIGN = 'cam_A1';
const SMARTLEAD_CAMPAIGN = 101;

export const BENCH_TARGETS: BenchTarget[] = [
	{
		id: 'lemlist',
		name: 'lemlist',
		windows: [{ requests: 20, perMs: 2_000 }],
		nodeType: 'n8n-nodes-outreach.lemlist',
		operation: 'Campaign → Update',
		parameters: {
			resource: 'campaign',
			operation: 'update',
			campaignId: { __rl: true, mode: 'id', value: LEMLIST_CAMPAIGN },
			updateFields: { stopOnEmailReplied: true },
		},
		credentialType: 'lemlistOutreachApi',
		startStandIn: async (open) => await new LemlistMock(open ? { limit: NO_LIMIT } : { limit: 20, windowMs: 2_000 }).listen(),
		credentialData: (endpoint) => ({ apiKey: endpoint.apiKey, baseUrl: endpoint.url }),
		wire: (endpoint) => ({
			method: 'PATCH',
			url: `${endpoint.url}/campaigns/${LEMLIST_CAMPAIGN}`,
			headers: { Authorization: `Basic ${Buffer.from(`:${endpoint.apiKey}`).toString('base64')}` },
			query: {},
		}),
		add: {
			operation: 'Campaign Lead → Add',
			parameters: {
				resource: 'campaignLead',
				operation: 'add',
				campaignId: { __rl: true, mode: 'id', value: LEMLIST_CAMPAIGN },
				email: field('email'),
				additionalFields: { firstName: field('firstName'), lastName: field('lastName'), companyName: field('company') },
			},
			batchMax: 1,
			wire: (endpoint) => ({
				method: 'POST',
				url: `${endpoint.url}/campaigns/${LEMLIST_CAMPAIGN}/leads/`,
				headers: { Authorization: `Basic ${Buffer.from(`:${endpoint.apiKey}`).toString('base64')}` },
				query: {},
			}),
			jsonBody: jsonTemplate({ email: inTemplate('email'), firstName: inTemplate('firstName'), lastName: inTemplate('lastName'), companyName: inTemplate('company') }),
			leadsIn: lemlistLeadsIn,
			// One lead a request: a lead already there is a 409, not a 2xx.
			addedIn: (req) => lemlistLeadsIn(req).length,
		},
	},
	{
		id: 'smartlead',
		name: 'Smartlead',
		windows: [
			{ requests: 10, perMs: 2_000 },
			{ requests: 60, perMs: 60_000 },
		],
		nodeType: 'n8n-nodes-outreach.smartlead',
		operation: 'Campaign → Update (settings)',
		parameters: {
			resource: 'campaign',
			operation: 'update',
			campaignId: { __rl: true, mode: 'id', value: String(SMARTLEAD_CAMPAIGN) },
			updateFields: { follow_up_percentage: 40 },
		},
		credentialType: 'smartleadOutreachApi',
		startStandIn: async (open) =>
			await new SmartleadMock({
				windows: open
					? [{ limit: NO_LIMIT, perMs: 1 }]
					: [
							{ limit: 10, perMs: 2_000 },
							{ limit: 60, perMs: 60_000 },
						],
			}).listen(),
		credentialData: (endpoint) => ({ apiKey: endpoint.apiKey, baseUrl: endpoint.url }),
		wire: (endpoint) => ({
			method: 'POST',
			url: `${endpoint.url}/campaigns/${SMARTLEAD_CAMPAIGN}/settings`,
			headers: {},
			query: { api_key: endpoint.apiKey },
		}),
		add: {
			operation: 'Campaign Lead → Add',
			parameters: {
				resource: 'campaignLead',
				operation: 'add',
				campaignId: { __rl: true, mode: 'id', value: String(SMARTLEAD_CAMPAIGN) },
				email: field('email'),
				additionalFields: { first_name: field('firstName'), last_name: field('lastName'), company_name: field('company') },
			},
			// The node's default Options → Batch Size.
			batchMax: 400,
			wire: (endpoint) => ({
				method: 'POST',
				url: `${endpoint.url}/campaigns/${SMARTLEAD_CAMPAIGN}/leads`,
				headers: {},
				query: { api_key: endpoint.apiKey },
			}),
			jsonBody: jsonTemplate({
				lead_list: [{ email: inTemplate('email'), first_name: inTemplate('firstName'), last_name: inTemplate('lastName'), company_name: inTemplate('company') }],
			}),
			leadsIn: (req) => (isRequest(req, 'POST', /\/campaigns\/[^/]+\/leads\/?$/) ? emailsIn(req.body, 'lead_list') : []),
			// Duplicates, blocked and invalid addresses are counted apart in the same 200.
			addedIn: (req, body) => (isRequest(req, 'POST', /\/campaigns\/[^/]+\/leads\/?$/) ? countIn(body, 'upload_count') : 0),
		},
	},
	{
		id: 'sendkit',
		name: 'SendKit',
		// SendKit publishes no limit: the stand-in allows 20/s and says so in its X-RateLimit counters.
		windows: [{ requests: 20, perMs: 1_000 }],
		nodeType: 'n8n-nodes-outreach.sendKit',
		operation: 'Campaign Lead → Update',
		parameters: {
			resource: 'campaignLead',
			operation: 'update',
			campaignId: { __rl: true, mode: 'id', value: SENDKIT_SEED.campaignId },
			campaignLeadId: SENDKIT_SEED.campaignLeadId,
			updateFields: { status: 'paused' },
		},
		credentialType: 'sendKitOutreachApi',
		startStandIn: async (open) => await new SendKitMock(open ? { limit: NO_LIMIT } : { limit: 20, windowMs: 1_000 }).listen(),
		credentialData: (endpoint, fallbackPerSecond) => ({
			apiKey: endpoint.apiKey,
			workspaceId: '',
			baseUrl: endpoint.url,
			maxRequestsPerSecond: fallbackPerSecond,
		}),
		wire: (endpoint) => ({
			method: 'PATCH',
			url: `${endpoint.url}/v1/campaigns/${SENDKIT_SEED.campaignId}/leads/${SENDKIT_SEED.campaignLeadId}`,
			headers: { 'X-Api-Key': endpoint.apiKey },
			query: {},
		}),
		add: {
			operation: 'Campaign Lead → Add',
			parameters: {
				resource: 'campaignLead',
				operation: 'add',
				campaignId: { __rl: true, mode: 'id', value: SENDKIT_SEED.campaignId },
				email: field('email'),
				additionalFields: { firstName: field('firstName'), lastName: field('lastName'), companyName: field('company') },
			},
			batchMax: 5_000,
			wire: (endpoint) => ({
				method: 'POST',
				url: `${endpoint.url}/v1/campaigns/${SENDKIT_SEED.campaignId}/leads`,
				headers: { 'X-Api-Key': endpoint.apiKey },
				query: {},
			}),
			jsonBody: jsonTemplate({
				leads: [{ email: inTemplate('email'), firstName: inTemplate('firstName'), lastName: inTemplate('lastName'), companyName: inTemplate('company') }],
			}),
			leadsIn: (req) => (isRequest(req, 'POST', /\/v1\/campaigns\/[^/]+\/leads\/?$/) ? emailsIn(req.body, 'leads') : []),
			// `{added, skipped, errors}`: a lead already in the campaign is skipped, not refused.
			addedIn: (req, body) => {
				if (!isRequest(req, 'POST', /\/v1\/campaigns\/[^/]+\/leads\/?$/)) return 0;
				const data = body !== null && typeof body === 'object' && 'data' in body ? (body as { data: unknown }).data : body;
				return countIn(data, 'added');
			},
		},
	},
];

/** The key a stand-in takes. */
export function endpointOf(target: BenchTarget, standIn: HttpMock): Endpoint {
	const apiKey = target.id === 'sendkit' ? SENDKIT_SEED.workspaceKey : (standIn as LemlistMock | SmartleadMock).apiKey;
	return { url: standIn.url, apiKey };
}

/** What a stand-in answered since its last reset. */
export interface Tally {
	requests: number;
	ok: number;
	status429: number;
	/** The 429s by the window that refused them (the answer's X-RateLimit-Limit, `-` without one). */
	refusedBy: Record<string, number>;
	other: number;
	/** The body of the first request. */
	firstBody?: unknown;
	/** Leads in the requests answered 2xx (by countAnswers' `leadsIn`): every address each time it came. */
	leads: number;
	/** Of `leads`, how many were an address that had come in a 2xx-answered request before, since the reset. */
	duplicateLeads: number;
	/** The leads the stand-in says it added in its 2xx answers (`addedIn`). */
	added: number;
}

/**
 * Counts a stand-in's answers by status, and stops it keeping a log of every request (a long run
 * would only grow it). With `adds` (a target's Campaign Lead → Add), also the leads in the bodies
 * of the requests it answered 2xx, how many of them repeat an address (case-insensitive) that came
 * in such a request before, and how many it says it added. `reset` restores the stand-in's state
 * and windows and zeroes the counts. With `trace` (a file and a name for the stand-in), each answer
 * is added to the file as a line: Unix milliseconds, the name, the status, and the answer's
 * X-RateLimit-Limit and X-RateLimit-Remaining (on a 429, Limit names the window that refused it);
 * each reset as a line `# reset <name> <ms>`.
 */
export function countAnswers(
	standIn: HttpMock,
	adds?: Pick<AddTarget, 'leadsIn' | 'addedIn'>,
	trace?: { file: string; name: string },
): { counts: Tally; reset(): void } {
	const zero = (): Tally => ({ requests: 0, ok: 0, status429: 0, refusedBy: {}, other: 0, firstBody: undefined, leads: 0, duplicateLeads: 0, added: 0 });
	const counts: Tally = zero();
	const seen = new Set<string>();
	const target = standIn as unknown as { route: (req: RecordedRequest) => MockResponse | Promise<MockResponse> };
	const route = target.route.bind(standIn);
	target.route = async (req) => {
		const answer = await route(req);
		const counter = (name: string) => answer.headers?.[name] ?? '-';
		if (trace) appendFileSync(trace.file, `${Date.now()} ${trace.name} ${answer.status} ${counter('X-RateLimit-Limit')} ${counter('X-RateLimit-Remaining')}\n`);
		if (counts.requests++ === 0) counts.firstBody = req.body;
		if (answer.status === 429) {
			counts.status429++;
			const window = counter('X-RateLimit-Limit');
			counts.refusedBy[window] = (counts.refusedBy[window] ?? 0) + 1;
		}
		else if (answer.status >= 200 && answer.status < 300) {
			counts.ok++;
			if (adds) counts.added += adds.addedIn(req, answer.body);
			for (const email of adds?.leadsIn(req) ?? []) {
				counts.leads++;
				const key = email.toLowerCase();
				if (seen.has(key)) counts.duplicateLeads++;
				else seen.add(key);
			}
		} else counts.other++;
		return answer;
	};
	(standIn.requests as unknown as { push: () => number }).push = () => 0;
	(standIn.answers as unknown as { push: () => number }).push = () => 0;
	return {
		counts,
		reset: () => {
			if (trace) appendFileSync(trace.file, `# reset ${trace.name} ${Date.now()}\n`);
			standIn.reset();
			seen.clear();
			Object.assign(counts, zero());
		},
	};
}
