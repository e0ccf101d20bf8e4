import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The newest n8n that runs on Node 20; it ships the n8n-core / n8n-workflow pair the tests use. */
export const N8N_VERSION = '2.8.4';

/** The project folder: the nearest one up from here whose package.json is this package's. */
function findRoot(from: string): string {
	for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
		const manifest = join(dir, 'package.json');
		if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'n8n-nodes-outreach') return dir;
	}
	throw new Error(`No n8n-nodes-outreach package.json above ${from}`);
}

export const root = findRoot(__dirname);
const cacheDir = join(root, '.cache', 'n8n');
const n8nBin = join(cacheDir, 'node_modules', 'n8n', 'bin', 'n8n');
const ENCRYPTION_KEY = 'n8n-nodes-outreach-sandbox';

export interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs a command to its end; `echo` streams its output (for long installs worth watching). */
export async function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; echo?: boolean } = {}): Promise<Run> {
	return await new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk;
			if (options.echo) process.stdout.write(chunk);
		});
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk;
			if (options.echo) process.stderr.write(chunk);
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
	const manifest = join(cacheDir, 'node_modules', 'n8n', 'package.json');
	if (!existsSync(manifest)) return undefined;
	return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Installs n8n into `.cache/n8n` once (about 3 minutes); later runs reuse it. */
export async function ensureN8n(log: (line: string) => void): Promise<void> {
	if (installedVersion() === N8N_VERSION && existsSync(n8nBin)) {
		log(`n8n ${N8N_VERSION} found in .cache/n8n`);
		return;
	}
	log(`Installing n8n ${N8N_VERSION} into .cache/n8n (first run only, about 3 minutes)...`);
	mkdirSync(cacheDir, { recursive: true });
	// n8n-nodes-base otherwise fetches xlsx from a host outside the npm registry.
	writeFileSync(join(cacheDir, 'package.json'), JSON.stringify({ name: 'n8n-runtime', private: true, overrides: { xlsx: '0.18.5' } }, null, 2));
	const result = await run('npm', ['install', `n8n@${N8N_VERSION}`, '--no-audit', '--no-fund', '--loglevel=http'], { cwd: cacheDir, echo: true });
	if (result.code !== 0 || installedVersion() !== N8N_VERSION) {
		throw new Error(`Installing n8n ${N8N_VERSION} failed (npm exit code ${result.code}); see the output above`);
	}
	log(`n8n ${N8N_VERSION} installed`);
}

/** A fresh n8n user folder with the built pack installed as the community package users get. */
export class N8nInstance {
	readonly userFolder = mkdtempSync(join(tmpdir(), 'n8n-outreach-'));

	private env: NodeJS.ProcessEnv = {};

	static async create(): Promise<N8nInstance> {
		const instance = new N8nInstance();
		await instance.init();
		return instance;
	}

	private async init() {
		const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; files: string[] };
		const target = join(this.userFolder, '.n8n', 'nodes', 'node_modules', pkg.name);
		mkdirSync(target, { recursive: true });
		// What `npm install n8n-nodes-outreach` would unpack: package.json, index.js and the files list.
		for (const entry of ['package.json', 'index.js', 'README.md', 'LICENSE', ...pkg.files]) {
			cpSync(join(root, entry), join(target, entry), { recursive: true });
		}
		const { NODE_ENV: _jestSetsThis, ...inherited } = process.env;
		// Under jest NODE_ENV is "test", which changes how n8n starts up; n8n runs as users run it.
		this.env = {
			...inherited,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			DB_SQLITE_POOL_SIZE: '1',
		};
	}

	async cli(args: string[]): Promise<Run> {
		return await run(process.execPath, [n8nBin, ...args], { env: this.env });
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

	/** Runs an imported workflow headlessly; the run's JSON is printed after n8n's log lines. */
	async execute(workflowId: string): Promise<{ ok: boolean; result?: ExecutionResult; output: string }> {
		const { code, stdout, stderr } = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
		const start = stdout.split('\n').findIndex((line) => line.startsWith('{'));
		let result: ExecutionResult | undefined;
		if (start !== -1) {
			try {
				result = JSON.parse(stdout.split('\n').slice(start).join('\n')) as ExecutionResult;
			} catch {
				result = undefined;
			}
		}
		return { ok: code === 0, result, output: `${stdout}\n${stderr}`.trim() };
	}

	/** The editor and API on `port`, until the returned function stops it. */
	startServer(port: number) {
		const child = spawn(process.execPath, [n8nBin, 'start'], {
			env: { ...this.env, N8N_PORT: String(port), N8N_LISTEN_ADDRESS: '127.0.0.1', N8N_SECURE_COOKIE: 'false' },
			stdio: 'inherit',
		});
		return child;
	}

	dispose() {
		rmSync(this.userFolder, { recursive: true, force: true });
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
