/**
 * Many executions, one key: pacing is per key and base URL across every execution of the process,
 * so two workflows updating through the same lemlist key at once stay under lemlist's 20 requests
 * per 2 seconds together, while a workflow on another key is paced on its own.
 */
import { runNode, shutdownEngine } from '../../sandbox/engine';
import { registerPack } from '../harness/pack';
import type { RecordedRequest } from '../../sandbox/providers/http-mock';
import { startLemlistMock, type LemlistMock } from '../../sandbox/providers/lemlist';

const LEMLIST = 'n8n-nodes-outreach.lemlist';
const ITEMS = 30;
const LIMIT = 20;
const WINDOW_MS = 2000;

let mock: LemlistMock;
let otherKeyMock: LemlistMock;

beforeAll(async () => {
	registerPack();
	// lemlist's real limit, enforced by the mock per key: any excess shows as a 429.
	mock = await startLemlistMock({ limit: LIMIT, windowMs: WINDOW_MS });
	otherKeyMock = await startLemlistMock({ apiKey: 'lem-other-key-456', limit: LIMIT, windowMs: WINDOW_MS });
});
afterAll(async () => {
	await mock.close();
	await otherKeyMock.close();
	await shutdownEngine();
});

const campaign = (index: number) => `cam_gen${String(index + 4).padStart(3, '0')}`;

async function updateCampaigns(target: LemlistMock, workflow: string, from: number) {
	return await runNode({
		type: LEMLIST,
		name: `Workflow ${workflow}`,
		credentials: { lemlistOutreachApi: { apiKey: target.apiKey, baseUrl: target.url } },
		parameters: {
			resource: 'campaign',
			operation: 'update',
			campaignId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			updateFields: { name: `={{ "${workflow} " + $json.n }}` },
		},
		items: Array.from({ length: ITEMS }, (_, n) => ({ id: campaign(from + n), n })),
	});
}

/** The most requests that arrived within any window of `windowMs`. */
function busiestWindow(requests: RecordedRequest[], windowMs: number): number {
	const times = requests.map((request) => request.at).sort((a, b) => a - b);
	let most = 0;
	for (let start = 0, end = 0; end < times.length; end++) {
		while (times[end] - times[start] >= windowMs) start++;
		most = Math.max(most, end - start + 1);
	}
	return most;
}

describe('two workflows through one key at once', () => {
	it(`stay under ${LIMIT} requests per ${WINDOW_MS / 1000} s together, without a 429, and lose nothing`, async () => {
		const started = Date.now();
		const [first, second] = await Promise.all([updateCampaigns(mock, 'A', 0), updateCampaigns(mock, 'B', ITEMS)]);
		const seconds = (Date.now() - started) / 1000;

		for (const [run, workflow, from] of [[first, 'A', 0], [second, 'B', ITEMS]] as const) {
			expect(run.error).toBeUndefined();
			expect(run.items.map((item) => item.json)).toEqual(Array.from({ length: ITEMS }, (_, n) => ({ name: `${workflow} ${n}` })));
			expect(run.items.map((item) => item.pairedItem)).toEqual(Array.from({ length: ITEMS }, (_, item) => ({ item })));
			for (let n = 0; n < ITEMS; n++) expect(mock.state.campaigns.get(campaign(from + n))?.name).toBe(`${workflow} ${n}`);
		}
		// One request per item: nothing was answered 429 and nothing was sent again.
		expect(mock.requests).toHaveLength(2 * ITEMS);
		expect(mock.answers.filter((answer) => answer.status === 429)).toHaveLength(0);
		expect(busiestWindow(mock.requests, WINDOW_MS)).toBeLessThanOrEqual(LIMIT);
		// Both workflows shared the window rather than taking turns: their requests interleave.
		const order = mock.requests.map((request) => String((request.body as { name: string }).name)[0]);
		expect(order.slice(0, LIMIT)).toEqual(expect.arrayContaining(['A', 'B']));
		// 60 requests under 20 per 2 s: the last 20 cannot start before two whole windows have passed.
		expect(seconds).toBeGreaterThanOrEqual(4);
	}, 30_000);

	it('a workflow on another key is paced on its own', async () => {
		mock.reset();
		otherKeyMock.reset();
		const [shared, other] = await Promise.all([
			Promise.all([updateCampaigns(mock, 'A', 0), updateCampaigns(mock, 'B', ITEMS)]),
			updateCampaigns(otherKeyMock, 'C', 0),
		]);
		for (const run of [...shared, other]) expect(run.error).toBeUndefined();
		// The exact schedules of both keys are asserted on a virtual clock (test/timing); here, in the
		// engine, each key got every request once and neither ever exceeded its own limit.
		expect(mock.requests).toHaveLength(2 * ITEMS);
		expect(otherKeyMock.requests).toHaveLength(ITEMS);
		for (const target of [mock, otherKeyMock]) {
			expect(target.answers.filter((answer) => answer.status === 429)).toHaveLength(0);
			expect(busiestWindow(target.requests, WINDOW_MS)).toBeLessThanOrEqual(LIMIT);
		}
	}, 30_000);
});
