/**
 * In-process engine: runs workflows through n8n-core's real WorkflowExecute (the engine tests and
 * `npm run bench` use it).
 *
 * Generic on purpose: nothing provider-specific lives here. Register node and credential
 * classes, then call runWorkflow() / runNode().
 */
import { Container } from '@n8n/di';
import { ExecutionLifecycleHooks, HookContext, LoadOptionsContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import {
	createDeferredPromise,
	createRunExecutionData,
	ICredentialsHelper,
	NodeConnectionTypes,
	NodeHelpers,
	Workflow,
} from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeProperties,
	INodeListSearchResult,
	INodePropertyOptions,
	INodeType,
	INodeTypes,
	IConnections,
	IRequestOptionsSimplified,
	IRun,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
	NodeParameterValueType,
} from 'n8n-workflow';

// ---------------------------------------------------------------------------------------------
// Node types
// ---------------------------------------------------------------------------------------------

export const MANUAL_TRIGGER_TYPE = 'n8n-nodes-base.manualTrigger';

/** Stand-in for n8n-nodes-base's Manual Trigger: passes the start items through unchanged. */
class ManualTriggerStandIn implements INodeType {
	description: INodeType['description'] = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Test stand-in for the Manual Trigger',
		defaults: { name: 'Manual Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

const nodeRegistry = new Map<string, INodeType | IVersionedNodeType>();
nodeRegistry.set(MANUAL_TRIGGER_TYPE, new ManualTriggerStandIn());

/** Register a node class instance under its full type name (e.g. `n8n-nodes-outreach.lemlist`). */
export function registerNodeType(typeName: string, nodeClass: INodeType | IVersionedNodeType): void {
	nodeRegistry.set(typeName, nodeClass);
}

class RegistryNodeTypes implements INodeTypes {
	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const found = nodeRegistry.get(nodeType);
		if (!found) throw new Error(`Unknown node type "${nodeType}" (not registered in the test harness)`);
		return found;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		const known: IDataObject = {};
		for (const name of nodeRegistry.keys()) known[name] = { className: name, sourcePath: '' };
		return known;
	}
}

export const nodeTypes = new RegistryNodeTypes();

// ---------------------------------------------------------------------------------------------
// Credentials
// ---------------------------------------------------------------------------------------------

const credentialRegistry = new Map<string, ICredentialType>();

/** Register a credential class instance; its `name` is the credential type name. */
export function registerCredentialType(credClass: ICredentialType): void {
	credentialRegistry.set(credClass.name, credClass);
}

export class TestCredentialsHelper extends ICredentialsHelper {
	/** Decrypted data per credential type name, set for each run. */
	constructor(private readonly data: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	private credType(name: string): ICredentialType | undefined {
		return credentialRegistry.get(name);
	}

	getParentTypes(name: string): string[] {
		const type = this.credType(name);
		const parents: string[] = [];
		for (const parent of type?.extends ?? []) {
			parents.push(parent, ...this.getParentTypes(parent));
		}
		return parents;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const options = requestOptions as IHttpRequestOptions;
		const auth = this.credType(typeName)?.authenticate;
		if (!auth) return options;
		if (typeof auth === 'function') return await auth(credentials, options);
		if (auth.type !== 'generic') return options;

		const resolve = (value: unknown): NodeParameterValueType =>
			workflow.expression.getParameterValue(
				value as NodeParameterValueType,
				null,
				0,
				0,
				node.name,
				[],
				'internal',
				{ $credentials: credentials },
				undefined,
				false,
			);

		const props = auth.properties;
		for (const key of ['headers', 'qs', 'body'] as const) {
			const section = props[key];
			if (!section) continue;
			const target = ((options as unknown as Record<string, IDataObject | undefined>)[key] ??= {});
			for (const [name, value] of Object.entries(section)) {
				target[name] = resolve(value) as IDataObject[string];
			}
		}
		if (props.auth) {
			options.auth = {
				username: String(resolve(props.auth.username) ?? ''),
				password: String(resolve(props.auth.password) ?? ''),
			};
		}
		return options;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.credType(typeName);
		if (!type?.preAuthentication) return undefined;
		// Mirror n8n: only run it when the credential has an (empty or expired) expirable field.
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable);
		if (!expirable) return undefined;
		if (!credentialsExpired && credentials[expirable.name] !== '' && credentials[expirable.name] !== undefined) {
			return undefined;
		}
		const output = await type.preAuthentication.call(helpers, credentials);
		Object.assign(credentials, output);
		this.data[typeName] = credentials;
		return credentials;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		const data = this.data[type];
		return {
			id: nodeCredentials.id,
			name: nodeCredentials.name,
			type,
			data: JSON.stringify(data ?? {}),
			getData: () => data ?? {},
		} as unknown as ICredentials;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		if (!data) throw new Error(`No test credentials supplied for type "${type}"`);
		// Fresh copy per call, like the real helper (nodes may not mutate stored credentials).
		return { ...data };
	}

	async updateCredentials(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.data[type] = data;
	}

	async updateCredentialsOauthTokenData(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.data[type] = data;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.credType(type)?.properties ?? [];
	}
}

// ---------------------------------------------------------------------------------------------
// Running
// ---------------------------------------------------------------------------------------------

export interface TestWorkflow {
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
}

export interface RunOptions {
	/** Decrypted credential data keyed by credential type name. */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** JSON of the items the trigger emits; default `[{}]`. */
	items?: IDataObject[];
}

function testAdditionalData(
	executionId: string,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		executionId,
		hooks,
		credentialsHelper: new TestCredentialsHelper({ ...credentials }),
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		variables: {},
		executeWorkflow: async () => {
			throw new Error('executeWorkflow is not supported in the test harness');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('Task runners are not supported in the test harness');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

let executionCounter = 0;

export async function runWorkflow(workflowData: TestWorkflow, opts: RunOptions): Promise<IRun> {
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'Test workflow',
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		active: false,
		nodeTypes,
		settings: workflowData.settings ?? {},
	});

	const trigger = workflowData.nodes.find((n) => n.type === MANUAL_TRIGGER_TYPE);
	if (!trigger) throw new Error(`The workflow needs a ${MANUAL_TRIGGER_TYPE} node to start from`);

	const executionId = String(++executionCounter);
	const workflowBase = {
		id: workflow.id,
		name: workflow.name,
		active: false,
		isArchived: false,
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		settings: workflowData.settings ?? {},
		createdAt: new Date(),
		updatedAt: new Date(),
	} as unknown as IWorkflowBase;

	const done = createDeferredPromise<IRun>();
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowBase);
	hooks.addHandler('workflowExecuteAfter', (run) => done.resolve(run));

	const additionalData = testAdditionalData(executionId, opts.credentials, hooks);

	const items = (opts.items ?? [{}]).map((json) => ({ json }));
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: trigger, data: { main: [items] }, source: null }],
		},
	});

	const execution = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	const returned = await execution.processRunExecutionData(workflow);
	// The hook has fired by now; prefer its run (same data) but fall back to the returned one.
	return (await Promise.race([done.promise, Promise.resolve(returned)])) as IRun;
}

export interface RunNodeOptions {
	type: string;
	parameters: INode['parameters'];
	/** Decrypted credential data keyed by credential type name; each key is attached to the node. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	items?: IDataObject[];
	continueOnFail?: boolean;
	name?: string;
	typeVersion?: number;
	/** Node settings (the editor's Settings tab) set on the INode, e.g. Retry On Fail. */
	settings?: NodeSettings;
}

/** The INode fields n8n's Settings tab writes; `continueOnFail` above stays the shorthand for onError. */
export type NodeSettings = Partial<Pick<INode, 'retryOnFail' | 'maxTries' | 'waitBetweenTries' | 'onError' | 'alwaysOutputData' | 'executeOnce'>>;

export interface RunNodeResult {
	/** The node's first main output ([] if it produced none). */
	items: INodeExecutionData[];
	/** The run's error (a plain object, not an Error instance) or undefined. */
	error: (IDataObject & { message?: string; name?: string; httpCode?: string; description?: string }) | undefined;
	run: IRun;
}

/** Builds Manual Trigger → node, runs it, returns the node's output. */
export async function runNode(opts: RunNodeOptions): Promise<RunNodeResult> {
	const name = opts.name ?? 'Node Under Test';
	const credentials = opts.credentials ?? {};
	const node: INode = {
		id: 'node-under-test',
		name,
		type: opts.type,
		typeVersion: opts.typeVersion ?? 1,
		position: [200, 0],
		parameters: opts.parameters,
	};
	const credTypes = Object.keys(credentials);
	if (credTypes.length) {
		node.credentials = {};
		for (const t of credTypes) node.credentials[t] = { id: '1', name: 'test' };
	}
	if (opts.continueOnFail) node.onError = 'continueRegularOutput';
	Object.assign(node, opts.settings);

	const trigger: INode = {
		id: 'trigger',
		name: 'Manual Trigger',
		type: MANUAL_TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const run = await runWorkflow(
		{
			nodes: [trigger, node],
			connections: { [trigger.name]: { main: [[{ node: name, type: 'main', index: 0 }]] } },
		},
		{ credentials, items: opts.items },
	);
	const taskData = run.data.resultData.runData[name]?.[0];
	const items = taskData?.data?.main?.[0] ?? [];
	const error = run.data.resultData.error as RunNodeResult['error'];
	return { items, error: error ?? undefined, run };
}

/** Stops n8n-core's background timers so jest can exit. Call in every test file's afterAll. */
export async function shutdownEngine(): Promise<void> {
	Container.get(SSHClientsManager).onShutdown();
}

/**
 * Calls a node's list search method (a resourceLocator's "From List" mode) the way the editor does,
 * through n8n-core's LoadOptionsContext, with the credential attached to the node.
 */
export async function runListSearch(opts: {
	type: string;
	method: string;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	filter?: string;
	paginationToken?: string;
}): Promise<INodeListSearchResult> {
	const nodeType = nodeTypes.getByName(opts.type) as INodeType;
	const search = nodeType.methods?.listSearch?.[opts.method];
	if (!search) throw new Error(`${opts.type} has no list search method ${opts.method}`);
	const node: INode = {
		id: 'list-search', name: 'List Search', type: opts.type, typeVersion: 1, position: [0, 0], parameters: {},
		credentials: Object.fromEntries(Object.keys(opts.credentials).map((type) => [type, { id: '1', name: 'test' }])),
	};
	const workflow = new Workflow({ id: 'list-search', nodes: [node], connections: {}, active: false, nodeTypes });
	const context = new LoadOptionsContext(workflow, node, testAdditionalData('list-search', opts.credentials), 'parameters.campaignId');
	return await search.call(context, opts.filter, opts.paginationToken);
}

/**
 * Calls a node's load-options method (an options parameter's dropdown) the way the editor does,
 * through n8n-core's LoadOptionsContext, with the credential attached to the node.
 */
export async function runLoadOptions(opts: {
	type: string;
	method: string;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	parameters?: INode['parameters'];
	path?: string;
}): Promise<INodePropertyOptions[]> {
	const nodeType = nodeTypes.getByName(opts.type) as INodeType;
	const load = nodeType.methods?.loadOptions?.[opts.method];
	if (!load) throw new Error(`${opts.type} has no load-options method ${opts.method}`);
	const node: INode = {
		id: 'load-options', name: 'Load Options', type: opts.type, typeVersion: 1, position: [0, 0], parameters: opts.parameters ?? {},
		credentials: Object.fromEntries(Object.keys(opts.credentials).map((type) => [type, { id: '1', name: 'test' }])),
	};
	const workflow = new Workflow({ id: 'load-options', nodes: [node], connections: {}, active: false, nodeTypes });
	const context = new LoadOptionsContext(workflow, node, testAdditionalData('load-options', opts.credentials), opts.path ?? 'parameters');
	return await load.call(context);
}

/** A trigger node in a one-node workflow whose static data the test keeps between calls. */
interface TriggerSetup {
	type: string;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	parameters?: INode['parameters'];
	/** The node's static data (n8n keeps it per workflow); pass the same object to every call. */
	staticData: IDataObject;
	/** Test URLs and mode `manual` (the editor's "listen for test event") instead of production ones. */
	isTest?: boolean;
	/** Where n8n serves webhooks (its WEBHOOK_URL); default http://localhost:5678/. */
	webhookOrigin?: string;
}

/** The additional data n8n gives a trigger's hook and webhook calls, at the setup's webhook origin. */
function triggerAdditionalData(setup: TriggerSetup, executionId: string): IWorkflowExecuteAdditionalData {
	const data = testAdditionalData(executionId, setup.credentials);
	if (!setup.webhookOrigin) return data;
	const origin = setup.webhookOrigin.replace(/\/+$/, '');
	return { ...data, webhookBaseUrl: `${origin}/webhook`, webhookTestBaseUrl: `${origin}/webhook-test` };
}

/** The execution mode n8n runs a trigger's calls in: `manual` while the editor listens for a test event. */
const triggerMode = (setup: TriggerSetup, production: 'trigger' | 'webhook') => (setup.isTest ? 'manual' : production);

function triggerWorkflow(setup: TriggerSetup) {
	const node: INode = {
		id: 'trigger', name: 'Trigger', type: setup.type, typeVersion: 1, position: [0, 0], parameters: setup.parameters ?? {},
		webhookId: 'c0ffee00-0000-4000-8000-000000000001',
		credentials: Object.fromEntries(Object.keys(setup.credentials).map((type) => [type, { id: '1', name: 'test' }])),
	};
	const workflow = new Workflow({ id: 'wf-trigger', name: 'Replies to CRM', nodes: [node], connections: {}, active: true, nodeTypes, staticData: { [`node:${node.name}`]: setup.staticData } });
	const nodeType = nodeTypes.getByName(setup.type) as INodeType;
	const webhookDescription = nodeType.description.webhooks?.[0];
	if (!webhookDescription) throw new Error(`${setup.type} has no webhook`);
	const webhookData = { httpMethod: webhookDescription.httpMethod, node: node.name, path: String(webhookDescription.path), webhookDescription, workflowId: 'wf-trigger', isTest: setup.isTest } as never;
	return { node, workflow, nodeType, webhookData };
}

/**
 * Calls a trigger's webhook lifecycle method (`checkExists`, `create`, `delete`) as n8n does on
 * activation and deactivation, through n8n-core's HookContext; answers the method's boolean.
 */
export async function runHookMethod(setup: TriggerSetup & { method: 'checkExists' | 'create' | 'delete' }): Promise<boolean> {
	const { node, workflow, nodeType, webhookData } = triggerWorkflow(setup);
	const method = nodeType.webhookMethods?.default?.[setup.method];
	if (!method) throw new Error(`${setup.type} has no webhook method ${setup.method}`);
	const context = new HookContext(workflow, node, triggerAdditionalData(setup, 'hook'), triggerMode(setup, 'trigger'), 'activate', webhookData);
	return await method.call(context);
}

/** The webhook URL n8n gives the trigger (production, or test with `isTest`). */
export function triggerWebhookUrl(setup: TriggerSetup): string {
	const { node, workflow, webhookData } = triggerWorkflow(setup);
	const context = new HookContext(workflow, node, triggerAdditionalData(setup, 'hook'), triggerMode(setup, 'trigger'), 'activate', webhookData);
	return context.getNodeWebhookUrl('default') as string;
}

export interface Delivery {
	/** What n8n hands the trigger as the body: an object, or (a hostile or odd request) anything. */
	body: unknown;
	/** The bytes as sent (defaults to the JSON of `body`): what signatures are computed over; null: n8n kept none. */
	rawBody?: string | null;
	headers?: Record<string, string>;
	query?: Record<string, string>;
}

/**
 * Hands a delivery to the trigger's `webhook` method through n8n-core's WebhookContext, as n8n's
 * webhook server does; answers what the method returned and the status the node set, if any.
 */
export async function runWebhook(setup: TriggerSetup & { delivery: Delivery }) {
	const { node, workflow, nodeType, webhookData } = triggerWorkflow(setup);
	const { delivery } = setup;
	const rawBody = delivery.rawBody === null ? undefined : Buffer.from(delivery.rawBody ?? JSON.stringify(delivery.body ?? null));
	const headers = Object.fromEntries(Object.entries(delivery.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
	const request = { body: delivery.body, rawBody, headers, query: delivery.query ?? {}, params: {} };
	const answer: { status?: number; body?: unknown } = {};
	const response = {
		status(code: number) {
			answer.status = code;
			return response;
		},
		json(body: unknown) {
			answer.body = body;
			return response;
		},
		send(body: unknown) {
			answer.body = body;
			return response;
		},
		end() {
			return response;
		},
	};
	const additionalData = { ...triggerAdditionalData(setup, 'webhook'), httpRequest: request, httpResponse: response } as unknown as IWorkflowExecuteAdditionalData;
	const context = new WebhookContext(workflow, node, additionalData, triggerMode(setup, 'webhook'), webhookData, [], null);
	if (!nodeType.webhook) throw new Error(`${setup.type} has no webhook method`);
	const result = await nodeType.webhook.call(context);
	return { result, response: answer };
}
