import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isEmailAddress } from '../../../common/leads';

/** The address or domain of a do-not-contact operation. */
export const valueParameter: INodeProperties = {
	displayName: 'Email or Domain',
	name: 'value',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'ada@example.com or example.com',
	description:
		'An email address, or a domain for every address of it. lemlist keeps a domain as "@example.com"; either form is taken.',
};

/** A value as the item gives it back (`value`) and as lemlist keeps it on its list (`listed`: a domain with "@"). */
export interface DoNotContactValue {
	value: string;
	listed: string;
}

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * The Email or Domain parameter, trimmed and lower-cased, checked before any request: an address
 * (ada@example.com) or a domain (example.com, or "@example.com" as lemlist lists it). Anything else
 * fails the item.
 */
export function readValue(ctx: IExecuteFunctions, itemIndex: number): DoNotContactValue {
	const raw = ctx.getNodeParameter('value', itemIndex, '') as unknown;
	const fail = (problem: string) => new NodeOperationError(ctx.getNode(), `Email or Domain (value) ${problem}`, { itemIndex });
	if (raw === undefined || raw === null) throw fail('is empty');
	if (typeof raw !== 'string') throw fail(`must be text, not ${JSON.stringify(raw)}`);
	const text = raw.trim().toLowerCase();
	if (text === '') throw fail('is empty');
	if (isEmailAddress(text) && !text.startsWith('@')) return { value: text, listed: text };
	const domain = text.startsWith('@') ? text.slice(1) : text;
	if (DOMAIN.test(domain)) return { value: domain, listed: `@${domain}` };
	const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
	throw fail(`must be an email address (ada@example.com) or a domain (example.com), not "${shown}"`);
}
