/**
 * The Outreach Trigger runs each provider trigger's own code: activation registers exactly what the
 * provider's trigger registers for the mapped events, deliveries are verified the same way, and a
 * verified delivery of a chosen event is one item of the shared shape, the provider trigger's item
 * as its `raw`. Through n8n-core's hook and webhook contexts against the stand-ins.
 */
import { createHmac } from 'node:crypto';
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { runHookMethod } from '../../sandbox/engine';
import type { HttpMock, RecordedRequest } from '../../sandbox/providers/http-mock';
import { startLemlistMock, type LemlistMock } from '../../sandbox/providers/lemlist';
import { SENDKIT_SEED, startSendKitMock, type SendKitMock } from '../../sandbox/providers/sendkit';
import { SMARTLEAD_UI_SECRET_KEY, startSmartleadMock, type SmartleadMock } from '../../sandbox/providers/smartlead';
import { useTrigger } from '../triggers/trigger-env';

const TYPE = 'n8n-nodes-outreach.outreachTrigger';
const ALL = ['replied', 'interested', 'notInterested', 'bounced', 'unsubscribed', 'opened', 'clicked', 'sent'];
const ITEM_KEYS = ['provider', 'event', 'occurredAt', 'campaign', 'lead', 'message', 'raw'];
const campaign = (value: string) => ({ __rl: true, mode: 'id', value });
const sign = (secret: string, rawBody: string) => createHmac('sha256', secret).update(rawBody).digest('hex');

const credentials = {
	lemlist: (mock: LemlistMock) => ({ lemlistOutreachApi: { apiKey: mock.apiKey, baseUrl: mock.url } }),
	smartlead: (mock: SmartleadMock) => ({ smartleadOutreachApi: { apiKey: mock.apiKey, baseUrl: mock.url } }),
	sendKit: (mock: SendKitMock) => ({ sendKitOutreachApi: { apiKey: mock.workspaceKey, baseUrl: mock.url, maxRequestsPerSecond: 10 } }),
};
const lemlist = useTrigger(TYPE, async () => await startLemlistMock(), credentials.lemlist);
const smartlead = useTrigger(TYPE, async () => await startSmartleadMock(), credentials.smartlead);
const sendKit = useTrigger(TYPE, async () => await startSendKitMock(), credentials.sendKit);

/** What a registration, listing or deletion of hooks sent, with this activation's secret written as <secret>. */
const hookRequests = (requests: RecordedRequest[], secret: unknown) =>
	requests
		.filter((request) => /\/(hooks|webhooks)(\/|$)/.test(request.path))
		.map(({ method, path, query, body }) => JSON.parse(JSON.stringify({ method, path, query, body }).split(String(secret)).join('<secret>')) as IDataObject);

/**
 * Activates and deactivates the provider's own trigger with `parameters`, then the Outreach
 * Trigger with `outreach`; answers the hook requests each sent, secrets aside.
 */
async function bothTriggers(
	mock: HttpMock,
	own: { type: string; parameters: INodeParameters },
	creds: Record<string, ICredentialDataDecryptedObject>,
	outreach: ReturnType<typeof lemlist.trigger>,
) {
	const staticData: IDataObject = {};
	const setup = { type: own.type, credentials: creds, parameters: own.parameters, staticData };
	expect(await runHookMethod({ ...setup, method: 'checkExists' })).toBe(false);
	await runHookMethod({ ...setup, method: 'create' });
	const ownSecret = staticData.secret;
	const ownHooks = mock.requests.length;
	await runHookMethod({ ...setup, method: 'delete' });
	const registered = hookRequests(mock.requests.slice(0, ownHooks), ownSecret);
	mock.reset();

	expect(await outreach.activate()).toBe('created');
	return { own: registered, outreach: hookRequests(mock.requests, outreach.staticData.secret) };
}

/** The item's fields besides `raw`, and that it has exactly the shared keys. */
function shared(item: IDataObject | undefined) {
	expect(Object.keys(item ?? {}).sort()).toEqual([...ITEM_KEYS].sort());
	const { raw: _raw, ...rest } = item ?? {};
	return rest;
}

describe('Outreach Trigger on lemlist', () => {
	const { env, trigger, outcomes } = lemlist;
	const TYPES: Record<string, string> = {
		replied: 'emailsReplied',
		interested: 'interested',
		notInterested: 'notInterested',
		bounced: 'emailsBounced',
		unsubscribed: 'emailsUnsubscribed',
		opened: 'emailsOpened',
		clicked: 'emailsClicked',
		sent: 'emailsSent',
	};

	it.each([
		['every event', ALL, undefined],
		['replies and interest of one campaign', ['replied', 'interested'], campaign('cam_A1')],
	])('registers what the Lemlist trigger registers for the mapped events (%s)', async (_label, events, campaignId) => {
		const own = { events: events.map((event) => TYPES[event]), ...(campaignId ? { campaignId } : {}) };
		const node = trigger({ provider: 'lemlist', events, ...(campaignId ? { campaignId } : {}) });
		const requests = await bothTriggers(env.mock, { type: 'n8n-nodes-outreach.lemlistTrigger', parameters: own }, credentials.lemlist(env.mock), node);
		expect(requests.outreach).toEqual(requests.own);
		expect(requests.outreach.filter((request) => request.method === 'POST').map((request) => (request.body as IDataObject).type)).toEqual(own.events);
		expect(env.mock.hooks.list().map((hook) => hook.events[0])).toEqual(own.events);
	});

	it.each(ALL)('a genuine %s delivery is one item of the shared shape, raw as the Lemlist trigger outputs it', async (event) => {
		const node = trigger({ provider: 'lemlist', events: ALL });
		await node.activate();
		const [delivery] = await env.mock.deliver(TYPES[event]);
		expect(delivery.status).toBe(200);
		const { secret, ...sent } = delivery.body;
		expect(secret).toBe(node.staticData.secret);
		expect(outcomes).toHaveLength(1);
		const [item] = outcomes[0].items ?? [];
		expect(shared(item)).toEqual({
			provider: 'lemlist',
			event,
			occurredAt: sent.createdAt,
			campaign: { id: 'cam_A1', name: 'Q4 Outbound' },
			lead: { id: 'lea_1', email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' },
			message: { subject: 'Quick question', text: null },
		});
		expect(item.raw).toEqual(sent);
		expect(JSON.stringify(outcomes)).not.toContain(String(secret));
	});

	it('answers 401 and starts nothing for a forged delivery', async () => {
		const node = trigger({ provider: 'lemlist', events: ['replied'] });
		await node.activate();
		const url = `${node.url()}?event=emailsReplied`;
		const activity = { type: 'emailsReplied', campaignId: 'cam_A1', leadEmail: 'ada@example.com' };
		expect(await node.receive({ url, rawBody: JSON.stringify({ ...activity, secret: 'guessed' }) })).toEqual({ status: 401, items: undefined });
		expect(await node.receive({ url, rawBody: JSON.stringify(activity) })).toEqual({ status: 401, items: undefined });
	});

	it('answers 200 and starts nothing for an event or a campaign not chosen', async () => {
		const node = trigger({ provider: 'lemlist', events: ['interested'], campaignId: campaign('cam_A1') });
		await node.activate();
		const secret = node.staticData.secret;
		const url = `${node.url()}?event=interested`;
		expect(await node.receive({ url, rawBody: JSON.stringify({ type: 'notInterested', campaignId: 'cam_A1', secret }) })).toEqual({ status: 200, items: undefined });
		expect(await node.receive({ url, rawBody: JSON.stringify({ type: 'interested', campaignId: 'cam_B2', secret }) })).toEqual({ status: 200, items: undefined });
		expect((await node.receive({ url, rawBody: JSON.stringify({ type: 'interested', campaignId: 'cam_A1', secret }) })).items).toHaveLength(1);
	});

	it('leaves no field out: what the delivery lacks is null', async () => {
		const node = trigger({ provider: 'lemlist', events: ['bounced'] });
		await node.activate();
		const outcome = await node.receive({ url: node.url(), rawBody: JSON.stringify({ type: 'emailsBounced', secret: node.staticData.secret }) });
		expect(shared(outcome.items?.[0])).toEqual({
			provider: 'lemlist',
			event: 'bounced',
			occurredAt: null,
			campaign: { id: null, name: null },
			lead: { id: null, email: null, firstName: null, lastName: null },
			message: { subject: null, text: null },
		});
		expect(outcome.items?.[0].raw).toEqual({ type: 'emailsBounced' });
	});

	it('deletes its hooks on deactivation', async () => {
		env.mock.hooks.add({ url: 'https://crm.example.com/hooks/lemlist', events: ['emailsReplied'] });
		const node = trigger({ provider: 'lemlist', events: ['replied', 'bounced'] });
		await node.activate();
		expect(env.mock.hooks.list()).toHaveLength(3);
		expect(await node.deactivate()).toBe(true);
		expect(env.mock.hooks.list().map((hook) => hook.url)).toEqual(['https://crm.example.com/hooks/lemlist']);
		expect(node.staticData).toEqual({});
	});

	it('keeps its hooks when activated again with the same events', async () => {
		const staticData = {};
		await trigger({ provider: 'lemlist', events: ['replied'] }, staticData).activate();
		expect(await trigger({ provider: 'lemlist', events: ['replied'] }, staticData).activate()).toBe('kept');
		expect(env.mock.hooks.list()).toHaveLength(1);
	});

	it('fails activation with the provider trigger\'s message when no event is chosen', async () => {
		await expect(trigger({ provider: 'lemlist', events: [] }).activate()).rejects.toThrow('Choose at least one event in "Events"');
		expect(env.mock.hooks.list()).toHaveLength(0);
	});
});

describe('Outreach Trigger on Smartlead', () => {
	const { env, trigger, outcomes } = smartlead;
	const EVENTS: Record<string, string> = {
		replied: 'EMAIL_REPLY',
		interested: 'LEAD_CATEGORY_UPDATED',
		notInterested: 'LEAD_CATEGORY_UPDATED',
		bounced: 'EMAIL_BOUNCE',
		unsubscribed: 'LEAD_UNSUBSCRIBED',
		opened: 'EMAIL_OPEN',
		clicked: 'EMAIL_LINK_CLICK',
		sent: 'EMAIL_SENT',
	};
	const category = (name: string) => ({ lead_category: { old_id: null, old_name: null, new_id: 7, new_name: name } });

	it.each([
		['every event', ALL, ['EMAIL_REPLY', 'LEAD_CATEGORY_UPDATED', 'EMAIL_BOUNCE', 'LEAD_UNSUBSCRIBED', 'EMAIL_OPEN', 'EMAIL_LINK_CLICK', 'EMAIL_SENT']],
		['both interest events', ['notInterested', 'interested'], ['LEAD_CATEGORY_UPDATED']],
	])('registers what the Smartlead trigger registers for the mapped events (%s), each event once', async (_label, events, mapped) => {
		const node = trigger({ provider: 'smartlead', events, campaignId: campaign('101') });
		const own = { events: mapped, campaignId: campaign('101') };
		const requests = await bothTriggers(env.mock, { type: 'n8n-nodes-outreach.smartleadTrigger', parameters: own }, credentials.smartlead(env.mock), node);
		expect(requests.outreach).toEqual(requests.own);
		const [post] = requests.outreach.filter((request) => request.method === 'POST');
		expect(post.path).toBe('/api/v1/campaigns/101/webhooks');
		expect((post.body as IDataObject).event_types).toEqual(mapped);
		expect((post.body as IDataObject).webhook_url).toBe(`${node.url()}?token=<secret>`);
	});

	it.each(ALL)('a genuine %s delivery is one item of the shared shape, raw as the Smartlead trigger outputs it', async (event) => {
		const node = trigger({ provider: 'smartlead', events: ALL, campaignId: campaign('101') });
		await node.activate();
		const fields = event === 'interested' ? category('Interested') : event === 'notInterested' ? category('Not Interested') : {};
		const [delivery] = await env.mock.deliver(EVENTS[event], fields);
		expect(delivery.status).toBe(200);
		const { secret_key: secretKey, webhook_url: _echoed, ...rest } = delivery.body;
		expect(secretKey).toBe(SMARTLEAD_UI_SECRET_KEY);
		expect(outcomes).toHaveLength(1);
		const [item] = outcomes[0].items ?? [];
		const interest = event === 'interested' || event === 'notInterested';
		expect(shared(item)).toEqual({
			provider: 'smartlead',
			event,
			occurredAt: rest.event_timestamp,
			campaign: { id: '101', name: 'Q4 Outbound' },
			lead: { id: '5001', email: 'ada@example.com', firstName: interest ? 'Ada' : null, lastName: interest ? 'Lovelace' : null },
			message: { subject: 'Quick question', text: event === 'replied' ? 'Sounds good, tell me more' : null },
		});
		expect(item.raw).toEqual({ ...rest, webhook_url: node.url() });
		const output = JSON.stringify(outcomes);
		expect(output).not.toContain(String(node.staticData.secret));
		expect(output).not.toContain(SMARTLEAD_UI_SECRET_KEY);
	});

	it('answers 401 and starts nothing without the token or with a wrong one', async () => {
		const node = trigger({ provider: 'smartlead', events: ['replied'], campaignId: campaign('101') });
		await node.activate();
		const body = JSON.stringify({ event_type: 'EMAIL_REPLY', campaign_id: 101, secret_key: SMARTLEAD_UI_SECRET_KEY });
		expect(await node.receive({ url: node.url(), rawBody: body })).toEqual({ status: 401, items: undefined });
		expect(await node.receive({ url: `${node.url()}?token=guessed`, rawBody: body })).toEqual({ status: 401, items: undefined });
	});

	it('answers 200 and starts nothing for a category change that is not a chosen interest event', async () => {
		const node = trigger({ provider: 'smartlead', events: ['interested'], campaignId: campaign('101') });
		await node.activate();
		const results = [
			...(await env.mock.deliver('LEAD_CATEGORY_UPDATED', category('Not Interested'))),
			...(await env.mock.deliver('LEAD_CATEGORY_UPDATED', category('Meeting Request'))),
			...(await env.mock.deliver('LEAD_CATEGORY_UPDATED', category(' interested '))),
		];
		expect(results.map((result) => result.status)).toEqual([200, 200, 200]);
		expect(outcomes.map((outcome) => outcome.items?.map((item) => item.event))).toEqual([undefined, undefined, ['interested']]);
	});

	it('needs a numeric campaign, as the Smartlead trigger does', async () => {
		await expect(trigger({ provider: 'smartlead', events: ['replied'], campaignId: campaign('Q4 Outbound') }).activate()).rejects.toThrow(
			'Campaign must be a Smartlead campaign ID (a number), not "Q4 Outbound"',
		);
		expect(env.mock.requests).toHaveLength(0);
	});

	it('deletes its hook on deactivation', async () => {
		const other = env.mock.hooks.add({ url: 'https://crm.example.com/smartlead', events: ['EMAIL_REPLY'], campaignId: '101', name: 'CRM' });
		const node = trigger({ provider: 'smartlead', events: ['replied', 'interested'], campaignId: campaign('101') });
		await node.activate();
		expect(env.mock.hooks.list()).toHaveLength(2);
		expect(await node.deactivate()).toBe(true);
		expect(env.mock.hooks.list()).toEqual([other]);
		expect(node.staticData).toEqual({});
	});
});

describe('Outreach Trigger on SendKit', () => {
	const { env, trigger, outcomes } = sendKit;
	const EVENTS: Record<string, string> = {
		replied: 'email.replied',
		interested: 'lead.tag_changed',
		notInterested: 'lead.tag_changed',
		bounced: 'email.bounced',
		unsubscribed: 'email.unsubscribed',
		opened: 'email.opened',
		clicked: 'email.clicked',
		sent: 'email.sent',
	};
	const tag = (newTag: string) => ({ previousTag: null, newTag });

	it.each([
		['every event', ALL, ['email.replied', 'lead.tag_changed', 'email.bounced', 'email.unsubscribed', 'email.opened', 'email.clicked', 'email.sent']],
		['interest and bounces of one campaign', ['interested', 'notInterested', 'bounced'], ['lead.tag_changed', 'email.bounced']],
	])('registers what the SendKit trigger registers for the mapped events (%s), each event once', async (_label, events, mapped) => {
		const node = trigger({ provider: 'sendKit', events, campaignId: campaign(SENDKIT_SEED.campaignId) });
		const own = { events: mapped, campaignId: campaign(SENDKIT_SEED.campaignId) };
		const requests = await bothTriggers(env.mock, { type: 'n8n-nodes-outreach.sendKitTrigger', parameters: own }, credentials.sendKit(env.mock), node);
		expect(requests.outreach).toEqual(requests.own);
		const [post] = requests.outreach.filter((request) => request.method === 'POST');
		expect(post.body).toEqual({ name: 'n8n: Replies to CRM', url: node.url(), events: mapped, secret: '<secret>' });
	});

	it.each(ALL)('a genuine %s delivery is one item of the shared shape, raw as the SendKit trigger outputs it', async (event) => {
		const node = trigger({ provider: 'sendKit', events: ALL });
		await node.activate();
		const data = event === 'interested' ? tag('Interested') : event === 'notInterested' ? tag('Not Interested') : { subject: 'Quick question' };
		const [delivery] = await env.mock.deliver(EVENTS[event], data);
		expect(delivery.status).toBe(200);
		expect(outcomes).toHaveLength(1);
		const [item] = outcomes[0].items ?? [];
		expect(shared(item)).toEqual({
			provider: 'sendKit',
			event,
			occurredAt: delivery.body.createdAt,
			campaign: { id: SENDKIT_SEED.campaignId, name: null },
			lead: { id: SENDKIT_SEED.campaignLeadId, email: 'ada@example.com', firstName: null, lastName: null },
			message: { subject: event === 'interested' || event === 'notInterested' ? null : 'Quick question', text: null },
		});
		expect(item.raw).toEqual(delivery.body);
		expect(JSON.stringify(outcomes)).not.toContain(String(node.staticData.secret));
	});

	it('answers 401 and starts nothing for a bad or missing signature', async () => {
		const node = trigger({ provider: 'sendKit', events: ['replied'] });
		await node.activate();
		const rawBody = JSON.stringify({ event: 'email.replied', data: { email: 'ada@example.com' } });
		expect(await node.receive({ url: node.url(), rawBody, headers: { 'X-Webhook-Signature': sign('guessed', rawBody) } })).toEqual({ status: 401, items: undefined });
		expect(await node.receive({ url: node.url(), rawBody })).toEqual({ status: 401, items: undefined });
		const genuine = await node.receive({ url: node.url(), rawBody, headers: { 'X-Webhook-Signature': sign(String(node.staticData.secret), rawBody) } });
		expect(genuine.items?.map((item) => item.event)).toEqual(['replied']);
	});

	it('answers 200 and starts nothing for a tag change that is not a chosen interest event, or another campaign', async () => {
		const node = trigger({ provider: 'sendKit', events: ['interested'], campaignId: campaign(SENDKIT_SEED.campaignId) });
		await node.activate();
		await env.mock.deliver('lead.tag_changed', tag('Not Interested'));
		await env.mock.deliver('lead.tag_changed', tag('Out of Office'));
		await env.mock.deliver('lead.tag_changed', { ...tag('Interested'), campaignId: SENDKIT_SEED.otherWorkspaceCampaignId });
		await env.mock.deliver('lead.tag_changed', tag('Interested'));
		expect(outcomes.map((outcome) => [outcome.status, outcome.items?.length])).toEqual([
			[200, undefined],
			[200, undefined],
			[200, undefined],
			[200, 1],
		]);
	});

	it('deletes its hook on deactivation', async () => {
		const node = trigger({ provider: 'sendKit', events: ['replied'] });
		await node.activate();
		expect(env.mock.hooks.list()).toHaveLength(1);
		expect(await node.deactivate()).toBe(true);
		expect(env.mock.hooks.list()).toHaveLength(0);
		expect(node.staticData).toEqual({});
	});
});
