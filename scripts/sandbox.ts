import { startSandbox } from '../sandbox/sandbox';

const port = Number(process.env.SANDBOX_PORT ?? 4010);

/** `npm run sandbox`: the provider stand-ins on one loopback port, printing each request received. */
async function serve() {
	const sandbox = await startSandbox({ port, log: (line) => console.log(line) });
	console.log(`Provider sandbox on ${sandbox.origin} (Ctrl-C to stop). Credentials that reach it:`);
	for (const provider of sandbox.providers) {
		console.log(`  ${provider.padEnd(9)} Base URL ${sandbox.baseUrl(provider)}   API key ${sandbox.apiKey(provider)}`);
	}
	const stop = () => {
		void sandbox.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

/**
 * `npm run sandbox -- --deliver EVENT [JSON]`: the running sandbox (of `npm start` or `npm run
 * sandbox`) sends EVENT to every trigger registered with its provider, as the provider would.
 */
async function deliver(event: string, fields: string | undefined) {
	const answer = await fetch(`http://127.0.0.1:${port}/_deliver/${encodeURIComponent(event)}`, { method: 'POST', body: fields ?? '' }).catch(() => undefined);
	if (!answer) throw new Error(`No sandbox answers on port ${port}: start one with npm start or npm run sandbox`);
	const results = (await answer.json()) as Array<{ url: string; status: number }>;
	if (!results.length) console.log(`No trigger is registered for ${event}: publish a workflow whose trigger listens to it.`);
	for (const result of results) {
		const answer = result.status ? `n8n answered ${result.status}` : 'nothing answers there (is n8n running?)';
		console.log(`${event} -> ${result.url.replace(/(token=)[^&]+/, '$1***')}: ${answer}`);
	}
}

const at = process.argv.indexOf('--deliver');
if (at === -1) void serve();
else if (!process.argv[at + 1]) {
	console.error('Usage: npm run sandbox -- --deliver EVENT [JSON of fields], e.g. EMAIL_REPLY, emailsReplied, email.replied');
	process.exit(2);
} else {
	deliver(process.argv[at + 1], process.argv[at + 2]).catch((error: Error) => {
		console.error(error.message);
		process.exit(1);
	});
}
