import { N8nInstance, type ExecutionResult } from '../../sandbox/n8n';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox';
import { chain, PROVIDERS } from './operation-steps';

/**
 * Every operation of every node in a real n8n (2.8.4, or N8N_E2E_VERSION), against the sandbox:
 * one workflow per provider chains all its operations, each node run once (`executeOnce`) and
 * going on whatever it outputs (./operation-steps.ts), and `n8n execute` runs it. Each node's items and the requests the
 * sandbox received are checked; the request details are the engine-level suites' business.
 */
let sandbox: Sandbox;
let n8n: N8nInstance;

beforeAll(async () => {
	sandbox = await startSandbox();
	n8n = await N8nInstance.create();
	await n8n.importCredentials(sandbox.credentials());
	for (const provider of PROVIDERS) await n8n.importWorkflow(chain(provider, sandbox.credentials()));
});

afterAll(async () => {
	n8n?.dispose();
	await sandbox?.close();
});

describe.each(PROVIDERS)('every $type operation in a real n8n', ({ provider, id, steps }) => {
	let result: ExecutionResult | undefined;
	let output = '';
	const requests: string[] = [];

	beforeAll(async () => {
		sandbox.requests.length = 0;
		const run = await n8n.execute(id);
		result = run.result;
		output = run.output;
		requests.push(...sandbox.requests.filter((request) => request.provider === provider).map((request) => `${request.method} ${request.path.split('?')[0]}`));
	});

	it('runs to the end', () => {
		expect([result?.data.resultData.error?.message, result ? 'ran' : output.slice(-500)]).toEqual([undefined, 'ran']);
	});

	it.each(steps)('$name', (step) => {
		const run = result?.data.resultData.runData[step.name]?.[0];
		expect(run?.error).toBeUndefined();
		const items = (run?.data?.main?.[0] ?? []).map((item) => item.json);
		expect(items).toHaveLength(step.items);
		if (step.first) expect(items[0]).toMatchObject(step.first);
		expect(requests).toContain(step.request);
	});
});
