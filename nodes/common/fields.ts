import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isRecord } from './records';

export interface BodyRules {
	/** String parameters sent as arrays: they take a JSON array or a comma-separated string. */
	listFields?: string[];
	/** Per field, old values accepted as input and the value each is sent as. */
	translations?: Record<string, Record<string, string>>;
	/** Per field, a check of the value as read (after types, enums and lists); returns what is wrong. */
	checks?: Record<string, (value: unknown) => string | undefined>;
}

const describe = (value: unknown) => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value));

/**
 * A list from a JSON array, a JSON array string or a comma-separated string. An empty string means
 * "not set"; an empty array is an explicit empty list.
 */
export function toList(value: unknown): unknown[] | undefined {
	if (Array.isArray(value)) return value;
	if (value === undefined || value === null) return undefined;
	const text = String(value).trim();
	if (text === '') return undefined;
	if (text.startsWith('[')) {
		try {
			const parsed: unknown = JSON.parse(text);
			if (Array.isArray(parsed)) return parsed;
		} catch {
			// Not JSON after all: read it as a comma-separated list below.
		}
	}
	return text
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part !== '');
}

/**
 * Turns the values of a collection into a request body, checked against the collection's own
 * parameter descriptions: empty values are dropped (`false`, `0` and `[]` are kept), booleans and
 * numbers that arrive as strings from expressions are read, enum values are checked against the
 * allowed options, nested collections become nested objects holding only what was set.
 */
export function buildBody(
	node: INode,
	properties: INodeProperties[],
	values: IDataObject,
	itemIndex: number,
	path: string,
	rules: BodyRules = {},
): IDataObject {
	const body: IDataObject = {};
	if (!isRecord(values)) {
		throw new NodeOperationError(node, `"${path}" must be an object of fields`, { itemIndex });
	}
	for (const [name, raw] of Object.entries(values)) {
		const property = properties.find((candidate) => candidate.name === name);
		if (!property) {
			const known = properties.map((candidate) => candidate.name).join(', ');
			throw new NodeOperationError(node, `Unknown field "${path}.${name}"`, {
				itemIndex,
				description: `The fields this collection takes are: ${known}`,
			});
		}
		const value = readValue(node, property, raw, itemIndex, `${path}.${name}`, rules);
		if (value === undefined) continue;
		const problem = rules.checks?.[name]?.(value);
		if (problem) {
			throw new NodeOperationError(node, `"${property.displayName}" (${path}.${name}) ${problem}`, { itemIndex });
		}
		body[name] = value;
	}
	return body;
}

function readValue(
	node: INode,
	property: INodeProperties,
	raw: unknown,
	itemIndex: number,
	path: string,
	rules: BodyRules,
): IDataObject[string] | undefined {
	const fail = (problem: string, description?: string): never => {
		throw new NodeOperationError(node, `"${property.displayName}" (${path}) ${problem}`, {
			itemIndex,
			description,
		});
	};
	if (raw === undefined || raw === null) return undefined;
	if (typeof raw === 'string' && raw.trim() === '' && property.type !== 'string') return undefined;

	switch (property.type) {
		case 'boolean': {
			if (typeof raw === 'boolean') return raw;
			const text = String(raw).trim().toLowerCase();
			if (text === 'true' || text === 'false') return text === 'true';
			return fail(`must be true or false, not ${describe(raw)}`);
		}
		case 'number': {
			const number = typeof raw === 'number' ? raw : Number(String(raw).trim());
			if (typeof raw === 'boolean' || !Number.isFinite(number)) {
				return fail(`must be a number, not ${describe(raw)}`);
			}
			const { minValue, maxValue, numberPrecision } = property.typeOptions ?? {};
			if (numberPrecision === 0 && !Number.isInteger(number)) fail(`must be a whole number, not ${number}`);
			if (typeof minValue === 'number' && number < minValue) fail(`must be at least ${minValue}, not ${number}`);
			if (typeof maxValue === 'number' && number > maxValue) fail(`must be at most ${maxValue}, not ${number}`);
			return number;
		}
		case 'options':
			return checkOption(property, raw, path, rules, fail);
		case 'multiOptions': {
			const list = toList(raw);
			return list?.map((entry) => checkOption(property, entry, path, rules, fail));
		}
		case 'collection': {
			const nested = buildBody(node, (property.options ?? []) as INodeProperties[], raw as IDataObject, itemIndex, path, rules);
			return Object.keys(nested).length ? nested : undefined;
		}
		case 'fixedCollection':
			return readFixedCollection(property, raw, fail);
		default: {
			if (rules.listFields?.includes(property.name)) {
				const list = toList(raw);
				if (list?.some((entry) => typeof entry !== 'string' || entry.trim() === '')) {
					fail(`must be a list of non-empty strings, not ${describe(raw)}`);
				}
				return list?.map((entry) => String(entry).trim());
			}
			if (typeof raw === 'object') return fail(`must be text, not ${describe(raw)}`);
			const text = String(raw);
			return text.trim() === '' ? undefined : text;
		}
	}
}

function checkOption(
	property: INodeProperties,
	raw: unknown,
	path: string,
	rules: BodyRules,
	fail: (problem: string, description?: string) => never,
): string | number | boolean {
	const allowed = ((property.options ?? []) as INodePropertyOptions[]).map((option) => option.value);
	const translated = typeof raw === 'string' ? (rules.translations?.[property.name]?.[raw.trim()] ?? raw.trim()) : raw;
	// Numeric options also match the same number written as text (CSV or an expression's string).
	const match = allowed.find(
		(value) =>
			value === translated ||
			(typeof value === 'number' && typeof translated === 'string' && translated !== '' && Number(translated) === value),
	);
	if (match === undefined) {
		const list = allowed.join(', ');
		return fail(`has an unknown value ${describe(raw)}; allowed values: ${list}`, `Allowed values: ${list}`);
	}
	return match;
}

/** A fixedCollection's values as the node stored them, with each option's empty rows removed. */
function readFixedCollection(
	property: INodeProperties,
	raw: unknown,
	fail: (problem: string) => never,
): IDataObject | undefined {
	if (!isRecord(raw)) return fail(`must be an object, not ${describe(raw)}`);
	const optionNames = ((property.options ?? []) as INodePropertyCollection[]).map((option) => option.name);
	const result: IDataObject = {};
	for (const [name, rows] of Object.entries(raw)) {
		if (!optionNames.includes(name)) fail(`has an unknown part "${name}"`);
		if (Array.isArray(rows) ? rows.length : rows) result[name] = rows as IDataObject;
	}
	return Object.keys(result).length ? result : undefined;
}

/**
 * The value of an ID parameter (a resourceLocator or a plain string), trimmed and required.
 * Encoding into the path happens in `apiPath`.
 */
export function requireId(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const raw = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const node = ctx.getNode();
	const emptyId = () =>
		new NodeOperationError(node, `${label} (${name}) is empty`, {
			itemIndex,
			description: 'Choose it from the list or give its ID; an expression may have resolved to nothing.',
		});
	// An expression that finds nothing resolves to undefined rather than failing the run.
	if (raw === undefined || raw === null) {
		throw emptyId();
	}
	if (typeof raw !== 'string' && typeof raw !== 'number') {
		throw new NodeOperationError(node, `${label} (${name}) must be text, not ${describe(raw)}`, { itemIndex });
	}
	const id = String(raw).trim();
	if (id === '') {
		throw emptyId();
	}
	if (id === '.' || id === '..') {
		throw new NodeOperationError(node, `${label} (${name}) "${id}" is not a valid ID`, { itemIndex });
	}
	return id;
}

/** A boolean parameter, checked before any request: an expression may give "true"/"false" text or anything else. */
export function readBoolean(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): boolean {
	const raw = ctx.getNodeParameter(name, itemIndex, false) as unknown;
	if (typeof raw === 'boolean') return raw;
	const text = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
	if (text === 'true' || text === 'false') return text === 'true';
	throw new NodeOperationError(ctx.getNode(), `"${label}" (${name}) must be true or false, not ${JSON.stringify(raw)}`, { itemIndex });
}

/** Fails an update that would send nothing, before any request. */
export function requireSomethingToUpdate(node: INode, body: IDataObject, itemIndex: number, hint: string) {
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(node, 'Nothing to update', { itemIndex, description: hint });
	}
}

/** What was set in one collection parameter, read and checked against the collection's own options. */
export function readCollection(ctx: IExecuteFunctions, itemIndex: number, collection: INodeProperties, rules: BodyRules = {}): IDataObject {
	const values = ctx.getNodeParameter(collection.name, itemIndex, {}) as IDataObject;
	return buildBody(ctx.getNode(), (collection.options ?? []) as INodeProperties[], values, itemIndex, collection.name, rules);
}

/**
 * The request body of an update from its collection parameters: `updateFields` is spread flat,
 * every other collection (a structured section) is sent as a nested object of what was set in it.
 */
export function bodyFromCollections(
	ctx: IExecuteFunctions,
	itemIndex: number,
	collections: INodeProperties[],
	rules: BodyRules = {},
): IDataObject {
	const body: IDataObject = {};
	for (const collection of collections) {
		const section = readCollection(ctx, itemIndex, collection, rules);
		if (collection.name === 'updateFields') Object.assign(body, section);
		else if (Object.keys(section).length) body[collection.name] = section;
	}
	return body;
}

/**
 * An operation's own fields of Options (`own`), read from the one Options collection it shares
 * with the request options and checked against their descriptions; the request options are the
 * pipeline's business.
 */
export function readOwnOptions(ctx: IExecuteFunctions, itemIndex: number, own: INodeProperties[]): IDataObject {
	const values = ctx.getNodeParameter('options', itemIndex, {}) as unknown;
	const mine = isRecord(values) ? Object.fromEntries(own.filter(({ name }) => Object.prototype.hasOwnProperty.call(values, name)).map(({ name }) => [name, values[name]])) : values;
	return buildBody(ctx.getNode(), own, mine as IDataObject, itemIndex, 'options');
}

/** Options → Batch Size of an item, or the field's default (the provider's maximum per request). */
export function readBatchSize(ctx: IExecuteFunctions, itemIndex: number, own: INodeProperties[]): number {
	const { batchSize } = readOwnOptions(ctx, itemIndex, own);
	return typeof batchSize === 'number' ? batchSize : Number(own.find(({ name }) => name === 'batchSize')?.default);
}

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}$/;

/** An entry of a do-not-contact list: an address, or every address of a domain. */
export interface AddressOrDomain {
	kind: 'address' | 'domain';
	/** Trimmed and lower-cased; a domain without the "@" some providers list it with. */
	value: string;
}

/**
 * The Email or Domain parameter (`value`) of the do-not-contact lists, checked before any request:
 * an address (ada@example.com) or a domain (example.com, also written "@example.com").
 */
export function readAddressOrDomain(ctx: IExecuteFunctions, itemIndex: number): AddressOrDomain {
	const raw = ctx.getNodeParameter('value', itemIndex, '') as unknown;
	const fail = (problem: string) =>
		new NodeOperationError(ctx.getNode(), `Email or Domain (value) ${problem}`, {
			itemIndex,
			description: 'Give one email address, such as ada@example.com, or one domain, such as example.com.',
		});
	if (raw === undefined || raw === null) throw fail('is empty');
	if (typeof raw !== 'string') throw fail(`must be text, not ${describe(raw)}`);
	const text = raw.trim().toLowerCase();
	if (text === '') throw fail('is empty');
	const at = text.lastIndexOf('@');
	if (at === 0 && DOMAIN.test(text.slice(1))) return { kind: 'domain', value: text.slice(1) };
	if (at === -1 && DOMAIN.test(text)) return { kind: 'domain', value: text };
	if (at > 0 && LOCAL_PART.test(text.slice(0, at)) && DOMAIN.test(text.slice(at + 1))) return { kind: 'address', value: text };
	const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
	throw fail(`must be an email address (ada@example.com) or a domain (example.com), not "${shown}"`);
}
