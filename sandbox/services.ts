/**
 * Throw-away Redis and Postgres for n8n's queue mode: Debian's packages, installed when missing,
 * each started on a free port with its data in a temporary folder that stop() removes.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, run } from './n8n';

export interface Service {
	port: number;
	stop(): Promise<void>;
}

export interface Postgres extends Service {
	database: string;
	user: string;
	password: string;
	/** Runs one SQL statement as the n8n user; rows as tab-separated lines. */
	query(sql: string): Promise<string[]>;
}

const onPath = (command: string) => {
	try {
		execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
};

/** Debian keeps the server binaries per major version, off PATH: the newest installed. */
function postgresBin(): string | undefined {
	const base = '/usr/lib/postgresql';
	if (!existsSync(base)) return undefined;
	const versions = readdirSync(base)
		.filter((version) => existsSync(join(base, version, 'bin', 'initdb')) && existsSync(join(base, version, 'bin', 'pg_ctl')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? join(base, versions[0], 'bin') : undefined;
}

async function mustRun(command: string, args: string[], what: string): Promise<string> {
	const result = await run(command, args);
	if (result.code !== 0) throw new Error(`${what} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`.trim());
	return result.stdout;
}

/** redis-server and Postgres' initdb/pg_ctl/psql, from apt when one is missing (apt-get update only if the first try fails). */
export async function ensureServices(log: (line: string) => void): Promise<void> {
	if (onPath('redis-server') && onPath('redis-cli') && onPath('psql') && postgresBin()) return;
	log('Installing redis-server and postgresql with apt-get...');
	const install = async () => await run('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server', 'postgresql'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
	let result = await install();
	if (result.code !== 0) {
		await mustRun('apt-get', ['update'], 'apt-get update');
		result = await install();
	}
	if (result.code !== 0) throw new Error(`apt-get install redis-server postgresql failed:\n${result.stderr}`);
	if (!onPath('redis-server') || !postgresBin()) throw new Error('redis-server or Postgres (/usr/lib/postgresql/*/bin) still missing after apt-get install');
}

export async function startRedis(): Promise<Service> {
	const port = await freePort();
	const dir = mkdtempSync(join(tmpdir(), 'bench-redis-'));
	// No persistence: the queue lives only as long as the bench.
	await mustRun('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--daemonize', 'yes', '--save', '', '--appendonly', 'no', '--dir', dir, '--logfile', join(dir, 'redis.log')], 'Starting redis-server');
	for (let tries = 0; ; tries++) {
		const ping = await run('redis-cli', ['-p', String(port), 'ping']);
		if (ping.stdout.trim() === 'PONG') break;
		if (tries > 40) throw new Error(`redis-server on port ${port} did not answer PING`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	let stopped = false;
	return {
		port,
		stop: async () => {
			if (stopped) return;
			stopped = true;
			await run('redis-cli', ['-p', String(port), 'shutdown', 'nosave']);
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

/**
 * A cluster of its own (initdb in a temporary folder) with a user and a database for n8n. Postgres
 * refuses to run as root: as root, the server's commands run as the `postgres` user.
 */
export async function startPostgres(): Promise<Postgres> {
	const bin = postgresBin();
	if (!bin) throw new Error('No Postgres server binaries in /usr/lib/postgresql/*/bin');
	const port = await freePort();
	const dir = mkdtempSync(join(tmpdir(), 'bench-postgres-'));
	const asRoot = process.getuid?.() === 0;
	if (asRoot) {
		chmodSync(dir, 0o700);
		await mustRun('chown', ['postgres:postgres', dir], 'chown of the Postgres folder');
	}
	const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
	const server = async (command: string, args: string[], what: string) =>
		asRoot
			? await mustRun('su', ['postgres', '-s', '/bin/sh', '-c', [join(bin, command), ...args].map(quote).join(' ')], what)
			: await mustRun(join(bin, command), args, what);
	const data = join(dir, 'data');
	let started = false;
	const stop = async () => {
		if (started) {
			started = false;
			await server('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'], 'pg_ctl stop').catch(() => undefined);
		}
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		await server('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'], 'initdb');
		// Unix socket in the cluster's own folder: the system's /var/run/postgresql may not exist.
		await server('pg_ctl', ['-D', data, '-l', join(dir, 'postgres.log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, '-w', 'start'], 'pg_ctl start');
		started = true;
		const admin = async (sql: string) => await mustRun('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', sql], 'psql');
		const user = 'n8n';
		const password = 'n8n-bench';
		await admin(`CREATE USER ${user} WITH PASSWORD '${password}'`);
		await admin(`CREATE DATABASE n8n OWNER ${user}`);
		return {
			port,
			database: 'n8n',
			user,
			password,
			query: async (sql) =>
				(await mustRun('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', 'n8n', '-At', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-c', sql], 'psql'))
					.split('\n')
					.filter(Boolean),
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
