import { examplesDir, loadExamples, runTriggeredExample, triggerOf, triggersOf } from '../../sandbox/examples';
import { freePort, N8nInstance, waitFor, type FinishedExecution, type N8nServer } from '../../sandbox/n8n';
import { deliverWhenServed, startSandbox, type Sandbox } from '../../sandbox/sandbox';
import type { DeliveryResult, HookStore } from '../../sandbox/providers/hooks';
import { post } from '../../sandbox/providers/hooks';
import { triggerCases, type TriggerCase } from './trigger-cases';

/**
 * The three triggers in a real `n8n start` with the pack installed: published workflows register
 * their hooks with the sandbox, the sandbox delivers events as each provider does, n8n runs one
 * execution per verified delivery (also one sent while n8n is still activating the workflow) and
 * refuses forgeries; a restart keeps the hooks, unpublishing deletes them.
 */
let sandbox: Sandbox;
let n8n: N8nInstance;
let server: N8nServer;
let port: number;
const triggeredExamples = loadExamples().filter((example) => triggerOf(example));

const cases = triggerCases({ lemlist: 'e2eTrigLemlist01', smartlead: 'e2eTrigSmartle01', sendkit: 'e2eTrigSendKit01' });

/**
 * A lemlist trigger whose first hook gets a delivery the moment lemlist holds it: n8n is still
 * registering the second hook and has not saved the activation's static data.
 */
const whileActivating: TriggerCase = { ...cases[0], workflowId: 'e2eTrigLemlist02', parameters: { events: ['emailsOpened', 'emailsClicked'] }, event: 'emailsOpened' };
let earlyDelivery: { hooksThen: number; results: Promise<DeliveryResult[]> } | undefined;

/**
 * One trigger per provider whose first registration the provider carries out but answers 504 (its
 * gateway gave up): events no other workflow here listens to, so each delivery reaches only it.
 */
const lostAnswers: TriggerCase[] = [
	{ ...cases[0], workflowId: 'e2eTrigLemlist03', parameters: { events: ['emailsSent', 'emailsFailed'] }, event: 'emailsSent', hookCount: 2 },
	{ ...cases[1], workflowId: 'e2eTrigSmartle03', parameters: { campaignId: { __rl: true, mode: 'id', value: '101' }, events: ['EMAIL_OPEN'] }, event: 'EMAIL_OPEN' },
	{ ...cases[2], workflowId: 'e2eTrigSendKit03', parameters: { events: ['email.opened'] }, event: 'email.opened' },
];

const hooksOf = (provider: string) => (sandbox.mock(provider) as unknown as { hooks: HookStore }).hooks.list();
const registrations = (provider: string) => sandbox.requests.filter((request) => request.provider === provider && request.method === 'POST' && /hooks|webhooks/.test(request.path));

function workflow(test: TriggerCase) {
	const credential = sandbox.credentials().find((candidate) => candidate.type === test.credential)!;
	return {
		id: test.workflowId,
		name: `e2e ${test.type}`,
		nodes: [
			{
				id: `${test.workflowId}-trigger`,
				name: 'Trigger',
				type: `n8n-nodes-outreach.${test.type}`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: `0e2e0000-0000-4000-8000-${test.workflowId.slice(-12).toLowerCase().replace(/[^0-9a-f]/g, '0')}`,
				parameters: test.parameters,
				credentials: { [test.credential]: { id: credential.id, name: credential.name } },
			},
		],
		connections: {},
		settings: {},
	};
}

/** This test's own hook among those the published examples hold for the same event: its webhookId is in the hook's URL. */
const hookOf = (test: TriggerCase) => workflow(test).nodes[0].webhookId;
const deliverServed = async (test: TriggerCase) => await deliverWhenServed(sandbox, test.event, undefined, hookOf(test));

const executions = async (workflowId: string, count: number) =>
	await waitFor(`${count} executions of ${workflowId}`, async () => {
		const done = await server.executions(workflowId);
		return done.length >= count ? done : undefined;
	});
const itemsOf = (execution: FinishedExecution) => execution.data.resultData.runData.Trigger?.[0]?.data?.main?.[0]?.map((item) => item.json);

beforeAll(async () => {
	sandbox = await startSandbox();
	n8n = await N8nInstance.create();
	await n8n.importCredentials(sandbox.credentials());
	await n8n.importWorkflowFolder(examplesDir);
	for (const example of triggeredExamples) await n8n.publish(example.id);
	for (const test of [...cases, whileActivating, ...lostAnswers]) {
		await n8n.importWorkflow(workflow(test));
		await n8n.publish(test.workflowId);
	}
	for (const test of lostAnswers) {
		const webhookId = workflow(test).nodes[0].webhookId;
		sandbox.mock(test.provider).inject({ afterServing: { status: 504, body: { message: 'Gateway Timeout' } } }, {
			match: (request) => request.method === 'POST' && JSON.stringify(request.body ?? '').includes(webhookId),
		});
	}
	const lemlistHooks = (sandbox.mock('lemlist') as unknown as { hooks: HookStore }).hooks;
	const earlyWebhookId = workflow(whileActivating).nodes[0].webhookId;
	lemlistHooks.onAdd = (hook) => {
		if (earlyDelivery || !hook.url.includes(earlyWebhookId)) return;
		earlyDelivery = { hooksThen: hooksOf('lemlist').filter((held) => held.url.includes(earlyWebhookId)).length, results: sandbox.deliver(whileActivating.event) };
	};
	port = await freePort();
	server = n8n.startServer(port, { quiet: true });
	await server.ready();
});

afterAll(async () => {
	await server?.stop();
	n8n?.dispose();
	await sandbox?.close();
});

describe('triggers in a real n8n', () => {
	it.each(cases)('$type registers its hooks with the provider when the workflow is published', async (test) => {
		const ours = () => hooksOf(test.provider).filter((hook) => hook.url.includes(workflow(test).nodes[0].webhookId));
		const hooks = await waitFor(`${test.provider} hooks`, () => (ours().length >= test.hookCount ? ours() : undefined));
		expect(hooks).toHaveLength(test.hookCount);
		const webhookPath = `http://127.0.0.1:${port}/webhook/${workflow(test).nodes[0].webhookId}/webhook`;
		for (const hook of hooks) expect(hook.url.split('?')[0]).toBe(webhookPath);
	});

	it.each(cases)('$type: one verified delivery, one execution whose item is the delivery body without the secret', async (test) => {
		const delivery = await deliverServed(test);
		expect(delivery.status).toBe(200);
		const [execution] = await executions(test.workflowId, 1);
		expect(execution.status).toBe('success');
		expect(itemsOf(execution)).toEqual([test.expectedItem(delivery)]);
	});

	it('lemlistTrigger: a delivery sent while n8n is still activating the workflow is verified and runs once', async () => {
		expect(earlyDelivery?.hooksThen).toBe(1);
		const [delivery] = await earlyDelivery!.results;
		expect(delivery.status).toBe(200);
		const [execution] = await executions(whileActivating.workflowId, 1);
		expect(execution.status).toBe('success');
		expect(itemsOf(execution)).toEqual([whileActivating.expectedItem(delivery)]);
	});

	it.each(lostAnswers)('$type: a registration the provider carried out but answered 504 leaves exactly one hook per event, and the trigger runs', async (test) => {
		const webhookId = workflow(test).nodes[0].webhookId;
		const delivery = await deliverServed(test);
		expect(delivery.status).toBe(200);
		const [execution] = await executions(test.workflowId, 1);
		expect(itemsOf(execution)).toEqual([test.expectedItem(delivery)]);
		// The registrations this trigger sent: the lost one only; the provider's hooks were listed, not asked for again.
		const registered = sandbox.mock(test.provider).answers.filter((answer) => JSON.stringify(answer.request.body ?? '').includes(webhookId));
		expect(registered).toHaveLength(test.hookCount);
		expect(registered[0]).toMatchObject({ status: 504, fault: 'afterServing' });
		const hooks = hooksOf(test.provider).filter((hook) => hook.url.includes(webhookId));
		expect(hooks).toHaveLength(test.hookCount);
		expect(hooks.flatMap((hook) => hook.events).sort()).toEqual([...(test.parameters.events as string[])].sort());
	});

	it.each(cases)('$type: a forged delivery is refused with 401 and starts no execution', async (test) => {
		const [genuine] = await sandbox.deliver(test.event, { subject: 'second genuine delivery' }, hookOf(test));
		const forged = await post(test.forge(genuine));
		expect(forged.status).toBe(401);
		expect(forged.answer).not.toContain('secret');
		// Genuine deliveries before and after the forged one: exactly two executions, no third.
		await sandbox.deliver(test.event, { subject: 'third genuine delivery' }, hookOf(test));
		const done = await executions(test.workflowId, 3);
		expect(done).toHaveLength(3);
		expect(JSON.stringify(itemsOf(done[1]))).toContain('second genuine delivery');
		expect(JSON.stringify(itemsOf(done[2]))).toContain('third genuine delivery');
	});

	it.each(cases)('$type: a POST to the production URL whose body is not a JSON object (none, null, octet-stream, text) gets 401 and starts no execution', async (test) => {
		const [genuine] = await sandbox.deliver(test.event, { subject: 'fourth genuine delivery' }, hookOf(test));
		const url = new URL(genuine.url);
		const production = `${url.origin}${url.pathname}`;
		const junk: Array<{ headers: Record<string, string>; body?: string | Uint8Array }> = [
			{ headers: {} },
			{ headers: { 'Content-Type': 'application/json' }, body: 'null' },
			{ headers: { 'Content-Type': 'application/octet-stream' }, body: new Uint8Array([0, 1, 2, 3]) },
			{ headers: { 'Content-Type': 'text/plain' }, body: 'hello' },
		];
		for (const request of junk) {
			const response = await fetch(production, { method: 'POST', ...request });
			expect(response.status).toBe(401);
		}
		await sandbox.deliver(test.event, { subject: 'fifth genuine delivery' }, hookOf(test));
		const done = await executions(test.workflowId, 5);
		expect(done).toHaveLength(5);
		expect(done.map((execution) => execution.status)).toEqual(Array(5).fill('success'));
	});

	it('runs the chained example: a Smartlead lead categorised Interested is paused and tagged in SendKit and updated in lemlist', async () => {
		expect(triggeredExamples.map((example) => example.file)).toEqual(['trigger-outreach-replied-any-provider.json', 'trigger-smartlead-interested-to-sendkit-and-lemlist.json']);
		const example = triggeredExamples.find((candidate) => candidate.file === 'trigger-smartlead-interested-to-sendkit-and-lemlist.json')!;
		const [outcome, ...more] = await runTriggeredExample(server, sandbox, example);
		expect(more).toHaveLength(0);
		expect(outcome.reason).toBeUndefined();
		const requests = outcome.requests.map(({ provider, method, path, body, status }) => ({ provider, method, path, body, status }));
		// The lead is found by the address Smartlead sent, in each provider's campaign, then changed.
		expect(requests.sort((a, b) => a.provider.localeCompare(b.provider) || a.method.localeCompare(b.method))).toEqual([
			{ provider: 'lemlist', method: 'GET', path: '/api/leads/ada%40example.com?version=v2', body: undefined, status: 200 },
			{ provider: 'lemlist', method: 'PATCH', path: '/api/campaigns/cam_A1/leads/lea_1', body: { firstName: 'Ada', lastName: 'Lovelace', companyName: 'Analytical Engines Ltd' }, status: 200 },
			{ provider: 'sendkit', method: 'GET', path: '/v1/campaigns/665a1b2c3d4e5f6a7b8c9d0e/leads?limit=100', body: undefined, status: 200 },
			{ provider: 'sendkit', method: 'PATCH', path: '/v1/campaigns/665a1b2c3d4e5f6a7b8c9d0e/leads/666a1b2c3d4e5f6a7b8c9d01', body: { status: 'paused', aiTag: 'Interested' }, status: 200 },
		]);
		expect(outcome.items.map((item) => item.node)).toEqual(['Smartlead Category Updated', 'Pause and Tag in SendKit', 'Update Lead in lemlist']);
		expect(outcome.items[0].json).toMatchObject({ event_type: 'LEAD_CATEGORY_UPDATED', lead_category: { new_name: 'Interested' } });
	});

	it('runs the any-provider example once per provider: each Outreach Trigger on replied feeds the one summary branch with the shared item', async () => {
		const example = triggeredExamples.find((candidate) => candidate.file === 'trigger-outreach-replied-any-provider.json')!;
		const triggers = triggersOf(example);
		expect(triggers.map((node) => [node.parameters.provider, node.parameters.events])).toEqual([
			['lemlist', ['replied']],
			['smartlead', ['replied']],
			['sendKit', ['replied']],
		]);
		const before = (await server.executions(example.id)).length;
		const outcomes = await runTriggeredExample(server, sandbox, example);
		// One delivery of each provider's reply event, to that trigger's hook; one execution each, all through the summary.
		expect(outcomes.map((outcome) => outcome.delivery?.replace(/ to .*? ->/, ' ->'))).toEqual([
			'emailsReplied from the lemlist sandbox -> 200',
			'EMAIL_REPLY from the smartlead sandbox -> 200',
			'email.replied from the sendkit sandbox -> 200',
		]);
		expect(await server.executions(example.id)).toHaveLength(before + 3);
		for (const [index, outcome] of outcomes.entries()) {
			const provider = triggers[index].parameters.provider;
			expect(outcome.reason).toBeUndefined();
			// A reply asks no provider anything: the branch reads the delivery alone.
			expect(outcome.requests).toEqual([]);
			const runData = outcome.result!.data.resultData.runData;
			expect(Object.keys(runData).sort()).toEqual([triggers[index].name, 'Reply Summary'].sort());
			const outputOf = (node: string) => runData[node]?.[0]?.data?.main?.[0]?.map((entry) => entry.json) ?? [];
			const [item] = outputOf(triggers[index].name);
			expect(Object.keys(item).sort()).toEqual(['campaign', 'event', 'lead', 'message', 'occurredAt', 'provider', 'raw']);
			expect(item).toMatchObject({ provider, event: 'replied', lead: { email: 'ada@example.com' } });
			expect(outputOf('Reply Summary')).toEqual([
				{
					provider,
					email: 'ada@example.com',
					campaign: expect.any(String),
					reply: expect.any(String),
					summary: expect.stringMatching(new RegExp(`^ada@example\\.com replied in ${String(provider)}, campaign \\S`)),
				},
			]);
			expect(outcome.items.map((entry) => entry.node)).toEqual([triggers[index].name, 'Reply Summary']);
		}
	});

	it('a restarted n8n activates the workflows again and keeps the hooks: no new registration, no duplicate', async () => {
		const before = Object.fromEntries(cases.map((test) => [test.provider, hooksOf(test.provider).map((hook) => hook.id)]));
		const posts = Object.fromEntries(cases.map((test) => [test.provider, registrations(test.provider).length]));
		await server.stop();
		server = n8n.startServer(port, { quiet: true });
		await server.ready();
		for (const test of cases) {
			await deliverServed(test);
			expect(hooksOf(test.provider).map((hook) => hook.id)).toEqual(before[test.provider]);
			expect(registrations(test.provider)).toHaveLength(posts[test.provider]);
		}
	});

	it.each(cases)('$type deletes its hooks when the workflow is unpublished', async (test) => {
		await server.unpublish(test.workflowId);
		// n8n 2.41 unpublishes through an outbox that a poller works off after the REST call answered.
		const ours = () => hooksOf(test.provider).filter((hook) => hook.url.includes(workflow(test).nodes[0].webhookId));
		await waitFor(`${test.provider} hooks deleted`, () => (ours().length === 0 ? true : undefined));
		expect(await sandbox.deliver(test.event, undefined, hookOf(test))).toEqual([]);
	});
});
