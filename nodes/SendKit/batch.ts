import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { buildBody } from '../common/fields';
import { isRecord } from '../common/records';

/**
 * What SendKit's batched operations share: their own fields of the Options collection, the counts
 * SendKit answers, and the checks of an address or a domain. The facts are in
 * docs/providers/sendkit.md, "Adding and removing leads" and "Do-not-contact list".
 */

/** The most leads one `POST /v1/campaigns/{id}/leads` takes [docs]. */
export const MAX_LEADS_PER_ADD = 5_000;

/** Campaign leads per `POST …/leads/action`: SendKit publishes no maximum [inferred]. */
export const MAX_LEADS_PER_ACTION = 1_000;

/** Entries per `POST /v1/dnc` or `DELETE /v1/dnc`: no maximum is published for either [inferred]. */
export const MAX_DNC_PER_REQUEST = 1_000;

/**
 * An operation's own fields of Options (`own`), read from the one Options collection the
 * operation shares with the request options, and checked against their descriptions.
 */
export function readOwnOptions(ctx: IExecuteFunctions, itemIndex: number, own: INodeProperties[]): IDataObject {
	const values = ctx.getNodeParameter('options', itemIndex, {}) as unknown;
	if (!isRecord(values)) return {};
	const mine = Object.fromEntries(own.filter(({ name }) => name in values).map(({ name }) => [name, values[name]]));
	return buildBody(ctx.getNode(), own, mine, itemIndex, 'options');
}

/** `options.batchSize` of an item, or its default (the operation's maximum). */
export function batchSizeOf(ctx: IExecuteFunctions, itemIndex: number, own: INodeProperties[]): number {
	const size = readOwnOptions(ctx, itemIndex, own).batchSize;
	const fallback = own.find(({ name }) => name === 'batchSize')?.default;
	return typeof size === 'number' ? size : Number(fallback);
}

/** A count in SendKit's answer: a whole number of at least 0, or undefined when it is missing or odd. */
export function countOf(value: unknown): number | undefined {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isInteger(number) && number >= 0 ? number : undefined;
}

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?=[a-z0-9-]*[a-z])[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const LOCAL_PART = /^[^\s@"(),:;<>[\\\]]+$/;

/** Whether `value` (lower-cased) is a bare domain such as example.com. */
export const isDomain = (value: string) => DOMAIN.test(value);

/** Whether `value` (lower-cased) is an address such as a@b.co. */
export function isAddress(value: string): boolean {
	const at = value.lastIndexOf('@');
	return at > 0 && LOCAL_PART.test(value.slice(0, at)) && isDomain(value.slice(at + 1));
}

/** A value as a message shows it: quoted text, or JSON, cut after 60 characters. */
const shown = (value: unknown) => {
	const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value));
	return text.length > 60 ? `${text.slice(0, 60)}…` : text;
};

/**
 * The `value` parameter of the do-not-contact operations: an address or a bare domain, trimmed
 * and lower-cased (as SendKit stores it [docs]); anything else fails the item before any request.
 */
export function readDncValue(ctx: IExecuteFunctions, itemIndex: number): string {
	const raw = ctx.getNodeParameter('value', itemIndex, '') as unknown;
	const fail = (problem: string) =>
		new NodeOperationError(ctx.getNode(), `Email or Domain (value) ${problem}`, {
			itemIndex,
			description: 'Give one email address, such as ada@example.com, or one domain, such as example.com.',
		});
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) throw fail('is empty');
	if (typeof raw !== 'string') throw fail(`must be text, not ${shown(raw)}`);
	const value = raw.trim().toLowerCase();
	if (!isAddress(value) && !isDomain(value)) throw fail(`must be an email address or a domain, not ${shown(raw)}`);
	return value;
}

/** The values of a batch, each once, in order: the same address twice in one request is one entry. */
export function distinct(values: string[]): string[] {
	return [...new Set(values)];
}
