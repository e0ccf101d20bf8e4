/**
 * What both benchmarks (`npm run bench`, `npm run bench:queue`) send to each provider's stand-in:
 * one update operation per provider, its node parameters, the stand-in with the provider's real
 * limits, the credential that reaches it, and how HTTP Request would send the same update.
 */
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
	other: number;
	/** The body of the first request. */
	firstBody?: unknown;
}

/**
 * Counts a stand-in's answers by status, and stops it keeping a log of every request (a long run
 * would only grow it). `reset` restores the stand-in's state and windows and zeroes the counts.
 */
export function countAnswers(standIn: HttpMock): { counts: Tally; reset(): void } {
	const counts: Tally = { requests: 0, ok: 0, status429: 0, other: 0 };
	const target = standIn as unknown as { route: (req: RecordedRequest) => MockResponse | Promise<MockResponse> };
	const route = target.route.bind(standIn);
	target.route = async (req) => {
		const answer = await route(req);
		if (counts.requests++ === 0) counts.firstBody = req.body;
		if (answer.status === 429) counts.status429++;
		else if (answer.status >= 200 && answer.status < 300) counts.ok++;
		else counts.other++;
		return answer;
	};
	(standIn.requests as unknown as { push: () => number }).push = () => 0;
	(standIn.answers as unknown as { push: () => number }).push = () => 0;
	return {
		counts,
		reset: () => {
			standIn.reset();
			Object.assign(counts, { requests: 0, ok: 0, status429: 0, other: 0, firstBody: undefined });
		},
	};
}
