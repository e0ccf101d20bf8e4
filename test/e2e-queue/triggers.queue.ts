import type { ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

import { freePort, N8nInstance, N8nServer, root, waitFor, type FinishedExecution } from '../../sandbox/n8n';
import { post, type DeliveryResult, type HookStore, type Outgoing } from '../../sandbox/providers/hooks';
import { startRoundRobin, type RoundRobin } from '../../sandbox/round-robin';
import { deliverWhenServed, startSandbox, type Sandbox } from '../../sandbox/sandbox';
import { ensureServices, startPostgres, startRedis, type Postgres, type Service } from '../../sandbox/services';
import { triggerCases, type TriggerCase } from '../e2e/trigger-cases';

/**
 * The three triggers in n8n's queue mode as teams scale it: a main process (editor, REST API,
 * activation; production webhooks switched off), two workers and two `n8n webhook` processes
 * behind a round-robin balancer, with a real Redis and Postgres. The main process registers the
 * hooks; the webhook processes, which never activated anything, verify the deliveries from the
 * saved static data; the workers run the executions.
 */
const logDir = join(root, '.cache', 'e2e-queue-logs');
let sandbox: Sandbox;
let redis: Service | undefined;
let postgres: Postgres | undefined;
let balancer: RoundRobin;
let server: N8nServer;
let mainPort: number;
const instances: N8nInstance[] = [];
const processes: Array<{ name: string; child: ChildProcess; started: Set<string> }> = [];

const cases = triggerCases({ lemlist: 'qTrigLemlist0001', smartlead: 'qTrigSmartlead01', sendkit: 'qTrigSendKit0001' });

/**
 * Per provider, a trigger on events no other workflow here listens to, whose first hook gets a
 * delivery the moment the provider holds it; the provider's answer to that registration waits
 * until the delivery has been answered, so n8n cannot have saved the activation by then.
 */
const whileActivating: TriggerCase[] = [
	{ ...cases[0], workflowId: 'qTrigLemlist0002', parameters: { events: ['emailsOpened', 'emailsClicked'] }, event: 'emailsOpened' },
	{ ...cases[1], workflowId: 'qTrigSmartlead02', parameters: { campaignId: { __rl: true, mode: 'id', value: '101' }, events: ['EMAIL_OPEN'] }, event: 'EMAIL_OPEN' },
	{ ...cases[2], workflowId: 'qTrigSendKit0002', parameters: { events: ['email.opened'] }, event: 'email.opened' },
];
const early = new Map<string, Promise<DeliveryResult[]>>();
/** Every delivery a stand-in sent, as sent: a provider's retry sends the same request again. */
const sent: Outgoing[] = [];

const webhookIdOf = (test: TriggerCase) => `0e2e0000-0000-4000-8000-${test.workflowId.slice(-12).toLowerCase().replace(/[^0-9a-f]/g, '0')}`;
const hooksOf = (test: TriggerCase) => (sandbox.mock(test.provider) as unknown as { hooks: HookStore }).hooks.list((hook) => hook.url.includes(webhookIdOf(test)));

function workflow(test: TriggerCase) {
	const credential = sandbox.credentials().find((candidate) => candidate.type === test.credential)!;
	return {
		id: test.workflowId,
		name: `e2e queue ${test.type} ${test.workflowId}`,
		nodes: [
			{
				id: `${test.workflowId}-trigger`,
				name: 'Trigger',
				type: `n8n-nodes-outreach.${test.type}`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: webhookIdOf(test),
				parameters: test.parameters,
				credentials: { [test.credential]: { id: credential.id, name: credential.name } },
			},
		],
		connections: {},
		settings: {},
	};
}

/** Starts an n8n process of the cluster, its output in .cache/e2e-queue-logs, noting the executions a worker starts. */
function startProcess(name: string, instance: N8nInstance, args: string[], env: NodeJS.ProcessEnv) {
	const child = instance.spawn(args, env);
	const entry = { name, child, started: new Set<string>() };
	const file = createWriteStream(join(logDir, `${name}.log`));
	let tail = '';
	const read = (chunk: Buffer) => {
		file.write(chunk);
		const lines = (tail + chunk.toString()).split('\n');
		tail = lines.pop() ?? '';
		for (const line of lines) {
			const match = /Worker started execution (\d+)/.exec(line);
			if (match) entry.started.add(match[1]);
		}
	};
	child.stdout?.on('data', read);
	child.stderr?.on('data', read);
	child.on('exit', () => file.end());
	processes.push(entry);
	return child;
}

const alive = () => {
	const dead = processes.find((entry) => entry.child.exitCode !== null);
	if (dead) throw new Error(`n8n ${dead.name} exited with code ${dead.child.exitCode}; see ${join(logDir, `${dead.name}.log`)}`);
};
const ready = async (what: string, url: string) =>
	await waitFor(what, async () => (alive(), (await fetch(url).catch(() => undefined))?.ok ? true : undefined), 180_000);

const executions = async (workflowId: string, count: number) =>
	await waitFor(`${count} executions of ${workflowId}`, async () => {
		const done = await server.executions(workflowId);
		return done.length >= count ? done : undefined;
	});
const itemsOf = (execution: FinishedExecution) => execution.data.resultData.runData.Trigger?.[0]?.data?.main?.[0]?.map((item) => item.json);
const workerOf = (execution: FinishedExecution) => processes.find((entry) => entry.name.startsWith('worker') && entry.started.has(execution.id))?.name;
/** The webhook processes (1 and 2) that answered the requests to this trigger's URL. */
const processesReached = (test: TriggerCase, from = 0) =>
	[...new Set(balancer.forwarded.slice(from).filter((entry) => entry.path.includes(webhookIdOf(test))).map((entry) => entry.backend + 1))].sort();

/** Whether n8n has saved the activation: the trigger's static data holds its hooks' IDs. */
async function activationSaved(test: TriggerCase): Promise<true | undefined> {
	const [staticData] = await postgres!.query(`SELECT "staticData" FROM workflow_entity WHERE id = '${test.workflowId}'`);
	return staticData?.includes('hookIds') ? true : undefined;
}

beforeAll(async () => {
	const log = (line: string) => process.stdout.write(`${line}\n`);
	rmSync(logDir, { recursive: true, force: true });
	mkdirSync(logDir, { recursive: true });
	await ensureServices(log);
	sandbox = await startSandbox();
	redis = await startRedis();
	postgres = await startPostgres();
	balancer = await startRoundRobin();
	for (const provider of sandbox.providers) {
		(sandbox.mock(provider) as unknown as { hooks: HookStore }).hooks.send = async (outgoing) => {
			sent.push(outgoing);
			return await post(outgoing);
		};
	}

	const shared: NodeJS.ProcessEnv = {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		// The address the triggers register with the providers: the balancer's.
		WEBHOOK_URL: `${balancer.origin}/`,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
	};
	// One user folder per process, each with the pack (a process loads community nodes from its own).
	const create = async () => {
		const instance = await N8nInstance.create(undefined, shared);
		instances.push(instance);
		return instance;
	};
	const main = await create();
	await main.importCredentials(sandbox.credentials());
	for (const test of [...cases, ...whileActivating]) {
		await main.importWorkflow(workflow(test));
		await main.publish(test.workflowId);
	}
	for (const test of whileActivating) {
		const mock = sandbox.mock(test.provider);
		const hooks = (mock as unknown as { hooks: HookStore }).hooks;
		let answered: () => void = () => undefined;
		mock.inject({ holdAnswer: new Promise<void>((resolve) => (answered = resolve)) }, {
			match: (request) => request.method === 'POST' && JSON.stringify(request.body ?? '').includes(webhookIdOf(test)),
		});
		const previous = hooks.onAdd;
		hooks.onAdd = (hook) => {
			previous?.(hook);
			if (early.has(test.provider) || !hook.url.includes(webhookIdOf(test))) return;
			early.set(test.provider, sandbox.deliver(test.event, undefined, webhookIdOf(test)).finally(answered));
		};
	}

	// The webhook processes first: main's activation delivers to them while it registers.
	const webhookPorts: number[] = [];
	for (const n of [1, 2]) {
		const port = await freePort();
		webhookPorts.push(port);
		startProcess(`webhook-${n}`, await create(), ['webhook'], { N8N_PORT: String(port) });
	}
	for (const port of webhookPorts) await ready('an n8n webhook process', `http://127.0.0.1:${port}/healthz/readiness`);
	balancer.backends = webhookPorts.map((port) => `http://127.0.0.1:${port}`);
	const healthPorts: number[] = [];
	for (const n of [1, 2]) {
		const port = await freePort();
		healthPorts.push(port);
		startProcess(`worker-${n}`, await create(), ['worker', '--concurrency=5'], { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(port) });
	}
	for (const port of healthPorts) await ready('an n8n worker', `http://127.0.0.1:${port}/healthz/readiness`);
	mainPort = await freePort();
	const child = startProcess('main', main, ['start'], { N8N_PORT: String(mainPort), N8N_SECURE_COOKIE: 'false', N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' });
	server = new N8nServer(child, `http://127.0.0.1:${mainPort}`);
	await server.ready();
});

afterAll(async () => {
	await Promise.all(
		processes.map(async ({ child }) => {
			if (child.exitCode !== null || child.signalCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
			await exited;
			clearTimeout(timer);
		}),
	);
	await balancer?.close();
	await sandbox?.close();
	await redis?.stop();
	await postgres?.stop();
	for (const instance of instances) instance.dispose();
});

describe('triggers in queue mode with webhook processes', () => {
	it.each(cases)('$type: main registers the hooks with the balancer address when the workflow is published', async (test) => {
		const hooks = await waitFor(`${test.provider} hooks`, () => (hooksOf(test).length >= test.hookCount ? hooksOf(test) : undefined));
		expect(hooks).toHaveLength(test.hookCount);
		for (const hook of hooks) expect(hook.url.split('?')[0]).toBe(`${balancer.origin}/webhook/${webhookIdOf(test)}/webhook`);
		await waitFor(`${test.workflowId} activation saved`, async () => await activationSaved(test));
	});

	it.each(cases)('$type: verified deliveries through both webhook processes start one execution each, run by a worker', async (test) => {
		const first = await deliverWhenServed(sandbox, test.event, { subject: 'first delivery' }, webhookIdOf(test));
		const from = balancer.forwarded.length;
		const [second] = await sandbox.deliver(test.event, { subject: 'second delivery' }, webhookIdOf(test));
		const [third] = await sandbox.deliver(test.event, { subject: 'third delivery' }, webhookIdOf(test));
		expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
		// Consecutive deliveries alternate: both webhook processes verified this trigger's deliveries.
		expect(processesReached(test, from)).toEqual([1, 2]);
		const done = await executions(test.workflowId, 3);
		expect(done).toHaveLength(3);
		expect(done.map((execution) => execution.status)).toEqual(['success', 'success', 'success']);
		expect(done.map(itemsOf)).toEqual([[test.expectedItem(first)], [test.expectedItem(second)], [test.expectedItem(third)]]);
		for (const execution of done) expect(workerOf(execution)).toMatch(/^worker-[12]$/);
	});

	it.each(cases)('$type: forged deliveries get 401 from either webhook process and start no execution', async (test) => {
		const [genuine] = await sandbox.deliver(test.event, { subject: 'before the forgeries' }, webhookIdOf(test));
		const from = balancer.forwarded.length;
		const forged = [await post(test.forge(genuine)), await post(test.forge(genuine))];
		expect(forged.map((answer) => answer.status)).toEqual([401, 401]);
		expect(processesReached(test, from)).toEqual([1, 2]);
		await sandbox.deliver(test.event, { subject: 'after the forgeries' }, webhookIdOf(test));
		const done = await executions(test.workflowId, 5);
		expect(done).toHaveLength(5);
		expect(JSON.stringify(itemsOf(done[3]))).toContain('before the forgeries');
		expect(JSON.stringify(itemsOf(done[4]))).toContain('after the forgeries');
	});

	it('main serves no production webhook (N8N_DISABLE_PRODUCTION_MAIN_PROCESS): a genuine delivery sent to it is answered 404 and starts nothing', async () => {
		const test = cases[0];
		const before = (await executions(test.workflowId, 5)).length;
		const [genuine] = await sandbox.deliver(test.event, { subject: 'accepted, then sent to main' }, webhookIdOf(test));
		expect(genuine.status).toBe(200);
		// The same request, to main's production URL instead of the balancer's.
		const toMain = sent.at(-1)!;
		const answer = await post({ ...toMain, url: toMain.url.replace(balancer.origin, `http://127.0.0.1:${mainPort}`) });
		expect(answer.status).toBe(404);
		await sandbox.deliver(test.event, { subject: 'after the one sent to main' }, webhookIdOf(test));
		const done = await executions(test.workflowId, before + 2);
		expect(done).toHaveLength(before + 2);
		expect(JSON.stringify(itemsOf(done.at(-2)!))).toContain('accepted, then sent to main');
		expect(JSON.stringify(itemsOf(done.at(-1)!))).toContain('after the one sent to main');
	});

	it.each(whileActivating)('$type: a delivery while main is still activating gets 401 and starts nothing; the same delivery sent again once the activation is saved runs once', async (test) => {
		const [delivery] = await waitFor(`the ${test.provider} delivery sent while activating`, () => early.get(test.provider));
		// The webhook process read static data without this activation's secret: refused, nothing run.
		expect(delivery.status).toBe(401);
		expect(processesReached(test)).toHaveLength(1);
		// Sent while the provider held the hook and n8n still waited for the registration's answer.
		const held = sandbox.mock(test.provider).answers.filter((answer) => answer.fault === 'held');
		expect(held.map((answer) => [answer.request.method, answer.status, JSON.stringify(answer.request.body).includes(webhookIdOf(test))])).toEqual([['POST', 200, true]]);
		await waitFor(`${test.workflowId} activation saved`, async () => await activationSaved(test));
		expect(await server.executions(test.workflowId)).toEqual([]);
		const retry = sent.find((outgoing) => outgoing.url === delivery.url && isDeepStrictEqual(JSON.parse(outgoing.rawBody), delivery.body))!;
		expect((await post(retry)).status).toBe(200);
		const done = await executions(test.workflowId, 1);
		expect(done).toHaveLength(1);
		expect(itemsOf(done[0])).toEqual([test.expectedItem(delivery)]);
		expect(workerOf(done[0])).toMatch(/^worker-[12]$/);
		expect(hooksOf(test)).toHaveLength(test.hookCount);
	});

	it.each(cases)('$type deletes its hooks when the workflow is unpublished', async (test) => {
		await server.unpublish(test.workflowId);
		await waitFor(`${test.provider} hooks deleted`, () => (hooksOf(test).length === 0 ? true : undefined));
		expect(await sandbox.deliver(test.event, undefined, webhookIdOf(test))).toEqual([]);
	});
});
