import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ExecutionResult, N8nInstance, N8nServer } from './n8n';
import { root, waitFor } from './n8n';
import { deliverWhenServed, providerOfEvent, type Sandbox, type SandboxRequest } from './sandbox';

export const examplesDir = join(root, 'examples');

interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
}

export interface Example {
	file: string;
	id: string;
	name: string;
	nodes: WorkflowNode[];
}

export function loadExamples(dir = examplesDir): Example[] {
	return readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ file, ...(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<Example, 'file'>) }));
}

export interface ExampleOutcome {
	example: Example;
	ok: boolean;
	reason?: string;
	operations: string[];
	requests: SandboxRequest[];
	items: Array<{ node: string; json: Record<string, unknown> }>;
	result?: ExecutionResult;
	/** Everything n8n printed (for a triggered example: the delivery and the execution it started). */
	output: string;
	/** For a triggered example: the event the sandbox delivered and n8n's answer. */
	delivery?: string;
}

const isPackNode = (node: WorkflowNode) => node.type.startsWith('n8n-nodes-outreach.');
const isPackTrigger = (node: WorkflowNode) => isPackNode(node) && node.type.endsWith('Trigger');

/** The pack trigger that starts an example, if a provider's event starts it (not a manual run). */
export const triggerOf = (example: Example) => example.nodes.find(isPackTrigger);

/** Runs one imported example in n8n and collects what the sandbox received and what n8n produced. */
export async function runExample(n8n: N8nInstance, sandbox: Sandbox, example: Example): Promise<ExampleOutcome> {
	sandbox.requests.length = 0;
	const { ok, result, output } = await n8n.execute(example.id);
	const requests = [...sandbox.requests];
	return outcomeOf(example, ok, result, requests, output);
}

/**
 * Runs one published example that a provider event starts, in a running n8n: the sandbox delivers
 * the trigger's first event as its provider would, and the execution it starts is read back.
 */
export async function runTriggeredExample(server: N8nServer, sandbox: Sandbox, example: Example): Promise<ExampleOutcome> {
	const trigger = triggerOf(example);
	if (!trigger) throw new Error(`${example.file} has no pack trigger`);
	const event = String((trigger.parameters.events as string[])[0]);
	const before = (await server.executions(example.id)).length;
	sandbox.requests.length = 0;
	const delivery = await deliverWhenServed(sandbox, event);
	const executions = await waitFor(`an execution of ${example.file}`, async () => {
		const done = await server.executions(example.id);
		return done.length > before ? done : undefined;
	});
	const execution = executions[executions.length - 1];
	const output = `delivered ${event}: n8n answered ${delivery.status}; execution ${execution.id} ${execution.status}`;
	const outcome = outcomeOf(example, delivery.status === 200 && execution.status === 'success', execution, [...sandbox.requests], output);
	return { ...outcome, delivery: `${event} from the ${providerOfEvent(event)} sandbox to ${delivery.url.split('?')[0]} -> ${delivery.status}` };
}

function outcomeOf(example: Example, ok: boolean, result: ExecutionResult | undefined, requests: SandboxRequest[], output: string): ExampleOutcome {
	const packNodes = example.nodes.filter(isPackNode);
	const operations = packNodes.map((node) =>
		isPackTrigger(node)
			? `${node.name}: ${node.type.replace('n8n-nodes-outreach.', '')} on ${(node.parameters.events as string[]).join(', ')}`
			: `${node.name}: ${node.type.replace('n8n-nodes-outreach.', '')} ${String(node.parameters.resource)} → ${String(node.parameters.operation)}`,
	);
	const items = packNodes.flatMap((node) =>
		(result?.data.resultData.runData[node.name]?.[0]?.data?.main?.[0] ?? []).map((item) => ({ node: node.name, json: item.json })),
	);

	let reason: string | undefined;
	const runError = result?.data.resultData.error;
	if (!ok || runError) {
		reason = runError?.message ? describeError(runError) : lastLines(output);
	} else if (!requests.length) {
		reason = 'the sandbox received no request';
	} else if (!items.length) {
		reason = 'the pack node produced no item';
	}
	return { example, ok: !reason, reason, operations, requests, items, result, output };
}

/** The error's message and, if it adds anything, its description (which names the request and the provider's answer). */
function describeError({ message, description }: { message?: string; description?: string }): string {
	return [message, description].filter((text, index, all) => text && all.indexOf(text) === index).join('\n');
}

/** n8n's last lines when it printed no run: its stack frames left out, they only locate the error. */
function lastLines(output: string): string {
	const lines = output.split('\n').filter((line) => line.trim() && !/^\s+at /.test(line));
	return lines.slice(-5).join('\n') || 'n8n exited with an error';
}

export function formatOutcome(outcome: ExampleOutcome): string {
	const lines = [`${outcome.ok ? 'PASS' : 'FAIL'}  ${outcome.example.file} — ${outcome.example.name}`];
	for (const operation of outcome.operations) lines.push(`      operation  ${operation}`);
	if (outcome.delivery) lines.push(`      event      ${outcome.delivery}`);
	for (const request of outcome.requests) {
		const body = request.body === undefined ? '' : ` ${JSON.stringify(request.body)}`;
		lines.push(`      request    ${request.provider} ${request.method} ${request.path} -> ${request.status}${body}`);
	}
	for (const item of outcome.items) lines.push(`      item       ${JSON.stringify(item.json)}`);
	if (outcome.reason) lines.push(`      FAILED     ${outcome.reason.replace(/\n/g, `\n${' '.repeat(17)}`)}`);
	return lines.join('\n');
}
