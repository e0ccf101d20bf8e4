import { join } from 'node:path';

import { examplesDir } from '../sandbox/examples';
import { ensureN8n, N8nInstance, root, SANDBOX_OWNER } from '../sandbox/n8n';
import { startSandbox } from '../sandbox/sandbox';

const log = (line: string) => console.log(`[start] ${line}`);

/**
 * `npm start`: the demo's set-up, then n8n's editor on http://localhost:5678 with the pack, the
 * sandbox credentials and the examples loaded. Ctrl-C stops n8n and the sandbox.
 */
async function main() {
	const sandbox = await startSandbox({ port: Number(process.env.SANDBOX_PORT ?? 4010), log: (line) => console.log(`[sandbox] ${line}`) });
	log(`provider sandbox on ${sandbox.origin}`);
	await ensureN8n(log);
	const n8n = await N8nInstance.create(join(root, '.cache', 'n8n-home'));
	await n8n.importCredentials(sandbox.credentials());
	await n8n.importWorkflowFolder(examplesDir);
	const port = Number(process.env.N8N_PORT ?? 5678);
	log(`starting n8n on http://localhost:${port} with the pack, the sandbox credentials and the examples`);
	const server = n8n.startServer(port);
	server.ready().then(
		() => log(`n8n is ready: open http://localhost:${port} and sign in as ${SANDBOX_OWNER.email} / ${SANDBOX_OWNER.password}; the examples are under Workflows. Ctrl-C stops everything.`),
		(error: Error) => log(`n8n did not come up: ${error.message}`),
	);

	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		log('stopping n8n and the sandbox');
		void server.stop();
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	server.child.on('exit', (code) => {
		void sandbox.close().then(() => process.exit(stopping ? 0 : (code ?? 1)));
	});
}

main().catch((error: Error) => {
	console.error(`[start] failed: ${error.message}`);
	process.exit(1);
});
