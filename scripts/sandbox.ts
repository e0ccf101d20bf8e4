import { startSandbox } from './lib/sandbox';

/** `npm run sandbox`: the provider stand-ins on one loopback port, printing each request received. */
async function main() {
	const port = Number(process.env.SANDBOX_PORT ?? 4010);
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

void main();
