import { startLemlistMock, type LemlistMock } from '../../sandbox/providers/lemlist';
import type { DeliveryResult } from '../../sandbox/providers/hooks';
import { useTrigger } from './trigger-env';

const TYPE = 'n8n-nodes-outreach.lemlistTrigger';
const { env, trigger, outcomes } = useTrigger(TYPE, async () => await startLemlistMock(), (mock: LemlistMock) => ({
	lemlistOutreachApi: { apiKey: mock.apiKey, baseUrl: mock.url },
}));
const hookRequests = (method: string) => env.mock.requests.filter((request) => request.method === method && request.path.startsWith('/api/hooks'));

describe('lemlist trigger', () => {
	it('registers one hook per event on distinct URLs of the same n8n path, all with one fresh secret', async () => {
		const node = trigger({ events: ['emailsReplied', 'emailsBounced'] });
		expect(await node.activate()).toBe('created');
		const posts = hookRequests('POST');
		expect(posts.map((request) => request.body)).toEqual([
			{ targetUrl: `${node.url()}?event=emailsReplied`, type: 'emailsReplied', secret: node.staticData.secret },
			{ targetUrl: `${node.url()}?event=emailsBounced`, type: 'emailsBounced', secret: node.staticData.secret },
		]);
		expect(posts.every((request) => Object.keys(request.query).length === 0)).toBe(true);
		expect(node.staticData.secret).toMatch(/^[0-9a-f]{48}$/);
		expect(node.staticData.hookIds).toEqual(env.mock.hooks.list().map((hook) => hook.id));
		expect(node.url()).toBe('http://localhost:5678/webhook/c0ffee00-0000-4000-8000-000000000001/webhook');
	});

	it('sends the campaign as a query parameter and passes on only that campaign\'s events', async () => {
		const node = trigger({ events: ['emailsReplied'], campaignId: { __rl: true, mode: 'id', value: 'cam_A1' } });
		await node.activate();
		expect(hookRequests('POST')[0].query).toEqual({ campaignId: 'cam_A1' });
		await env.mock.deliver('emailsReplied');
		expect(outcomes.map((outcome) => outcome.items?.length)).toEqual([1]);
		// A delivery for another campaign (lemlist ignoring the filter) starts nothing.
		const other = await node.receive({ url: `${node.url()}?event=emailsReplied`, rawBody: JSON.stringify({ type: 'emailsReplied', campaignId: 'cam_B2', secret: node.staticData.secret }) });
		expect(other).toEqual({ status: 200, items: undefined });
	});

	it('starts one execution per delivery whose item is the activity as sent, without the secret', async () => {
		const node = trigger({ events: ['emailsReplied'] });
		await node.activate();
		const [delivery] = await env.mock.deliver('emailsReplied');
		expect(delivery.status).toBe(200);
		const { secret, ...sent } = delivery.body;
		expect(secret).toBe(node.staticData.secret);
		expect(outcomes).toEqual([{ status: 200, items: [sent] }]);
		expect(JSON.stringify(outcomes)).not.toContain(String(secret));
	});

	it('answers 401 and starts nothing for a wrong, missing or stale secret', async () => {
		const node = trigger({ events: ['emailsReplied'] });
		await node.activate();
		const url = `${node.url()}?event=emailsReplied`;
		const activity = { type: 'emailsReplied', leadEmail: 'ada@example.com' };
		expect(await node.receive({ url, rawBody: JSON.stringify({ ...activity, secret: 'guessed' }) })).toEqual({ status: 401, items: undefined });
		expect(await node.receive({ url, rawBody: JSON.stringify(activity) })).toEqual({ status: 401, items: undefined });
		const stale = String(node.staticData.secret);
		await node.deactivate();
		await node.activate();
		expect(await node.receive({ url, rawBody: JSON.stringify({ ...activity, secret: stale }) })).toEqual({ status: 401, items: undefined });
	});

	it('verifies a delivery sent while its activation is under way, and forgets that secret on deactivation', async () => {
		const events = ['emailsReplied', 'emailsBounced'];
		// n8n saves the static data after every hook is registered; a delivery before that reads none.
		const beforeSave = trigger({ events }, {});
		let early: Promise<DeliveryResult[]> | undefined;
		env.mock.hooks.onAdd = () => {
			env.mock.hooks.onAdd = undefined;
			early = env.mock.deliver('emailsReplied');
		};
		const node = trigger({ events });
		const activation = node.activate();
		beforeSave.listen();
		await activation;
		const [delivery] = await early!;
		const { secret, ...sent } = delivery.body;
		expect(env.mock.hooks.list()).toHaveLength(2);
		expect(outcomes).toEqual([{ status: 200, items: [sent] }]);
		await node.deactivate();
		expect(await beforeSave.receive({ url: delivery.url, rawBody: JSON.stringify({ type: 'emailsReplied', secret }) })).toEqual({ status: 401, items: undefined });
	});

	it('starts nothing for an event that was not selected', async () => {
		const node = trigger({ events: ['emailsReplied'] });
		await node.activate();
		const outcome = await node.receive({ url: `${node.url()}?event=emailsReplied`, rawBody: JSON.stringify({ type: 'emailsOpened', secret: node.staticData.secret }) });
		expect(outcome).toEqual({ status: 200, items: undefined });
	});

	it('keeps its hooks when activated again, and replaces them when the events changed', async () => {
		const staticData = {};
		await trigger({ events: ['emailsReplied', 'emailsBounced'] }, staticData).activate();
		const before = env.mock.hooks.list().map((hook) => hook.id);
		expect(await trigger({ events: ['emailsReplied', 'emailsBounced'] }, staticData).activate()).toBe('kept');
		expect(env.mock.hooks.list().map((hook) => hook.id)).toEqual(before);
		expect(hookRequests('POST')).toHaveLength(2);

		expect(await trigger({ events: ['emailsReplied'] }, staticData).activate()).toBe('created');
		expect(env.mock.hooks.list().map((hook) => hook.events)).toEqual([['emailsReplied']]);
		expect(hookRequests('DELETE').map((request) => request.path)).toEqual(before.map((id) => `/api/hooks/${id}`));
	});

	it('activates where its static data was lost, although lemlist still holds its hook (no 409, no duplicate)', async () => {
		await trigger({ events: ['emailsReplied'] }, {}).activate();
		const orphan = env.mock.hooks.list()[0].id;
		const node = trigger({ events: ['emailsReplied'] }, {});
		expect(await node.activate()).toBe('created');
		expect(env.mock.hooks.list()).toHaveLength(1);
		expect(env.mock.hooks.list()[0].id).not.toBe(orphan);
		expect(env.mock.answers.filter((answer) => answer.status === 409)).toHaveLength(0);
	});

	it('deletes exactly its own hooks on deactivation, and does not fail on a hook lemlist already removed', async () => {
		env.mock.hooks.add({ url: 'https://crm.example.com/hooks/lemlist', events: ['emailsReplied'] });
		const node = trigger({ events: ['emailsReplied', 'emailsBounced'] });
		await node.activate();
		const [first] = node.staticData.hookIds as string[];
		env.mock.hooks.remove(first);
		expect(await node.deactivate()).toBe(true);
		expect(env.mock.hooks.list().map((hook) => hook.url)).toEqual(['https://crm.example.com/hooks/lemlist']);
		expect(node.staticData).toEqual({});
	});

	it('registers on the test URL while the editor listens for a test event', async () => {
		const node = trigger({ events: ['emailsReplied'] }, {}, true);
		await node.activate();
		expect(env.mock.hooks.list()[0].url).toBe('http://localhost:5678/webhook-test/c0ffee00-0000-4000-8000-000000000001/webhook?event=emailsReplied');
		await env.mock.deliver('emailsReplied');
		expect(outcomes[0].items).toHaveLength(1);
	});

	it('fails activation with a clear message when no event is chosen, registering nothing', async () => {
		await expect(trigger({ events: [] }).activate()).rejects.toThrow('Choose at least one event in "Events"');
		expect(env.mock.hooks.list()).toHaveLength(0);
	});

	it('takes back the hooks it registered when a later registration fails', async () => {
		env.mock.inject({ status: 400, body: 'Invalid webhook' }, { match: (request) => request.method === 'POST' && request.body !== null && (request.body as { type?: string }).type === 'emailsBounced' });
		await expect(trigger({ events: ['emailsReplied', 'emailsBounced'] }).activate()).rejects.toThrow('lemlist answered 400: Invalid webhook');
		expect(env.mock.hooks.list()).toHaveLength(0);
	});
});
