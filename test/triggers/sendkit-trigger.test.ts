import { createHmac } from 'node:crypto';

import { SENDKIT_SEED, startSendKitMock, type SendKitMock } from '../../sandbox/providers/sendkit';
import { useTrigger } from './trigger-env';

const TYPE = 'n8n-nodes-outreach.sendKitTrigger';
const { env, trigger, outcomes } = useTrigger(TYPE, async () => await startSendKitMock(), (mock: SendKitMock) => ({
	sendKitOutreachApi: { apiKey: mock.workspaceKey, baseUrl: mock.url, maxRequestsPerSecond: 10 },
}));
const sign = (secret: string, rawBody: string) => createHmac('sha256', secret).update(rawBody).digest('hex');

describe('SendKit trigger', () => {
	it('registers one workspace hook with every selected event and its own secret', async () => {
		const node = trigger({ events: ['email.replied', 'lead.tag_changed'] });
		expect(await node.activate()).toBe('created');
		const posts = env.mock.requests.filter((request) => request.method === 'POST');
		expect(posts.map((request) => [request.path, request.body])).toEqual([
			['/v1/webhooks', { name: 'n8n: Replies to CRM', url: node.url(), events: ['email.replied', 'lead.tag_changed'], secret: node.staticData.secret }],
		]);
		expect(node.staticData.hookIds).toEqual([env.mock.hooks.list()[0].id]);
	});

	it.each([['a bare hex digest', ''], ['a sha256= prefix', 'sha256=']])('starts one execution per signed delivery (%s), the body as its item', async (_label, prefix) => {
		env.mock.signaturePrefix = prefix;
		const node = trigger({ events: ['email.replied'] });
		await node.activate();
		const [delivery] = await env.mock.deliver('email.replied');
		expect(delivery.status).toBe(200);
		expect(outcomes).toEqual([{ status: 200, items: [delivery.body] }]);
		expect(JSON.stringify(outcomes)).not.toContain(String(node.staticData.secret));
	});

	it('answers 401 and starts nothing for a bad, missing or re-computed-over-other-bytes signature', async () => {
		const node = trigger({ events: ['email.replied'] });
		await node.activate();
		const secret = String(node.staticData.secret);
		const rawBody = JSON.stringify({ event: 'email.replied', data: { email: 'ada@example.com' } });
		const reformatted = JSON.stringify(JSON.parse(rawBody), null, 2);
		const forged: Array<Record<string, string>> = [
			{ 'X-Webhook-Signature': sign('guessed', rawBody) },
			{},
			{ 'X-Webhook-Signature': sign(secret, reformatted) },
			{ 'X-Webhook-Signature': 'sha256=' },
		];
		for (const headers of forged) {
			expect(await node.receive({ url: node.url(), rawBody, headers: { ...headers, 'X-Webhook-Event': 'email.replied' } })).toEqual({ status: 401, items: undefined });
		}
		expect(await node.receive({ url: node.url(), rawBody, headers: { 'X-Webhook-Signature': sign(secret, rawBody) } })).toEqual({ status: 200, items: [JSON.parse(rawBody)] });
	});

	it('verifies a delivery that arrives before n8n saved the activation, and forgets that secret on deactivation', async () => {
		const node = trigger({ events: ['email.replied'] });
		await node.activate();
		const beforeSave = trigger({ events: ['email.replied'] }, {});
		beforeSave.listen();
		const [delivery] = await env.mock.deliver('email.replied');
		expect(outcomes).toEqual([{ status: 200, items: [delivery.body] }]);
		const secret = String(node.staticData.secret);
		await node.deactivate();
		const rawBody = JSON.stringify(delivery.body);
		expect(await beforeSave.receive({ url: delivery.url, rawBody, headers: { 'X-Webhook-Signature': sign(secret, rawBody) } })).toEqual({ status: 401, items: undefined });
	});

	it('starts nothing for an event or a campaign it does not listen to', async () => {
		const node = trigger({ events: ['email.replied'], campaignId: { __rl: true, mode: 'id', value: SENDKIT_SEED.campaignId } });
		await node.activate();
		await env.mock.deliver('email.opened');
		expect(outcomes).toEqual([]);
		await env.mock.deliver('email.replied', { campaignId: SENDKIT_SEED.otherWorkspaceCampaignId });
		await env.mock.deliver('email.replied');
		expect(outcomes.map((outcome) => outcome.items?.length)).toEqual([undefined, 1]);
	});

	it('keeps its hook when activated again and deletes exactly it on deactivation; a hook already gone is fine', async () => {
		const staticData = {};
		await trigger({ events: ['email.replied'] }, staticData).activate();
		expect(await trigger({ events: ['email.replied'] }, staticData).activate()).toBe('kept');
		expect(env.mock.hooks.list()).toHaveLength(1);
		const node = trigger({ events: ['email.replied'] }, staticData);
		env.mock.hooks.remove((staticData as { hookIds: string[] }).hookIds[0]);
		expect(await node.deactivate()).toBe(true);
		expect(staticData).toEqual({});
	});
});
