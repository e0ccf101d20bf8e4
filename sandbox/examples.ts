import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { lemlistTrigger } from '../nodes/Outreach/trigger/lemlist';
import { sendKitTrigger } from '../nodes/Outreach/trigger/sendKit';
import { smartleadTrigger } from '../nodes/Outreach/trigger/smartlead';
import type { OutreachEvent, TriggerAdapter } from '../nodes/Outreach/trigger/types';
import type { ExecutionResult, N8nInstance, N8nServer } from './n8n';
import { root, waitFor } from './n8n';
import { deliverWhenServed, providerOfEvent, type Sandbox, type SandboxRequest } from './sandbox';

export const examplesDir = join(root, 'examples');

interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	webhookId?: string;
}

export interface Example {
	file: string;
	id: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
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

/** The pack triggers that start an example, if a provider's event starts it (not a manual run); several may feed one branch. */
export const triggersOf = (example: Example) => example.nodes.filter(isPackTrigger);

/** The first pack trigger of an example, if a provider's event starts it. */
export const triggerOf = (example: Example) => triggersOf(example)[0];

/** The Outreach Trigger's own event table per provider: which provider event each unified event is. */
const OUTREACH_TRIGGERS: Record<string, TriggerAdapter> = { lemlist: lemlistTrigger, smartlead: smartleadTrigger, sendKit: sendKitTrigger };

/** The provider event the sandbox delivers to start a trigger node: its first event, in the provider's own name. */
export function eventOf(trigger: WorkflowNode): string {
	const event = String((trigger.parameters.events as string[])[0]);
	if (trigger.type !== 'n8n-nodes-outreach.outreachTrigger') return event;
	return OUTREACH_TRIGGERS[String(trigger.parameters.provider)].events[event as OutreachEvent];
}

/** Runs one imported example in n8n and collects what the sandbox received and what n8n produced. */
export async function runExample(n8n: N8nInstance, sandbox: Sandbox, example: Example): Promise<ExampleOutcome> {
	sandbox.requests.length = 0;
	const { ok, result, output } = await n8n.execute(example.id);
	const requests = [...sandbox.requests];
	return outcomeOf(example, ok, result, requests, output);
}

/**
 * Runs one published example that provider events start, in a running n8n: for each of its pack
 * triggers in turn, the sandbox delivers the trigger's first event as its provider would, to that
 * trigger's hook alone, and the execution it starts is read back. One outcome per trigger.
 */
export async function runTriggeredExample(server: N8nServer, sandbox: Sandbox, example: Example): Promise<ExampleOutcome[]> {
	const triggers = triggersOf(example);
	if (!triggers.length) throw new Error(`${example.file} has no pack trigger`);
	const outcomes: ExampleOutcome[] = [];
	for (const trigger of triggers) {
		const event = eventOf(trigger);
		const before = (await server.executions(example.id)).length;
		sandbox.requests.length = 0;
		const delivery = await deliverWhenServed(sandbox, event, undefined, trigger.webhookId);
		const executions = await waitFor(`an execution of ${example.file} from ${trigger.name}`, async () => {
			const done = await server.executions(example.id);
			return done.length > before ? done : undefined;
		});
		const execution = executions[executions.length - 1];
		const output = `delivered ${event}: n8n answered ${delivery.status}; execution ${execution.id} ${execution.status}`;
		let outcome = outcomeOf(example, delivery.status === 200 && execution.status === 'success', execution, [...sandbox.requests], output, trigger);
		if (!outcome.reason && execution.data.resultData.runData[trigger.name] === undefined) {
			outcome = { ...outcome, ok: false, reason: `the execution did not start from ${trigger.name}` };
		}
		outcomes.push({ ...outcome, delivery: `${event} from the ${providerOfEvent(event)} sandbox to ${delivery.url.split('?')[0]} -> ${delivery.status}` });
	}
	return outcomes;
}

/**
 * What a run did. For a triggered run (`trigger` given), the pack nodes it went through and, after
 * theirs, the items of the nodes the workflow ends with: its branch may be any node.
 */
function outcomeOf(example: Example, ok: boolean, result: ExecutionResult | undefined, requests: SandboxRequest[], output: string, trigger?: WorkflowNode): ExampleOutcome {
	const ran = (node: WorkflowNode) => !trigger || result?.data.resultData.runData[node.name] !== undefined;
	const packNodes = example.nodes.filter(isPackNode).filter(ran);
	const ends = trigger ? example.nodes.filter((node) => !isPackNode(node) && !(node.name in example.connections)).filter(ran) : [];
	const operations = packNodes.map((node) =>
		isPackTrigger(node)
			? `${node.name}: ${node.type.replace('n8n-nodes-outreach.', '')} on ${(node.parameters.events as string[]).join(', ')}`
			: `${node.name}: ${node.type.replace('n8n-nodes-outreach.', '')} ${String(node.parameters.resource)} → ${String(node.parameters.operation)}`,
	);
	const items = [...packNodes, ...ends].flatMap((node) =>
		(result?.data.resultData.runData[node.name]?.[0]?.data?.main?.[0] ?? []).map((item) => ({ node: node.name, json: item.json })),
	);

	let reason: string | undefined;
	const runError = result?.data.resultData.error;
	if (!ok || runError) {
		reason = runError?.message ? describeError(runError) : lastLines(output);
	} else if (!requests.length && packNodes.some((node) => !isPackTrigger(node))) {
		// A run of triggers and other nodes only (a summary) asks no provider anything.
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
