/**
 * `npm run bench:queue`: the pack in n8n's queue mode, as users scale n8n: a main process takes
 * webhook deliveries, workers (`n8n worker`) run the executions, with a real Redis and Postgres.
 * Many executions at once update through one key per provider, so the workers share the
 * provider's limit; the stand-ins enforce it per key in real time (no scaling).
 *
 * Then the "add 10,000 leads" job (Campaign Lead → Add, each lead its own address) the same way:
 * executions of 400 leads at once, spread over the workers, every lead counted from the bodies of
 * the requests the stand-in accepted and from what it says it added.
 *
 * Options: --executions E and --items M (per provider defaults: E executions of M items at once),
 * --workers N or a list such as 2,3,4 (2; each count a fresh set of n8n processes, Redis and
 * Postgres), --concurrency C (10 per worker), --latency MS (150), --only lemlist|smartlead|sendkit
 * (repeatable), --add-items N (10000 leads; 0 skips the add job), --add-only <provider> (repeatable;
 * default smartlead and sendkit: lemlist takes one request a lead, 1,000 s at its limit per worker
 * count), --skip-update (the add job alone), --trace FILE (each answer of the stand-ins as a line:
 * time, provider, status, X-RateLimit-Limit and -Remaining; to see when and in which window the
 * 429s came).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join, resolve } from 'node:path';

import { BENCH_TARGETS, type BenchTarget, countAnswers, type Endpoint, endpointOf, leadItems, type ProviderId, type Tally } from './lib/bench-providers';
import { exitWhenDone, optionValue, optionValues } from './lib/cli';
import { allowance, type Window } from './lib/limits';
import { ensureN8n, freePort, N8nInstance, root, waitFor } from '../sandbox/n8n';
import { ensureServices, type Postgres, type Service, startPostgres, startRedis } from '../sandbox/services';

// ---------------------------------------------------------------------------------------------
// Providers
// ---------------------------------------------------------------------------------------------

interface QueueProvider extends BenchTarget {
	/** Defaults: a run of about two to five minutes of real time. */
	executions: number;
	items: number;
	note?: string;
}

/** Per provider: executions at once and items in each. */
const RUNS: Record<ProviderId, Pick<QueueProvider, 'executions' | 'items' | 'note'>> = {
	// About two minutes: the start (queue, first answers) weighs little against it.
	lemlist: { executions: 20, items: 60 },
	// 60 per minute: 290 items are five minute-windows, the last one not quite full, so that the
	// ceiling does not hang on whether the last request lands a moment before or after a minute.
	smartlead: { executions: 10, items: 29 },
	sendkit: {
		executions: 20,
		items: 120,
		note: 'SendKit: the stand-in allows 20/s per key and says so in X-RateLimit-Limit/Remaining/Reset; the credential says 5/s (its fallback), so a rate above 5/s per worker is the counters at work',
	},
};

const PROVIDERS: QueueProvider[] = BENCH_TARGETS.map((target) => ({ ...target, ...RUNS[target.id] }));

// The credential's SendKit fallback is 5/s: even added up over 2–4 workers it stays under 20/s, so
// only the stand-in's X-RateLimit counters can bring the pack to its limit.
const SENDKIT_FALLBACK_PER_SECOND = 5;

// ---------------------------------------------------------------------------------------------
// Stand-ins in a child process, real time; answers counted per provider
// ---------------------------------------------------------------------------------------------

interface RemoteMocks {
	endpoints: Record<ProviderId, Endpoint>;
	reset(id: ProviderId): Promise<void>;
	tally(id: ProviderId): Promise<Tally>;
	stop(): void;
}

async function startRemoteMocks(latencyMs: number, traceFile?: string): Promise<RemoteMocks> {
	const child = fork(__filename, ['--serve-mocks', String(latencyMs), ...(traceFile ? [traceFile] : [])], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	const pending = new Map<number, (message: unknown) => void>();
	let next = 0;
	let ready: (endpoints: Record<ProviderId, Endpoint>) => void = () => undefined;
	let failed: (error: Error) => void = () => undefined;
	const endpoints = new Promise<Record<ProviderId, Endpoint>>((resolve, reject) => {
		ready = resolve;
		failed = reject;
	});
	child.on('message', (message: { seq?: number; endpoints?: Record<ProviderId, Endpoint>; body?: unknown }) => {
		if (message.endpoints) ready(message.endpoints);
		else if (message.seq !== undefined) {
			pending.get(message.seq)?.(message.body);
			pending.delete(message.seq);
		}
	});
	child.on('exit', (code) => failed(new Error(`The stand-ins' process exited (${code})`)));
	const ask = async <T>(cmd: string, id: ProviderId) =>
		await new Promise<T>((resolve) => {
			const seq = next++;
			pending.set(seq, resolve as (message: unknown) => void);
			child.send({ seq, cmd, id });
		});
	return {
		endpoints: await endpoints,
		reset: async (id) => await ask<void>('reset', id),
		tally: async (id) => await ask<Tally>('tally', id),
		stop: () => {
			child.removeAllListeners('exit');
			child.kill();
		},
	};
}

/** The child side: every provider's stand-in with its real limits and `latencyMs` on each answer. */
async function serveMocks(latencyMs: number, traceFile?: string) {
	const standIns = {} as Record<ProviderId, ReturnType<typeof countAnswers>>;
	const endpoints = {} as Record<ProviderId, Endpoint>;
	for (const provider of PROVIDERS) {
		const standIn = await provider.startStandIn();
		standIn.timing.latencyMs = latencyMs;
		standIns[provider.id] = countAnswers(standIn, provider.add, traceFile ? { file: traceFile, name: provider.id } : undefined);
		endpoints[provider.id] = endpointOf(provider, standIn);
	}
	process.on('message', (message: { seq: number; cmd: string; id: ProviderId }) => {
		const answers = standIns[message.id];
		if (message.cmd === 'reset') {
			// Fresh windows and counts: the run starts on an untouched key.
			answers.reset();
			process.send?.({ seq: message.seq });
		} else if (message.cmd === 'tally') process.send?.({ seq: message.seq, body: answers.counts });
	});
	process.on('disconnect', () => process.exit(0));
	process.send?.({ endpoints });
}

// ---------------------------------------------------------------------------------------------
// n8n in queue mode
// ---------------------------------------------------------------------------------------------

const credentialOf = (provider: QueueProvider) => ({ id: `benchQ${provider.id.padEnd(10, '0')}`, name: `${provider.name} (queue bench)` });
type Job = 'update' | 'add';
const workflowIdOf = (provider: QueueProvider, job: Job = 'update') => `benchQ${job === 'add' ? 'Ad' : 'Wf'}${provider.id.padEnd(8, '0')}`;
const webhookPathOf = (provider: QueueProvider, job: Job = 'update') => `bench-queue-${job === 'add' ? 'add-' : ''}${provider.id}`;

/** Leads per add execution: Smartlead's most per request, so its add takes the fewest requests. */
const LEADS_PER_ADD_EXECUTION = 400;

/** Webhook (answers with the last node's items) → Split Out of the body's `items` → the pack's update (or add) node, continuing on errors. */
function workflowFor(provider: QueueProvider, job: Job = 'update') {
	return {
		id: workflowIdOf(provider, job),
		name: `Queue bench: ${provider.name} ${job === 'add' ? provider.add.operation : provider.operation}`,
		nodes: [
			{
				id: randomUUID(),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path: webhookPathOf(provider, job), responseMode: 'lastNode', responseData: 'allEntries', options: {} },
			},
			{
				id: randomUUID(),
				name: 'Split Out',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [240, 0],
				parameters: { fieldToSplitOut: 'body.items', include: 'noOtherFields', options: {} },
			},
			{
				id: randomUUID(),
				name: 'Update',
				type: provider.nodeType,
				typeVersion: 1,
				position: [480, 0],
				onError: 'continueRegularOutput',
				parameters: job === 'add' ? provider.add.parameters : provider.parameters,
				credentials: { [provider.credentialType]: credentialOf(provider) },
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
			'Split Out': { main: [[{ node: 'Update', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

interface N8nProcess {
	name: string;
	child: ChildProcess;
	instance: N8nInstance;
	/** Execution ids this process said it started (workers only). */
	started: Set<string>;
}

/** Streams a process's output to its log file and records the executions a worker starts. */
function track(name: string, instance: N8nInstance, child: ChildProcess, logDir: string): N8nProcess {
	const entry: N8nProcess = { name, child, instance, started: new Set() };
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
	return entry;
}

async function stopProcess(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
	await exited;
	clearTimeout(timer);
}

async function ok(url: string): Promise<true | undefined> {
	const answer = await fetch(url).catch(() => undefined);
	return answer?.ok ? true : undefined;
}

// ---------------------------------------------------------------------------------------------
// Deliveries
// ---------------------------------------------------------------------------------------------

interface Answer {
	status: number;
	body: string;
	at: number;
}

/** POSTs JSON and waits for the whole answer, however long: n8n answers when the execution ends. */
async function post(url: string, body: unknown): Promise<Answer> {
	const payload = JSON.stringify(body);
	return await new Promise((resolve, reject) => {
		const req = httpRequest(url, { method: 'POST', agent: false, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), at: performance.now() }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end(payload);
	});
}

/** Successful and failed items of one webhook answer; a non-200 or unreadable answer fails all `expected`. */
function readAnswer(answer: Answer, expected: number): { succeeded: number; failed: number; problem?: string } {
	if (answer.status !== 200) return { succeeded: 0, failed: expected, problem: `HTTP ${answer.status}: ${answer.body.slice(0, 200)}` };
	let items: unknown;
	try {
		items = JSON.parse(answer.body);
	} catch {
		return { succeeded: 0, failed: expected, problem: `not JSON: ${answer.body.slice(0, 200)}` };
	}
	const list = Array.isArray(items) ? (items as Array<Record<string, unknown>>) : [items as Record<string, unknown>];
	const failed = list.filter((item) => item && typeof item === 'object' && 'error' in item).length;
	const succeeded = list.length - failed;
	if (list.length !== expected) return { succeeded, failed: expected - succeeded, problem: `${list.length} items answered out of ${expected}` };
	return { succeeded, failed };
}

interface Result {
	provider: string;
	/** What ran: the update job, or adding leads. */
	job: 'update' | 'add';
	workers: number;
	items: number;
	requests: number;
	seconds: number;
	itemsPerSecond: number;
	ceilingRatio: number;
	status429: number;
	failed: number;
	/** The add job: leads in the bodies of the requests answered 2xx, of those sent again, and the leads the stand-in says it added. */
	leads?: number;
	duplicateLeads?: number;
	added?: number;
}

interface Details {
	executions: number;
	itemsPerExecution: number;
	ok: number;
	/** The 429s by the window that refused them (its limit). */
	refusedBy: Record<string, number>;
	otherStatuses: number;
	statuses: Record<string, number>;
	byWorker: number[];
	problems: string[];
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** About how long the windows need for `items` requests: when the window that admits the last one opens. */
function fastest(windows: Window[], items: number): string {
	let seconds = 0.1;
	while (allowance(windows, seconds) < items && seconds < 86_400) seconds += 0.1;
	return `~${Math.round(seconds)}`;
}
const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

function parseArgs(argv: string[]) {
	const value = (name: string) => optionValue(argv, name);
	const number = (name: string, min: number) => {
		const raw = value(name);
		if (raw === undefined) return undefined;
		const parsed = Number(raw);
		if (!Number.isInteger(parsed) || parsed < min) throw new Error(`${name} needs a whole number ≥ ${min}, not "${raw}"`);
		return parsed;
	};
	const providersOf = (name: string, fallback: ProviderId[]) => {
		const ids = optionValues(argv, name);
		for (const id of ids) if (!PROVIDERS.some((p) => p.id === id)) throw new Error(`${name} takes ${PROVIDERS.map((p) => p.id).join('|')}, not "${id}"`);
		const wanted = ids.length ? ids : fallback;
		return PROVIDERS.filter((p) => wanted.includes(p.id));
	};
	const workers = (value('--workers') ?? '2').split(',').map((raw) => {
		const parsed = Number(raw);
		if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--workers takes whole numbers ≥ 1 (e.g. 2,3,4), not "${raw}"`);
		return parsed;
	});
	const only = providersOf('--only', PROVIDERS.map((p) => p.id));
	return {
		executions: number('--executions', 1),
		items: number('--items', 1),
		workerCounts: workers,
		concurrency: number('--concurrency', 1) ?? 10,
		latencyMs: number('--latency', 0) ?? 150,
		providers: argv.includes('--skip-update') ? [] : only,
		addItems: number('--add-items', 0) ?? 10_000,
		trace: value('--trace') === undefined ? undefined : resolve(value('--trace')!),
		// lemlist adds one lead a request: 10,000 leads are 1,000 s at its limit, for each worker count.
		addProviders: providersOf('--add-only', ['smartlead', 'sendkit']).filter((p) => only.includes(p)),
	};
}

type Options = ReturnType<typeof parseArgs>;

const pad = (text: string | number, width: number) => String(text).padStart(width);

function printTable(rows: Array<{ result: Result; details: Details }>, options: Options, workers: number) {
	console.log(`\nQueue mode: n8n main + ${workers} workers (concurrency ${options.concurrency} each), Redis, Postgres; stand-ins with real limits, real time, ${options.latencyMs} ms latency`);
	console.log('(seconds: first delivery to last answer; items/s counts successful items; ceiling = successful items / what the provider\'s windows admit in that time;');
	console.log(' add rows: leads = leads in the bodies of the requests answered 2xx, again = of those sent before, added = what the stand-in says it added)\n');
	const head = ['provider', 'job', 'workers', 'runs×items', 'items', 'requests', 'seconds', 'items/s', 'ceiling', '429s', 'other', 'failed', 'leads', 'again', 'added', 'executions per worker'];
	const widths = [10, 6, 7, 10, 6, 8, 8, 8, 7, 6, 6, 6, 6, 5, 6, 22];
	const line = (cells: Array<string | number>) => cells.map((cell, n) => (n <= 1 || n === cells.length - 1 ? String(cell).padEnd(widths[n]) : pad(cell, widths[n]))).join(' ');
	console.log(line(head));
	console.log(widths.map((w) => '-'.repeat(w)).join(' '));
	for (const { result: r, details: d } of rows) {
		console.log(
			line([
				r.provider,
				r.job,
				r.workers,
				`${d.executions}×${d.itemsPerExecution}`,
				r.items,
				r.requests,
				r.seconds.toFixed(1),
				r.itemsPerSecond.toFixed(2),
				r.ceilingRatio.toFixed(3),
				r.status429,
				d.otherStatuses,
				r.failed,
				r.leads ?? '',
				r.duplicateLeads ?? '',
				r.added ?? '',
				d.byWorker.join(' / '),
			]),
		);
	}
	for (const { result: r, details: d } of rows) {
		const statuses = Object.entries(d.statuses).map(([status, count]) => `${count} ${status}`).join(', ');
		const refused = Object.entries(d.refusedBy).map(([limit, count]) => `${count} by the window of ${limit}`).join(', ');
		console.log(`  ${r.provider} ${r.job}: executions in Postgres: ${statuses || 'none'}; ${d.ok} requests accepted${refused ? `; 429s: ${refused}` : ''}`);
		for (const problem of d.problems) console.log(`  ${r.provider} ${r.job}: ${problem}`);
	}
}

/** What a run must show: see the Targets line it prints. */
function missesOf(rows: Array<{ result: Result; details: Details }>): string[] {
	return rows.flatMap(({ result: r, details: d }) => {
		const problems: string[] = [];
		if (r.failed) problems.push(`${r.failed} failed items`);
		if (r.status429 > 0.01 * r.requests) problems.push(`${r.status429} × 429 is ${((100 * r.status429) / Math.max(1, r.requests)).toFixed(1)} % of requests (> 1 %)`);
		// Adding in batches is a handful of requests: their time is the queue's, not the limit's.
		if (r.job === 'update' && r.ceilingRatio < 0.9) problems.push(`ceiling ratio ${r.ceilingRatio} < 0.9`);
		if (r.job === 'add' && (r.leads !== r.items || r.added !== r.items || r.duplicateLeads)) problems.push(`${r.leads} leads accepted (${r.duplicateLeads} again), ${r.added} added, for ${r.items} items`);
		if ((d.statuses.success ?? 0) !== d.executions) problems.push(`${d.statuses.success ?? 0} of ${d.executions} executions "success"`);
		return problems.map((problem) => `${r.provider} ${r.job} (${r.workers} workers): ${problem}`);
	});
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	if (options.trace) writeFileSync(options.trace, '');
	const wallStarted = performance.now();
	const all: Array<{ result: Result; details: Details }> = [];
	for (const workers of options.workerCounts) {
		const rows = await runWith(workers, options);
		all.push(...rows);
		// One line per worker count, as soon as it is known: a later count's failure does not lose it.
		console.log(JSON.stringify({ bench: 'queue', workers, results: rows.map(({ result }) => result) }));
	}
	if (options.workerCounts.length > 1) {
		console.log('\nAll worker counts:');
		for (const { result: r } of all) {
			console.log(`  ${r.provider.padEnd(9)} ${r.job.padEnd(6)} ${r.workers} workers: ceiling ${r.ceilingRatio.toFixed(3)}, ${r.status429} × 429 of ${r.requests} requests, ${r.failed} failed, ${r.seconds} s`);
		}
	}
	const misses = missesOf(all);
	console.log(`\nTargets (0 failed, 429s ≤ 1 % of requests, update ceiling ≥ 0.9, every lead added once, every execution "success"): ${misses.length ? `MISSED: ${misses.join('; ')}` : 'met'}`);
	console.log(`Total wall time ${((performance.now() - wallStarted) / 1000).toFixed(1)} s\n`);
}

/** Everything for one worker count: fresh Redis, Postgres, stand-ins and n8n processes, each job in turn. */
async function runWith(workerCount: number, options: Options): Promise<Array<{ result: Result; details: Details }>> {
	const log = (line: string) => console.log(line);

	// Everything started is stopped in `cleanup`, also on Ctrl-C.
	const processes: N8nProcess[] = [];
	const instances: N8nInstance[] = [];
	let redis: Service | undefined;
	let postgres: Postgres | undefined;
	let mocks: RemoteMocks | undefined;
	let cleaning: Promise<void> | undefined;
	const cleanup = async () =>
		(cleaning ??= (async () => {
			await Promise.all(processes.map(async (entry) => await stopProcess(entry.child)));
			mocks?.stop();
			await redis?.stop().catch((error: Error) => console.error(`Stopping Redis: ${error.message}`));
			await postgres?.stop().catch((error: Error) => console.error(`Stopping Postgres: ${error.message}`));
			for (const instance of instances) instance.dispose();
		})());
	const interrupted = () => {
		console.error('\nInterrupted: stopping n8n, Redis and Postgres...');
		void cleanup().finally(() => process.exit(130));
	};
	process.once('SIGINT', interrupted);
	process.once('SIGTERM', interrupted);

	const logDir = join(root, '.cache', 'bench-queue-logs', `workers-${workerCount}`);
	rmSync(logDir, { recursive: true, force: true });
	mkdirSync(logDir, { recursive: true });

	// The jobs of this run: each provider's update, then each add provider's add.
	const jobs: Array<{ provider: QueueProvider; job: Job }> = [
		...options.providers.map((provider) => ({ provider, job: 'update' as const })),
		...(options.addItems > 0 ? options.addProviders.map((provider) => ({ provider, job: 'add' as const })) : []),
	];
	const providersInUse = PROVIDERS.filter((provider) => jobs.some((job) => job.provider === provider));

	try {
		await ensureN8n(log);
		await ensureServices(log);
		log(`\n${workerCount} workers: starting Redis, Postgres and the stand-ins...`);
		redis = await startRedis();
		postgres = await startPostgres();
		mocks = await startRemoteMocks(options.latencyMs, options.trace);
		const endpoints = mocks.endpoints;

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
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			N8N_DIAGNOSTICS_ENABLED: 'false',
		};
		// One user folder per process, each with the pack; N8nInstance gives every one the same encryption key.
		const main = await N8nInstance.create(undefined, shared);
		instances.push(main);
		const workerInstances: N8nInstance[] = [];
		for (let n = 0; n < workerCount; n++) workerInstances.push(await N8nInstance.create(undefined, shared));
		instances.push(...workerInstances);

		log('Importing credentials and workflows into Postgres (the first command runs the migrations)...');
		await main.importCredentials(
			providersInUse.map((provider) => ({ ...credentialOf(provider), type: provider.credentialType, data: provider.credentialData(endpoints[provider.id], SENDKIT_FALLBACK_PER_SECOND) })),
		);
		for (const { provider, job } of jobs) {
			await main.importWorkflow(workflowFor(provider, job));
			await main.publish(workflowIdOf(provider, job));
		}

		const port = await freePort();
		log(`Starting n8n main on port ${port} and ${workerCount} workers...`);
		processes.push(
			track('main', main, main.spawn(['start'], { N8N_PORT: String(port), N8N_LISTEN_ADDRESS: '127.0.0.1', N8N_SECURE_COOKIE: 'false' }), logDir),
		);
		const healthPorts: number[] = [];
		for (const [n, instance] of workerInstances.entries()) {
			const healthPort = await freePort();
			healthPorts.push(healthPort);
			processes.push(
				track(
					`worker-${n + 1}`,
					instance,
					instance.spawn(['worker', `--concurrency=${options.concurrency}`], { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(healthPort) }),
					logDir,
				),
			);
		}
		const alive = () => {
			const dead = processes.find((entry) => entry.child.exitCode !== null);
			if (dead) throw new Error(`n8n ${dead.name} exited with code ${dead.child.exitCode}; see ${join(logDir, `${dead.name}.log`)}`);
		};
		const base = `http://127.0.0.1:${port}`;
		await waitFor('n8n main', async () => (alive(), await ok(`${base}/healthz/readiness`)), 180_000);
		for (const healthPort of healthPorts) await waitFor('an n8n worker', async () => (alive(), await ok(`http://127.0.0.1:${healthPort}/healthz/readiness`)), 180_000);

		// Warm-up: the first delivery that is not a 404 says the webhook is registered; then a few
		// more so that every worker has loaded the nodes before anything is measured. The add
		// workflows warm up on the update's credential and node package: the same in each worker.
		const lastUsed = new Map<ProviderId, number>();
		for (const provider of options.providers) {
			const url = `${base}/webhook/${webhookPathOf(provider)}`;
			await waitFor(`the ${provider.name} webhook`, async () => (alive(), (await post(url, { items: [{ n: -1 }] })).status !== 404 ? true : undefined), 120_000);
			await Promise.all(Array.from({ length: workerCount * 2 }, async () => await post(url, { items: [{ n: -1 }] })));
			lastUsed.set(provider.id, performance.now());
		}
		for (const { provider, job } of jobs) {
			if (job !== 'add') continue;
			const url = `${base}/webhook/${webhookPathOf(provider, job)}`;
			await waitFor(`the ${provider.name} add webhook`, async () => (alive(), (await post(url, { items: [] })).status !== 404 ? true : undefined), 120_000);
		}
		log('n8n is ready and warm.');

		const rows: Array<{ result: Result; details: Details }> = [];
		for (const { provider, job } of jobs) {
			const adding = job === 'add';
			const perExecution = adding ? LEADS_PER_ADD_EXECUTION : (options.items ?? provider.items);
			const executions = adding ? Math.ceil(options.addItems / perExecution) : (options.executions ?? provider.executions);
			const items = adding ? options.addItems : executions * perExecution;
			// The last job's requests are out of every window of the stand-in and of the workers' pacers.
			const longest = Math.max(...provider.windows.map((w) => w.perMs));
			const wait = (lastUsed.get(provider.id) ?? 0) + longest + 500 - performance.now();
			if (wait > 1000) {
				log(`${provider.name}: waiting ${(wait / 1000).toFixed(0)} s for the last requests to leave the ${longest / 1000} s window...`);
				await sleep(wait);
			}
			await mocks.reset(provider.id);
			const [maxId] = await postgres.query('SELECT COALESCE(MAX(id), 0) FROM execution_entity');
			const startedBefore = processes.map((entry) => new Set(entry.started));
			const operation = adding ? provider.add.operation : provider.operation;
			log(`${provider.name}: ${executions} executions × ${perExecution} items at once (${operation}; ${items} items${adding ? '' : `, ${fastest(provider.windows, items)} s at the limit`})...`);

			const url = `${base}/webhook/${webhookPathOf(provider, job)}`;
			const bodyOf = (e: number) => {
				const count = Math.min(perExecution, items - e * perExecution);
				return adding ? { items: leadItems(items).slice(e * perExecution, e * perExecution + count) } : { items: Array.from({ length: count }, (_, i) => ({ n: e * perExecution + i })) };
			};
			const started = performance.now();
			const answers = await Promise.all(
				Array.from({ length: executions }, async (_, e) =>
					await post(url, bodyOf(e)).catch((error: Error): Answer => ({ status: 0, body: error.message, at: performance.now() })),
				),
			);
			const seconds = (Math.max(...answers.map((answer) => answer.at)) - started) / 1000;
			lastUsed.set(provider.id, performance.now());
			const counts = await mocks.tally(provider.id);

			const problems: string[] = [];
			let succeeded = 0;
			let failed = 0;
			for (const [e, answer] of answers.entries()) {
				const read = readAnswer(answer, bodyOf(e).items.length);
				succeeded += read.succeeded;
				failed += read.failed;
				if (read.problem && problems.length < 5) problems.push(`an execution's answer: ${read.problem}`);
			}
			// Postgres may write the final status a moment after the webhook has answered.
			const sql = `SELECT status, COUNT(*) FROM execution_entity WHERE id > ${Number(maxId)} AND "workflowId" = '${workflowIdOf(provider, job)}' GROUP BY status`;
			const statuses = await waitFor(
				'the executions to be final in Postgres',
				async () => {
					const rowsNow = Object.fromEntries((await postgres!.query(sql)).map((line) => line.split('\t')).map(([status, count]) => [status, Number(count)]));
					return Object.keys(rowsNow).some((status) => ['new', 'running'].includes(status)) ? undefined : rowsNow;
				},
				30_000,
			).catch(() => ({ unsettled: -1 }) as Record<string, number>);
			if ((statuses.success ?? 0) !== executions) problems.push(`${statuses.success ?? 0} of ${executions} executions finished "success"`);
			if (!adding && succeeded !== counts.ok) problems.push(`${succeeded} successful items but the stand-in accepted ${counts.ok} requests`);
			const byWorker = processes.filter((entry) => entry.name.startsWith('worker')).map((entry) => [...entry.started].filter((id) => !startedBefore[processes.indexOf(entry)].has(id)).length);

			const result: Result = {
				provider: provider.name,
				job,
				workers: workerCount,
				items,
				requests: counts.requests,
				seconds: round(seconds, 1),
				itemsPerSecond: round(succeeded / seconds, 2),
				ceilingRatio: round((adding ? counts.ok : succeeded) / allowance(provider.windows, seconds), 3),
				status429: counts.status429,
				failed,
				...(adding ? { leads: counts.leads, duplicateLeads: counts.duplicateLeads, added: counts.added } : {}),
			};
			rows.push({ result, details: { executions, itemsPerExecution: perExecution, ok: counts.ok, refusedBy: counts.refusedBy, otherStatuses: counts.other, statuses, byWorker, problems } });
			log(`  ${result.seconds} s, ${result.itemsPerSecond} items/s, ${result.status429} × 429, ${failed} failed${adding ? `, ${counts.leads} leads accepted, ${counts.added} added` : ''}`);
		}

		printTable(rows, options, workerCount);
		for (const provider of options.providers) if (provider.note) console.log(`\n${provider.note}.`);
		const misses = missesOf(rows);
		console.log(`\nTargets with ${workerCount} workers: ${misses.length ? `MISSED: ${misses.join('; ')}` : 'met'}`);
		console.log(`n8n logs: ${logDir}`);
		return rows;
	} finally {
		await cleanup();
		process.removeListener('SIGINT', interrupted);
		process.removeListener('SIGTERM', interrupted);
	}
}

if (process.argv[2] === '--serve-mocks') {
	serveMocks(Number(process.argv[3]), process.argv[4]).catch((error) => {
		console.error(error);
		process.exit(1);
	});
} else {
	exitWhenDone(main());
}
