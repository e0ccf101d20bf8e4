/**
 * Inputs a careless or hostile user, provider or proxy hands the pack: a Base URL that sends the
 * key elsewhere, a key pasted with a trailing newline and echoed back, a list that never ends,
 * a delivery nested without end, a custom field named like an object's own property.
 */
import { baseUrlProblem } from '../../nodes/common/request';
import { readPages, MAX_PAGES } from '../../nodes/common/paging';
import { withoutSecret } from '../../nodes/common/webhooks';
import { runNode } from '../../sandbox/engine';
import { json } from '../../sandbox/providers/http-mock';
import { SENDKIT_SEED, startSendKitMock, type SendKitMock } from '../../sandbox/providers/sendkit';
import { startSmartleadMock, type SmartleadMock } from '../../sandbox/providers/smartlead';
import { useProviderMock } from '../harness/provider-env';

const sendKit = useProviderMock<SendKitMock>(async () => await startSendKitMock());
const smartlead = useProviderMock<SmartleadMock>(async () => await startSmartleadMock());

describe('the Base URL of a credential', () => {
	it.each([
		['https://api.lemlist.com/api', undefined],
		['http://127.0.0.1:4010/api', undefined],
		['http://localhost:4010', undefined],
		['http://api.lemlist.com/api', 'must start with https://'],
		['https://api.lemlist.com@other.host/api', 'must not hold a user name or password'],
		['ftp://files.example.com', 'must start with https://'],
		['not a url', 'is not a URL'],
	])('%s', (baseUrl, problem) => {
		const found = baseUrlProblem(baseUrl);
		if (problem === undefined) expect(found).toBeUndefined();
		else expect(found).toContain(problem);
	});

	it('one that is refused fails the item before any request, and the key goes nowhere', async () => {
		const { error } = await runNode({
			type: 'n8n-nodes-outreach.sendKit',
			credentials: { sendKitOutreachApi: { apiKey: sendKit.mock.workspaceKey, baseUrl: `http://user:pw@${new URL(sendKit.mock.url).host}`, maxRequestsPerSecond: 10 } },
			parameters: { resource: 'campaign', operation: 'get', campaignId: { __rl: true, mode: 'id', value: SENDKIT_SEED.campaignId } },
		});
		expect(error?.message).toContain('must not hold a user name or password');
		expect(sendKit.mock.requests).toHaveLength(0);
	});
});

it('a key pasted with a trailing newline, sent trimmed and echoed back by the provider, appears in no error', async () => {
	const typed = `${sendKit.mock.workspaceKey}\n`;
	sendKit.mock.inject(json(400, { error: 'Bad Request', message: `key ${sendKit.mock.workspaceKey} may not do this`, code: 400 }));
	const { items } = await runNode({
		type: 'n8n-nodes-outreach.sendKit',
		credentials: { sendKitOutreachApi: { apiKey: typed, baseUrl: sendKit.mock.url, maxRequestsPerSecond: 10 } },
		parameters: { resource: 'campaign', operation: 'get', campaignId: { __rl: true, mode: 'id', value: SENDKIT_SEED.campaignId } },
		continueOnFail: true,
	});
	expect(items[0].json.error).toBe('SendKit answered 400: key *** may not do this');
	expect(JSON.stringify(items)).not.toContain(sendKit.mock.workspaceKey);
});

it(`a list whose next page never ends stops after ${MAX_PAGES} pages with a clear error`, async () => {
	let fetched = 0;
	const read = readPages('A provider', { returnAll: true, limit: Infinity }, async (cursor: number | undefined) => {
		fetched++;
		return { records: [], next: (cursor ?? 0) + 1 };
	});
	await expect(read).rejects.toThrow(`A provider kept pointing to a next page after ${MAX_PAGES} pages`);
	expect(fetched).toBe(MAX_PAGES);
});

it('a cycle of cursors (A → B → A) stops at the repeat', async () => {
	const next: Record<string, string> = { start: 'A', A: 'B', B: 'A' };
	const read = readPages('A provider', { returnAll: true, limit: Infinity }, async (cursor: string | undefined) => ({ records: [{ id: 1 }], next: next[cursor ?? 'start'] }));
	await expect(read).rejects.toThrow('A provider pointed to the page just read ("A")');
});

it('a delivery nested 100,000 levels deep is cleaned of the secret without exhausting the stack', () => {
	let nested: Record<string, unknown> = { token: 'the-secret-123' };
	for (let level = 0; level < 100_000; level++) nested = { inner: nested };
	let cleaned = withoutSecret(nested, 'the-secret-123') as Record<string, unknown>;
	let depth = 0;
	while (typeof cleaned === 'object') {
		cleaned = cleaned.inner as Record<string, unknown>;
		depth++;
	}
	expect([depth, cleaned]).toEqual([33, '[nested too deep]']);
});

it('a Smartlead custom field named "constructor" or "__proto__" is a field like any other', async () => {
	const { error } = await runNode({
		type: 'n8n-nodes-outreach.smartlead',
		credentials: { smartleadOutreachApi: { apiKey: smartlead.mock.apiKey, baseUrl: smartlead.mock.url } },
		parameters: {
			resource: 'campaignLead',
			operation: 'update',
			campaignId: { __rl: true, mode: 'id', value: '101' },
			leadId: '5001',
			email: 'ada@example.com',
			updateFields: { custom_fields: { field: [{ name: 'constructor', value: 'a' }, { name: 'toString', value: 'b' }] } },
		},
	});
	expect(error).toBeUndefined();
	const sent = smartlead.mock.requests.find((request) => request.method === 'POST')?.body as { custom_fields: Record<string, unknown> };
	expect(sent.custom_fields).toEqual({ constructor: 'a', toString: 'b' });
});

it('a Smartlead lead ID above 2^53 keeps every digit, on the wire and in the item', async () => {
	const huge = '9007199254740993';
	smartlead.mock.inject(json(200, { ok: true }), { match: (request) => request.method === 'POST' });
	const { items, error } = await runNode({
		type: 'n8n-nodes-outreach.smartlead',
		credentials: { smartleadOutreachApi: { apiKey: smartlead.mock.apiKey, baseUrl: smartlead.mock.url } },
		parameters: { resource: 'campaignLead', operation: 'pause', campaignId: { __rl: true, mode: 'id', value: '101' }, leadId: huge },
	});
	expect(error).toBeUndefined();
	expect(smartlead.mock.requests.map((request) => request.path)).toEqual([`/api/v1/campaigns/101/leads/${huge}/pause`]);
	// The campaign's ID is exact as a number, as Smartlead writes it; the lead's only as text.
	expect(items[0].json).toMatchObject({ campaignId: 101, leadId: huge });
});
