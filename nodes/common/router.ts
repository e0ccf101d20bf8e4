import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { clockOfExecutions, type Clock } from './clock';
import { readCollection } from './fields';
import { optionsCollection, simplifyParameters } from './descriptions';
import { asNodeError, runItems, runUnits, toError, type Unit } from './items';
import { isRecord } from './records';
import { apiRequest, type ApiRequest, type Provider } from './request';

/** Sends one request for the item being run, through the pipeline of its node and clock. */
export type Send = (request: ApiRequest) => Promise<unknown>;

/** What every operation module exports: its own parameters and, if any, its own fields of the Options collection. */
interface OperationParameters {
	/** Shown when its resource and operation are chosen; the resource's list adds that condition. */
	properties: INodeProperties[];
	/** Its own fields of Options, beside the request options every operation has. */
	options?: INodeProperties[];
	/**
	 * What Simplify keeps of each record, for an operation whose records are long: the fields by
	 * path (`email`, `lead.email` for a nested one), or a function for records of several shapes.
	 * An operation that declares it gets the Simplify parameter.
	 */
	simplified?: Simplified;
}

/** The fields a simplified record keeps (paths, in the order given), or how to simplify a record. */
export type Simplified = readonly string[] | ((record: IDataObject) => IDataObject);

/**
 * The fields of `record` at `paths`, in that order, nested as they were; a path the record does not
 * have is left out rather than added as empty.
 */
export function pickFields(record: IDataObject, paths: readonly string[]): IDataObject {
	const picked: IDataObject = {};
	for (const path of paths) {
		const keys = path.split('.');
		let source: unknown = record;
		for (const key of keys) source = isRecord(source) && Object.prototype.hasOwnProperty.call(source, key) ? source[key] : undefined;
		if (source === undefined) continue;
		let target = picked;
		for (const key of keys.slice(0, -1)) target = (isRecord(target[key]) ? target[key] : (target[key] = {})) as IDataObject;
		target[keys[keys.length - 1]] = source as IDataObject[string];
	}
	return picked;
}

/** One record as Simplify leaves it. */
export function simplifyRecord(record: IDataObject, simplified: Simplified): IDataObject {
	return typeof simplified === 'function' ? simplified(record) : pickFields(record, simplified);
}

/** An operation that acts on one item at a time (a read answers many records). */
export interface ItemOperation extends OperationParameters {
	execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject | IDataObject[]>;
}

/** One item's part of a batch, read and checked before any request. */
export interface BatchEntry {
	/** What the items of one batch share (the campaign, the settings): items with equal groups go together. */
	group: IDataObject;
	/** The most entries one request of this group takes. */
	maxSize: number;
	/** What the item adds to the request. */
	entry: IDataObject;
}

/** Items sent in one request: what they share, and each one's entry and index. */
export interface Batch {
	group: IDataObject;
	entries: IDataObject[];
	itemIndexes: number[];
}

/** An operation that sends many items in one request (adding leads, lists of addresses). */
export interface BatchOperation extends OperationParameters {
	/** Reads and checks one item; `send` serves lookups (a lead by email). */
	prepare(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<BatchEntry>;
	/** Sends one batch; answers one result per entry, in order: the item's record, or an Error that fails that item alone. */
	sendBatch(this: IExecuteFunctions, batch: Batch, send: Send): Promise<Array<IDataObject | Error>>;
}

/** One operation, as its `*.operation.ts` module exports it. */
export type Operation = ItemOperation | BatchOperation;

/** A resource's operations by operation value, as its `index.ts` lists them. */
export type ResourceOperations = Record<string, Operation>;

/** A node's resources by resource value. */
export type Resources = Record<string, ResourceOperations>;

/** An entry of a map by its own key: a value such as "constructor" names nothing. */
const ownEntry = <T>(map: Record<string, T> | undefined, key: string): T | undefined =>
	map && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;

/**
 * A resource's parameters: its Operation list and each operation's own parameters, shown for that
 * operation only. An option without an operation, or an operation without an option, fails when
 * the node loads rather than when a user picks it.
 */
export function describeResource(
	resource: string,
	operations: ResourceOperations,
	defaultOperation: string,
	options: INodePropertyOptions[],
): INodeProperties[] {
	const listed = options.map((option) => String(option.value));
	const missing = [
		...listed.filter((value) => ownEntry(operations, value) === undefined),
		...Object.keys(operations).filter((value) => !listed.includes(value)),
	];
	if (missing.length) throw new Error(`The ${resource} operations and their options differ: ${missing.join(', ')}`);
	const operation: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
	const parameters = Object.entries(operations).flatMap(([value, { properties, options, simplified }]) =>
		updateDisplayOptions({ show: { resource: [resource], operation: [value] } }, [
			...properties,
			...(simplified ? simplifyParameters : []),
			optionsCollection(options),
		]),
	);
	return [operation, ...parameters];
}

/**
 * Every node's `execute`: runs the operation chosen in the node over every input item, each
 * request through the pipeline on `clock`. An item's Options are checked before its requests.
 */
export async function route(
	this: IExecuteFunctions,
	provider: Provider,
	resources: Resources,
	clock: Clock = clockOfExecutions(),
): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = ownEntry(ownEntry(resources, resource), operationName);
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" of "${resource}" is not supported by this node`);
	}
	const options = optionsCollection(operation.options);
	const sendFor = (itemIndex: number): Send => async (request) => await apiRequest.call(this, provider, request, itemIndex, clock);
	const simplify = simplifierFor(this, operation);
	if ('sendBatch' in operation) {
		return [await runUnits(this, await batchUnits(this, operation, options, sendFor, simplify), provider.concurrency)];
	}
	const items = await runItems(
		this,
		async (itemIndex) => {
			readCollection(this, itemIndex, options);
			return simplify(itemIndex, await operation.execute.call(this, itemIndex, sendFor(itemIndex)));
		},
		provider.concurrency,
	);
	return [items];
}

/** What an item's result becomes: every record simplified when the operation offers Simplify and the item asks for it. */
type Simplify = <Result extends IDataObject | IDataObject[] | Error>(itemIndex: number, result: Result) => Result;

function simplifierFor(ctx: IExecuteFunctions, operation: Operation): Simplify {
	const { simplified } = operation;
	return (itemIndex, result) => {
		if (!simplified || result instanceof Error) return result;
		// Read per item, as an expression may decide it; a node saved before Simplify existed reads false.
		if (ctx.getNodeParameter('simplify', itemIndex, false) !== true) return result;
		const simplifyOne = (record: IDataObject) => (isRecord(record) ? simplifyRecord(record, simplified) : record);
		return (Array.isArray(result) ? result.map(simplifyOne) : simplifyOne(result)) as typeof result;
	};
}

/**
 * The units of a batch operation: every item is read and checked first, before any request (an
 * item that fails there is a unit of its own, and without Continue On Fail the run stops before
 * sending anything); then items of the same group are sent together in input order, a new batch
 * begun when one is full. Each batch's request carries its first item's retry options.
 */
async function batchUnits(
	ctx: IExecuteFunctions,
	operation: BatchOperation,
	options: INodeProperties,
	sendFor: (itemIndex: number) => Send,
	simplify: Simplify,
): Promise<Unit[]> {
	const units: Unit[] = [];
	const open = new Map<string, Batch & { maxSize: number }>();
	const count = ctx.getInputData().length;
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		let prepared: BatchEntry;
		try {
			readCollection(ctx, itemIndex, options);
			prepared = await operation.prepare.call(ctx, itemIndex, sendFor(itemIndex));
		} catch (caught) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx, caught, itemIndex);
			units.push({ itemIndexes: [itemIndex], run: async () => [toError(caught)] });
			continue;
		}
		const key = JSON.stringify(prepared.group);
		let batch = open.get(key);
		if (!batch) {
			const started: Batch & { maxSize: number } = { group: prepared.group, entries: [], itemIndexes: [], maxSize: prepared.maxSize };
			batch = started;
			open.set(key, started);
			units.push({
				itemIndexes: started.itemIndexes,
				run: async () => {
					const results = await operation.sendBatch.call(ctx, started, sendFor(started.itemIndexes[0]));
					return results.map((result, position) => simplify(started.itemIndexes[position], result));
				},
			});
		}
		batch.entries.push(prepared.entry);
		batch.itemIndexes.push(itemIndex);
		if (batch.entries.length >= batch.maxSize) open.delete(key);
	}
	return units;
}
