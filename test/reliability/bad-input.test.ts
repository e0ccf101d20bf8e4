/**
 * Bad-input matrix, generated from the node descriptions: for every parameter of every operation
 * (IDs, top-level fields, each collection, each field of each collection and nested collection,
 * and the Options), hostile values arrive through an expression, many items per run. Each item
 * must either be refused before any request with a message that names the parameter, or be sent
 * to the right endpoint with every ID as one encoded path segment and the value sent as its type.
 *
 * The server answers every request 200, so every error item is the node's own refusal. Each run
 * of at most 10 items uses a key of its own: pacing is per key, and the burst each key is allowed
 * keeps the matrix fast without touching the pacing itself.
 */
import type { IDataObject, INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { Lemlist } from '../../nodes/Lemlist/Lemlist.node';
import { SendKit } from '../../nodes/SendKit/SendKit.node';
import { Smartlead } from '../../nodes/Smartlead/Smartlead.node';
import { runNode, shutdownEngine, type RunNodeResult } from '../../sandbox/engine';
import { registerPack } from '../harness/pack';
import { HttpMock, json, type RecordedRequest } from '../../sandbox/providers/http-mock';

interface Endpoint {
	method: string;
	path: string;
	query?: string[];
}

const READS = ['campaign.get', 'campaign.getAll', 'campaignLead.get', 'campaignLead.getAll'];

interface NodeCase {
	node: INodeType;
	type: string;
	credentialType: string;
	basePath: string;
	credentials(apiKey: string, baseUrl: string): IDataObject;
	keyOf(request: RecordedRequest): string | undefined;
	/** Query parameters every request carries (the key, for Smartlead). */
	query: string[];
	/** A valid value for each ID and required top-level parameter. */
	valid: Record<string, string>;
	/**
	 * Per `resource.operation` that sends one request per item: the endpoints it may use (a switch
	 * such as "In All Campaigns" picks another), `{name}` standing for an ID parameter, with the
	 * query parameters each adds.
	 */
	endpoints: Record<string, Endpoint[]>;
	/** Operations whose input checks are tested with their own suites: reads (many requests, many items) and lookups. */
	coveredElsewhere: string[];
	/** Fields sent as another type than their description says (a picker's options sent as text). */
	sentAsText?: string[];
	/** Pickers whose options are loaded from the account and sent as whole-number IDs. */
	sentAsWholeNumber?: string[];
}

const NODES: NodeCase[] = [
	{
		node: new Lemlist(),
		type: 'n8n-nodes-outreach.lemlist',
		credentialType: 'lemlistOutreachApi',
		basePath: '/api',
		credentials: (apiKey, baseUrl) => ({ lemlistOutreachApi: { apiKey, baseUrl } }),
		keyOf: (request) => Buffer.from(String(request.headers.authorization).replace(/^Basic /, ''), 'base64').toString().slice(1),
		query: [],
		valid: { campaignId: 'cam_A1', leadId: 'lea_1', email: 'ada@example.com', value: 'ada@example.com', startDate: '2024-01-01', endDate: '2024-01-31' },
		endpoints: {
			'campaign.update': [{ method: 'PATCH', path: '/api/campaigns/{campaignId}' }],
			'campaign.getStats': [{ method: 'GET', path: '/api/v2/campaigns/{campaignId}/stats', query: ['startDate', 'endDate'] }],
			// lemlist's flags go in the query, only those set: one per run here.
			'campaignLead.add': [
				{ method: 'POST', path: '/api/campaigns/{campaignId}/leads/' },
				...['deduplicate', 'findEmail', 'findPhone', 'linkedinEnrichment', 'verifyEmail'].map((flag) => ({
					method: 'POST',
					path: '/api/campaigns/{campaignId}/leads/',
					query: [flag],
				})),
			],
			'campaignLead.remove': [{ method: 'DELETE', path: '/api/campaigns/{campaignId}/leads/{leadId}', query: ['action'] }],
			'doNotContact.add': [{ method: 'POST', path: '/api/unsubscribes/{value}' }],
			'doNotContact.remove': [{ method: 'DELETE', path: '/api/unsubscribes/{value}' }],
			'campaign.start': [{ method: 'POST', path: '/api/campaigns/{campaignId}/start' }],
			'campaign.pause': [{ method: 'POST', path: '/api/campaigns/{campaignId}/pause' }],
			'campaignLead.update': [{ method: 'PATCH', path: '/api/campaigns/{campaignId}/leads/{leadId}' }],
			'campaignLead.pause': [
				{ method: 'POST', path: '/api/leads/pause/{leadId}', query: ['campaignId'] },
				{ method: 'POST', path: '/api/leads/pause/{leadId}' },
			],
			'campaignLead.resume': [{ method: 'POST', path: '/api/leads/start/{leadId}' }],
			'campaignLead.markInterested': [
				{ method: 'POST', path: '/api/campaigns/{campaignId}/leads/{leadId}/interested' },
				{ method: 'POST', path: '/api/leads/interested/{leadId}' },
			],
			'campaignLead.markNotInterested': [
				{ method: 'POST', path: '/api/campaigns/{campaignId}/leads/{leadId}/notinterested' },
				{ method: 'POST', path: '/api/leads/notinterested/{leadId}' },
			],
		},
		// Unsubscribing from all campaigns first reads the lead's address (two requests); the reads
		// of the do-not-contact list and the senders are tested in test/lemlist.
		coveredElsewhere: [...READS, 'campaignLead.unsubscribe', 'doNotContact.getAll', 'emailAccount.getAll'],
	},
	{
		node: new Smartlead(),
		type: 'n8n-nodes-outreach.smartlead',
		credentialType: 'smartleadOutreachApi',
		basePath: '/api/v1',
		credentials: (apiKey, baseUrl) => ({ smartleadOutreachApi: { apiKey, baseUrl } }),
		keyOf: (request) => request.query.api_key,
		query: ['api_key'],
		valid: { campaignId: '101', leadId: '5001', email: 'ada@example.com', category_id: '1' },
		sentAsWholeNumber: ['category_id'],
		endpoints: {
			'campaign.update': [{ method: 'POST', path: '/api/v1/campaigns/{campaignId}/settings' }],
			'campaign.updateSchedule': [{ method: 'POST', path: '/api/v1/campaigns/{campaignId}/schedule' }],
			'campaign.start': [{ method: 'POST', path: '/api/v1/campaigns/{campaignId}/status' }],
			'campaign.pause': [{ method: 'POST', path: '/api/v1/campaigns/{campaignId}/status' }],
			'campaign.stop': [{ method: 'POST', path: '/api/v1/campaigns/{campaignId}/status' }],
			'campaignLead.update': [{ method: 'POST', path: '/api/v1/campaigns/{campaignId}/leads/{leadId}' }],
			'campaignLead.pause': [{ method: 'POST', path: '/api/v1/campaigns/{campaignId}/leads/{leadId}/pause' }],
			'campaignLead.resume': [{ method: 'POST', path: '/api/v1/campaigns/{campaignId}/leads/{leadId}/resume' }],
			'campaignLead.unsubscribe': [
				{ method: 'POST', path: '/api/v1/campaigns/{campaignId}/leads/{leadId}/unsubscribe' },
				{ method: 'POST', path: '/api/v1/leads/{leadId}/unsubscribe' },
			],
			'campaignLead.updateCategory': [{ method: 'POST', path: '/api/v1/campaigns/{campaignId}/leads/{leadId}/category' }],
			'campaignLead.remove': [{ method: 'DELETE', path: '/api/v1/campaigns/{campaignId}/leads/{leadId}' }],
			'campaign.getStats': [
				{ method: 'GET', path: '/api/v1/campaigns/{campaignId}/analytics' },
				{ method: 'GET', path: '/api/v1/campaigns/{campaignId}/analytics-by-date', query: ['start_date', 'end_date'] },
			],
		},
		// Batched (many items, one request) and paged reads: test/smartlead/lead-add, do-not-contact and email-accounts test their input.
		coveredElsewhere: [...READS, 'campaignLead.add', 'doNotContact.add', 'doNotContact.getAll', 'emailAccount.getAll'],
	},
	{
		node: new SendKit(),
		type: 'n8n-nodes-outreach.sendKit',
		credentialType: 'sendKitOutreachApi',
		basePath: '',
		credentials: (apiKey, baseUrl) => ({ sendKitOutreachApi: { apiKey, workspaceId: '', baseUrl, maxRequestsPerSecond: 10 } }),
		keyOf: (request) => request.headers['x-api-key'] as string | undefined,
		query: [],
		valid: { campaignId: '665a1b2c3d4e5f6a7b8c9d0e', campaignLeadId: '666a1b2c3d4e5f6a7b8c9d01' },
		endpoints: {
			'campaign.update': [{ method: 'PATCH', path: '/v1/campaigns/{campaignId}' }],
			'campaign.start': [{ method: 'POST', path: '/v1/campaigns/{campaignId}/start' }],
			'campaign.pause': [{ method: 'POST', path: '/v1/campaigns/{campaignId}/pause' }],
			'campaign.resume': [{ method: 'POST', path: '/v1/campaigns/{campaignId}/resume' }],
			'campaignLead.update': [{ method: 'PATCH', path: '/v1/campaigns/{campaignId}/leads/{campaignLeadId}' }],
			'campaignLead.pause': [{ method: 'PATCH', path: '/v1/campaigns/{campaignId}/leads/{campaignLeadId}' }],
			'campaignLead.resume': [{ method: 'PATCH', path: '/v1/campaigns/{campaignId}/leads/{campaignLeadId}' }],
			// Start Date and End Date are sent as `from` and `to`, each only when set.
			'campaign.getStats': [
				{ method: 'GET', path: '/v1/campaigns/{campaignId}/analytics' },
				{ method: 'GET', path: '/v1/campaigns/{campaignId}/analytics', query: ['from'] },
				{ method: 'GET', path: '/v1/campaigns/{campaignId}/analytics', query: ['to'] },
				{ method: 'GET', path: '/v1/campaigns/{campaignId}/analytics', query: ['from', 'to'] },
			],
		},
		// Unsubscribing reads the campaign's leads for the lead's address, then adds it to the do-not-contact list.
		// Add and Remove (leads, do-not-contact entries) send many items in one request: their bad input is
		// tested in test/sendkit/lead-batches.test.ts and do-not-contact.test.ts; the list is a read.
		coveredElsewhere: [
			...READS,
			'campaignLead.unsubscribe',
			'campaignLead.add',
			'campaignLead.remove',
			'doNotContact.add',
			'doNotContact.remove',
			'doNotContact.getAll',
		],
		sentAsText: ['aiTag'],
	},
];

// ---------------------------------------------------------------------------------------------
// The parameters of each operation, from the description
// ---------------------------------------------------------------------------------------------

interface Operation {
	resource: string;
	operation: string;
	/** Top-level parameters shown for this operation, plus the Options every operation has. */
	properties: INodeProperties[];
}

const shownFor = (property: INodeProperties, resource: string, operation: string) => {
	const show = property.displayOptions?.show;
	if (!show) return true;
	return (show.resource ?? [resource]).includes(resource) && (show.operation ?? [operation]).includes(operation);
};

function operationsOf(node: INodeType): Operation[] {
	const properties = node.description.properties;
	const resources = (properties.find((p) => p.name === 'resource')?.options ?? []) as INodePropertyOptions[];
	return resources.flatMap(({ value: resource }) =>
		properties
			.filter((p) => p.name === 'operation' && shownFor(p, String(resource), ''))
			.flatMap((selector) => (selector.options ?? []) as INodePropertyOptions[])
			.map(({ value: operation }) => ({
				resource: String(resource),
				operation: String(operation),
				properties: properties.filter(
					(p) => !['resource', 'operation'].includes(p.name) && shownFor(p, String(resource), String(operation)),
				),
			})),
	);
}

interface Target {
	/** Where the value sits in the node parameters, e.g. ['aiFeatures', 'onInterestedReply', 'enabled']. */
	path: string[];
	property: INodeProperties;
	id: boolean;
}

/** Every parameter an operation takes: top-level ones, each collection and each field inside it. */
function targetsOf(operation: Operation): Target[] {
	const targets: Target[] = [];
	const walk = (property: INodeProperties, path: string[]) => {
		const id = path.length === 1 && (property.type === 'resourceLocator' || /Id$/.test(property.name));
		targets.push({ path, property, id });
		if (property.type === 'collection') {
			for (const inner of (property.options ?? []) as INodeProperties[]) walk(inner, [...path, inner.name]);
		}
	};
	for (const property of operation.properties) walk(property, [property.name]);
	return targets;
}

// ---------------------------------------------------------------------------------------------
// Hostile values per parameter type
// ---------------------------------------------------------------------------------------------

const LONG = 'x'.repeat(10_000);
const UNICODE = 'Zoë Ünïcødé — 東京 🚀 \u202eevil';
const COMMON: unknown[] = [{ a: 1 }, [1, 2], true, '', '   \t ', LONG, UNICODE, 42, -1, null];
const ID_VALUES = ['../x', 'a/b', '?x=1', '#x', '%2F', '..', '.', 'a b', '..%2F..%2Fteam'];

function valuesFor(target: Target): unknown[] {
	const { property } = target;
	const allowed = ((property.options ?? []) as INodePropertyOptions[]).map((option) => option.value);
	const { minValue, maxValue } = property.typeOptions ?? {};
	switch (property.type) {
		case 'number':
			return [
				...COMMON,
				'42',
				' 7 ',
				'abc',
				'12abc',
				1.5,
				1e15,
				-1e15,
				Number.NaN,
				Number.POSITIVE_INFINITY,
				...(typeof minValue === 'number' ? [minValue - 1, String(minValue - 1)] : []),
				...(typeof maxValue === 'number' ? [maxValue + 1, String(maxValue + 1)] : []),
			];
		case 'boolean':
			return [...COMMON, 'true', 'FALSE', 'yes', 1, 0];
		case 'options':
			return [...COMMON, 'not-a-value', ` ${String(allowed[0])} `, String(allowed[0]).toUpperCase(), String(allowed[0])];
		case 'multiOptions':
			return [...COMMON, ['not-a-value'], `${String(allowed[0])},not-a-value`, `[${JSON.stringify(allowed[0])}]`, [allowed[0], allowed[0]]];
		case 'collection':
			return [...COMMON, {}, { notAField: true }, { [((property.options ?? []) as INodeProperties[])[0]?.name ?? 'x']: { nested: 1 } }];
		case 'fixedCollection':
			return [...COMMON, {}, { notAnOption: [] }, { field: 'text' }, { field: [{ name: 'a', value: { x: 1 } }] }, { field: [{ name: '', value: 'v' }] }];
		default:
			return target.id ? [...COMMON, ...ID_VALUES, ` ${UNICODE} `, '12345'] : [...COMMON, '12345', '<script>alert(1)</script>', '{"a":1}'];
	}
}

// ---------------------------------------------------------------------------------------------
// Runs
// ---------------------------------------------------------------------------------------------

const CHUNK = 10;
let mocks: Map<NodeCase, HttpMock>;
let keys = 0;

beforeAll(async () => {
	registerPack();
	mocks = new Map();
	for (const node of NODES) {
		mocks.set(node, await new HttpMock(() => json(200, { ok: true }), { basePath: node.basePath }).listen());
	}
});
afterAll(async () => {
	for (const mock of mocks.values()) await mock.close();
	await shutdownEngine();
});

const setAt = (parameters: IDataObject, path: string[], value: unknown) => {
	let at = parameters;
	for (const name of path.slice(0, -1)) at = (at[name] ??= {}) as IDataObject;
	at[path[path.length - 1]] = value as IDataObject[string];
};

/**
 * Valid parameters for the operation with one field set that is not the target, so that an empty
 * value of the target still leaves something to update.
 */
function baseParameters(nodeCase: NodeCase, operation: Operation, target: Target): IDataObject {
	const parameters: IDataObject = { resource: operation.resource, operation: operation.operation };
	for (const property of operation.properties) {
		const valid = nodeCase.valid[property.name];
		if (valid === undefined) continue;
		parameters[property.name] = property.type === 'resourceLocator' ? { __rl: true, mode: 'id', value: valid } : valid;
	}
	const fields = targetsOf(operation).filter(
		(candidate) =>
			candidate.path.length > 1 &&
			candidate.path[0] !== 'options' &&
			!candidate.path.join('.').startsWith(target.path.join('.')) &&
			!target.path.join('.').startsWith(candidate.path.join('.')),
	);
	const rank = (type: string) => ['boolean', 'number', 'options', 'string'].indexOf(type);
	const filler = fields
		.filter((candidate) => rank(candidate.property.type) !== -1)
		.sort((a, b) => rank(a.property.type) - rank(b.property.type))[0];
	const fillerValue = (property: INodeProperties) =>
		property.type === 'boolean' ? true : property.type === 'string' ? 'Filler' : property.default;
	if (filler) setAt(parameters, filler.path, fillerValue(filler.property));
	return parameters;
}

interface Chunk {
	apiKey: string;
	values: unknown[];
	parameters: IDataObject;
	result: RunNodeResult;
}

async function runChunk(nodeCase: NodeCase, parameters: IDataObject, values: unknown[], continueOnFail: boolean): Promise<Chunk> {
	const apiKey = `${nodeCase.type === 'n8n-nodes-outreach.sendKit' ? 'sk_live_' : 'key-'}badinput${++keys}`;
	const result = await runNode({
		type: nodeCase.type,
		credentials: nodeCase.credentials(apiKey, mocks.get(nodeCase)!.url) as never,
		parameters: parameters as never,
		items: values.map((v) => ({ v })) as never,
		continueOnFail,
	});
	return { apiKey, values, parameters, result };
}

const JS_ERRORS = /TypeError|ReferenceError|Cannot read|is not a function|is not iterable|undefined \(reading/;

/** The value the body holds for the target, if the target is a body field. */
function sentValue(body: IDataObject, target: Target): { present: boolean; value?: unknown } {
	const path = target.path[0] === 'updateFields' ? target.path.slice(1) : target.path;
	let at: unknown = body;
	for (const name of path) {
		if (typeof at !== 'object' || at === null || !(name in (at as IDataObject))) return { present: false };
		at = (at as IDataObject)[name];
	}
	return { present: true, value: at };
}

function expectSentAsItsType(nodeCase: NodeCase, target: Target, value: unknown) {
	const { property } = target;
	const allowed = ((property.options ?? []) as INodePropertyOptions[]).map((option) => option.value);
	const context = `${target.path.join('.')} sent as ${JSON.stringify(value)?.slice(0, 80)}`;
	if (nodeCase.sentAsText?.includes(property.name)) {
		expect([context, value === null || typeof value === 'string']).toEqual([context, true]);
		return;
	}
	if (nodeCase.sentAsWholeNumber?.includes(property.name)) {
		expect([context, Number.isSafeInteger(value) && (value as number) >= 0]).toEqual([context, true]);
		return;
	}
	let ok: boolean;
	switch (property.type) {
		case 'boolean':
			ok = typeof value === 'boolean';
			break;
		case 'number': {
			const { minValue, maxValue, numberPrecision } = property.typeOptions ?? {};
			ok =
				typeof value === 'number' &&
				Number.isFinite(value) &&
				(typeof minValue !== 'number' || value >= minValue) &&
				(typeof maxValue !== 'number' || value <= maxValue) &&
				(numberPrecision !== 0 || Number.isInteger(value));
			break;
		}
		case 'options':
			ok = allowed.includes(value as string);
			break;
		case 'multiOptions':
			ok = Array.isArray(value) && value.every((entry) => allowed.includes(entry as string));
			break;
		case 'collection':
		case 'fixedCollection':
			ok = typeof value === 'object' && value !== null && !Array.isArray(value);
			break;
		default:
			ok =
				(typeof value === 'string' && value.trim() !== '') ||
				(Array.isArray(value) && value.every((entry) => typeof entry === 'string' && entry.trim() !== ''));
	}
	expect([context, ok]).toEqual([context, true]);
}

/** Every request of the run went to one of the operation's endpoints, each ID one canonical encoded segment. */
function expectRightEndpoint(nodeCase: NodeCase, endpoints: Endpoint[], target: Target, chunk: Chunk, requests: RecordedRequest[]) {
	for (const request of requests) {
		const segments = request.path.split('/');
		const fits = (candidate: Endpoint) =>
			candidate.method === request.method &&
			candidate.path.split('/').length === segments.length &&
			candidate.path.split('/').every((part, index) => /^\{\w+\}$/.test(part) || part === segments[index]) &&
			Object.keys(request.query).sort().join() === [...nodeCase.query, ...(candidate.query ?? [])].sort().join();
		const endpoint = endpoints.find(fits);
		expect([request.method, request.path, Object.keys(request.query), endpoint !== undefined]).toEqual([request.method, request.path, Object.keys(request.query), true]);
		if (!endpoint) continue;
		const expected = endpoint.path.split('/');
		expect([request.path, segments.length]).toEqual([request.path, expected.length]);
		for (const [index, part] of expected.entries()) {
			const placeholder = /^\{(\w+)\}$/.exec(part)?.[1];
			if (!placeholder) {
				expect([request.path, segments[index]]).toEqual([request.path, part]);
				continue;
			}
			const segment = segments[index];
			const id = decodeURIComponent(segment);
			expect([request.path, encodeURIComponent(id)]).toEqual([request.path, segment]);
			const allowedIds =
				target.id && target.path[0] === placeholder
					? chunk.values.map((value) => String(value).trim())
					: [nodeCase.valid[placeholder]];
			expect(allowedIds).toContain(id);
		}
	}
}

function expectClearRefusal(target: Target, item: IDataObject) {
	const message = String(item.error);
	const names = [target.property.name, target.property.displayName, ...target.path];
	const named = names.some((name) => message.includes(name)) || message === 'Nothing to update';
	expect([message, named]).toEqual([message, true]);
	expect(message).not.toMatch(JS_ERRORS);
	expect(item.httpCode).toBeUndefined();
}

const allOperations = NODES.flatMap((nodeCase) =>
	operationsOf(nodeCase.node).map((operation) => ({
		label: `${nodeCase.node.description.name} ${operation.resource}.${operation.operation}`,
		key: `${operation.resource}.${operation.operation}`,
		nodeCase,
		operation,
	})),
);
const cases = allOperations.filter(({ nodeCase, key }) => !nodeCase.coveredElsewhere.includes(key));

describe('bad input, generated from the node descriptions', () => {
	it('finds every operation: each has its endpoints here or is covered by its own suite', () => {
		for (const { label, nodeCase, key } of allOperations) {
			expect([label, nodeCase.endpoints[key] !== undefined || nodeCase.coveredElsewhere.includes(key)]).toEqual([label, true]);
		}
		expect(cases.length).toBeGreaterThanOrEqual(15);
	});

	it.each(cases)('$label: every parameter, every hostile value', async ({ nodeCase, operation }) => {
		const endpoints = nodeCase.endpoints[`${operation.resource}.${operation.operation}`];
		const mock = mocks.get(nodeCase)!;
		const targets = targetsOf(operation);
		expect(targets.length).toBeGreaterThan(3);
		let refused = 0;
		let sent = 0;

		await Promise.all(
			targets.map(async (target) => {
				const values = valuesFor(target);
				const parameters = baseParameters(nodeCase, operation, target);
				const expression = '={{ $json.v }}';
				setAt(parameters, target.path, target.property.type === 'resourceLocator' ? { __rl: true, mode: 'id', value: expression } : expression);

				const chunks = await Promise.all(
					Array.from({ length: Math.ceil(values.length / CHUNK) }, async (_, n) =>
						await runChunk(nodeCase, parameters, values.slice(n * CHUNK, (n + 1) * CHUNK), true),
					),
				);
				let firstRefused: unknown;
				for (const chunk of chunks) {
					const { result } = chunk;
					expect(result.error).toBeUndefined();
					expect(result.items).toHaveLength(chunk.values.length);
					const requests = mock.requests.filter((request) => nodeCase.keyOf(request) === chunk.apiKey);
					const errors = result.items.filter((item) => item.json.error !== undefined);
					// Refused items sent nothing: one request that did its work per item that was not refused. (On
					// a busy machine a connection can drop before its answer, or the real-time pacer can meet a 429:
					// the pack sends that again, so only whole answers that are neither 429 nor 5xx count; the
					// statuses are in the comparison so that a failure shows them.)
					const answered = mock.answers.filter((answer) => answer.complete && nodeCase.keyOf(answer.request) === chunk.apiKey);
					const worked = answered.filter((answer) => answer.status !== 429 && answer.status < 500);
					expect({ worked: worked.length, statuses: answered.map((answer) => answer.status) }).toEqual({
						worked: chunk.values.length - errors.length,
						statuses: expect.any(Array),
					});
					for (const [index, item] of result.items.entries()) {
						expect(item.pairedItem).toEqual({ item: index });
						if (item.json.error === undefined) continue;
						expectClearRefusal(target, item.json);
						if (firstRefused === undefined) firstRefused = chunk.values[index];
					}
					expectRightEndpoint(nodeCase, endpoints, target, chunk, requests);
					for (const request of requests) {
						const value = sentValue(request.body as IDataObject, target);
						if (value.present && target.path[0] !== 'options') expectSentAsItsType(nodeCase, target, value.value);
					}
					refused += errors.length;
					sent += requests.length;
				}

				// The refusal is a NodeOperationError for its item, thrown before any request.
				if (firstRefused !== undefined) {
					const alone = await runChunk(nodeCase, parameters, [firstRefused], false);
					expect(alone.result.error).toMatchObject({ name: 'NodeOperationError' });
					expect((alone.result.error?.context as { itemIndex?: number })?.itemIndex).toBe(0);
					expect(mock.requests.filter((request) => nodeCase.keyOf(request) === alone.apiKey)).toHaveLength(0);
				}
			}),
		);
		expect(refused).toBeGreaterThan(0);
		expect(sent).toBeGreaterThan(0);
		if (process.env.BAD_INPUT_COUNTS) console.log(`${nodeCase.type} ${operation.resource}.${operation.operation}: ${targets.length} parameters, ${refused + sent} values, ${refused} refused, ${sent} sent`);
	}, 60_000);

	it.each(NODES)('$type: an unknown resource or operation is refused before any request', async (nodeCase) => {
		const refusals: Array<[string, string, IDataObject]> = [
			// An operation the resource does not have: the node's own refusal.
			['campaign', 'delete', { name: 'NodeOperationError', message: 'The operation "delete" of "campaign" is not supported by this node' }],
			// A resource the node does not have: n8n finds no operation for it and says which parameter.
			['lead', 'update', { message: 'Could not get parameter', extra: { parameterName: 'operation' } }],
		];
		for (const [resource, operation, error] of refusals) {
			const { result, apiKey } = await runChunk(nodeCase, { resource, operation }, [1], false);
			expect(result.error).toMatchObject(error);
			expect(mocks.get(nodeCase)!.requests.filter((request) => nodeCase.keyOf(request) === apiKey)).toHaveLength(0);
		}
	});
});
