import { examplesDir, formatOutcome, loadExamples, runExample, runTriggeredExample, triggerOf, type ExampleOutcome } from '../sandbox/examples';
import { ensureN8n, freePort, N8N_VERSION, N8nInstance } from '../sandbox/n8n';
import { startSandbox } from '../sandbox/sandbox';

const log = (line: string) => console.log(`[demo] ${line}`);

/**
 * `npm run demo`: every example workflow in a real n8n, with the built pack installed as a
 * community package, against the provider sandbox; prints what each provider received and what
 * n8n produced, and exits non-zero if any example failed. Examples that start from a manual run go
 * through `n8n execute`; those that start from a provider's event are published in `n8n start`,
 * and the sandbox delivers each trigger's event to the hook that trigger registered (one run per trigger).
 */
async function main(): Promise<number> {
	const sandbox = await startSandbox();
	let n8n: N8nInstance | undefined;
	try {
		log(`provider sandbox on ${sandbox.origin}`);
		await ensureN8n(log);
		n8n = await N8nInstance.create();
		log(`fresh n8n user folder ${n8n.userFolder}, pack installed as community package n8n-nodes-outreach`);
		await n8n.importCredentials(sandbox.credentials());
		await n8n.importWorkflowFolder(examplesDir);
		const examples = loadExamples();
		const manual = examples.filter((example) => !triggerOf(example));
		const triggered = examples.filter((example) => triggerOf(example));
		log(`imported ${examples.length} example workflows; running ${manual.length} with n8n ${N8N_VERSION} (n8n execute)\n`);

		const outcomes: ExampleOutcome[] = [];
		for (const example of manual) {
			const outcome = await runExample(n8n, sandbox, example);
			outcomes.push(outcome);
			console.log(`${formatOutcome(outcome)}\n`);
		}
		if (triggered.length) {
			for (const example of triggered) await n8n.publish(example.id);
			const server = n8n.startServer(await freePort(), { quiet: true });
			try {
				log(`published ${triggered.length} triggered example(s); starting n8n (n8n start) so their triggers register with the sandbox\n`);
				await server.ready();
				for (const example of triggered) {
					// One run per trigger of the example, each started by its own provider's event.
					for (const outcome of await runTriggeredExample(server, sandbox, example)) {
						outcomes.push(outcome);
						console.log(`${formatOutcome(outcome)}\n`);
					}
				}
			} finally {
				await server.stop();
			}
		}
		const failed = [...new Set(outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.example.file))];
		const runs = outcomes.length === examples.length ? '' : ` (${outcomes.length} runs: one per trigger of a triggered example)`;
		log(`${examples.length - failed.length} of ${examples.length} examples passed${runs}${failed.length ? `; failed: ${failed.join(', ')}` : ''}`);
		return failed.length ? 1 : 0;
	} finally {
		n8n?.dispose();
		await sandbox.close();
	}
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		console.error(`[demo] failed: ${error.message}`);
		process.exit(1);
	},
);
