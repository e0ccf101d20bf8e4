import { examplesDir } from './lib/examples';
import { ensureN8n, N8nInstance } from './lib/n8n';
import { startSandbox } from './lib/sandbox';

const log = (line: string) => console.log(`[start] ${line}`);

/**
 * `npm start`: the demo's set-up, then n8n's editor on http://localhost:5678 with the pack, the
 * sandbox credentials and the examples loaded. Ctrl-C stops n8n and the sandbox.
 */
async function main() {
	const sandbox = await startSandbox({ port: Number(process.env.SANDBOX_PORT ?? 4010), log: (line) => console.log(`[sandbox] ${line}`) });
	log(`provider sandbox on ${sandbox.origin}`);
	await ensureN8n(log);
	const n8n = await N8nInstance.create();
	await n8n.importCredentials(sandbox.credentials());
	await n8n.importWorkflowFolder(examplesDir);
	const port = Number(process.env.N8N_PORT ?? 5678);
	log(`starting n8n on http://localhost:${port} (first start: create the owner account, then open Workflows)`);
	const server = n8n.startServer(port);

	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		log('stopping n8n and the sandbox');
		server.kill('SIGTERM');
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	server.on('exit', (code) => {
		void sandbox.close().then(() => {
			n8n.dispose();
			process.exit(stopping ? 0 : (code ?? 1));
		});
	});
}

main().catch((error: Error) => {
	console.error(`[start] failed: ${error.message}`);
	process.exit(1);
});
