import type { INode, INodeProperties } from 'n8n-workflow';

import { providerMessage, redact, secretForms } from '../../nodes/common/errors';
import { buildBody, toList } from '../../nodes/common/fields';
import { apiPath, retryAfterMs } from '../../nodes/common/request';

const node = { name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;

describe('providerMessage', () => {
	it.each([
		['Campaign not found', 'Campaign not found'],
		[{ error: 'Campaign not found', code: 'CAMPAIGN_NOT_FOUND' }, 'Campaign not found (CAMPAIGN_NOT_FOUND)'],
		[{ message: 'Invalid API Key' }, 'Invalid API Key'],
		[{ error: { code: 'RATE_LIMIT_EXCEEDED', message: 'Slow down', retry_after: 30 } }, 'Slow down (RATE_LIMIT_EXCEEDED)'],
		[{ error: 'Forbidden', message: 'Platform keys need a workspace', code: 403 }, 'Platform keys need a workspace'],
		[{ errors: [{ message: 'a' }, { message: 'b' }] }, 'a; b'],
		['<html><head><title>502 Bad Gateway</title></head></html>', 'HTML error page: 502 Bad Gateway'],
	])('reads %j', (body, expected) => {
		expect(providerMessage(body)).toBe(expected);
	});

	it('has nothing to say for empty bodies', () => {
		expect(providerMessage('')).toBeUndefined();
		expect(providerMessage({})).toBeUndefined();
		expect(providerMessage(undefined)).toBeUndefined();
	});
});

describe('redact', () => {
	const key = 'sk_live/abc+123';
	it('removes the key in every form it travels in', () => {
		const [plain, basic] = secretForms(key);
		const text = `url=https://x/api?api_key=${encodeURIComponent(key)}&a=1 key ${plain} Authorization: Basic ${basic} X-Api-Key: other`;
		const safe = redact(text, secretForms(key));
		expect(safe).not.toContain(key);
		expect(safe).not.toContain(encodeURIComponent(key));
		expect(safe).not.toContain(basic);
		expect(safe).not.toContain('other');
		expect(safe).toContain('api_key=***&a=1');
	});

	it('leaves a key it already hid, and what follows it, as it is', () => {
		expect(redact(`a redirect to https://x/c?api_key=${key}: not followed`, secretForms(key))).toBe('a redirect to https://x/c?api_key=***: not followed');
	});
});

describe('retryAfterMs', () => {
	const now = Date.parse('2026-11-23T10:00:00Z');
	it('reads seconds, HTTP dates and reset headers', () => {
		expect(retryAfterMs({ 'retry-after': '3' }, now)).toBe(3000);
		expect(retryAfterMs({ 'retry-after': 'Mon, 23 Nov 2026 10:00:05 GMT' }, now)).toBe(5000);
		expect(retryAfterMs({ 'x-ratelimit-reset': String(now / 1000 + 7) }, now)).toBe(7000);
		expect(retryAfterMs({ 'x-ratelimit-reset': new Date(now + 2000).toString() }, now)).toBe(2000);
		expect(retryAfterMs({}, now)).toBeUndefined();
	});
});

describe('apiPath', () => {
	it('keeps every ID inside its own path segment', () => {
		expect(apiPath`/campaigns/${'../x'}/leads/${'a/b?x=1#y'}`).toBe('/campaigns/..%2Fx/leads/a%2Fb%3Fx%3D1%23y');
		expect(apiPath`/campaigns/${'%2F'}`).toBe('/campaigns/%252F');
		expect(() => apiPath`/campaigns/${'..'}`).toThrow('not a valid ID');
	});
});

describe('toList', () => {
	it('reads arrays, JSON arrays and comma-separated text', () => {
		expect(toList(['a', 'b'])).toEqual(['a', 'b']);
		expect(toList('["a","b"]')).toEqual(['a', 'b']);
		expect(toList(' a, b ,,c ')).toEqual(['a', 'b', 'c']);
		expect(toList('[]')).toEqual([]);
		expect(toList('')).toBeUndefined();
	});
});

describe('buildBody', () => {
	const properties: INodeProperties[] = [
		{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		{ displayName: 'On', name: 'on', type: 'boolean', default: false },
		{ displayName: 'Count', name: 'count', type: 'number', default: 0, typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 0 } },
		{ displayName: 'Mode', name: 'mode', type: 'options', default: 'a', options: [{ name: 'A', value: 'a' }, { name: 'B', value: 'b' }] },
		{ displayName: 'Modes', name: 'modes', type: 'multiOptions', default: [], options: [{ name: 'A', value: 'a' }, { name: 'B', value: 'b' }] },
		{ displayName: 'Ids', name: 'ids', type: 'string', default: '' },
		{ displayName: 'Inner', name: 'inner', type: 'collection', default: {}, options: [{ displayName: 'Deep', name: 'deep', type: 'boolean', default: false }] },
	];
	const build = (values: object) => buildBody(node, properties, values as never, 0, 'updateFields', { listFields: ['ids'], translations: { mode: { OLD: 'b' } } });

	it('keeps false, 0 and [] and drops empty values', () => {
		expect(build({ name: '  ', on: false, count: 0, modes: [], ids: '', inner: {} })).toEqual({ on: false, count: 0, modes: [] });
	});

	it('reads expression strings as the declared types and translates legacy values', () => {
		expect(build({ on: 'true', count: '42', mode: 'OLD', modes: 'a,b', ids: 'x, y', inner: { deep: 'false' } })).toEqual({
			on: true, count: 42, mode: 'b', modes: ['a', 'b'], ids: ['x', 'y'], inner: { deep: false },
		});
	});

	it.each([
		[{ on: 'yes' }, '"On" (updateFields.on) must be true or false, not "yes"'],
		[{ count: 'many' }, 'must be a number'],
		[{ count: 101 }, 'must be at most 100'],
		[{ count: 1.5 }, 'must be a whole number'],
		[{ mode: 'c' }, 'has an unknown value "c"; allowed values: a, b'],
		[{ modes: ['a', 'z'] }, 'allowed values: a, b'],
		[{ name: { a: 1 } }, 'must be text'],
		[{ nope: 1 }, 'Unknown field "updateFields.nope"'],
		[{ inner: { nope: true } }, 'Unknown field "updateFields.inner.nope"'],
	])('refuses %j', (values, message) => {
		expect(() => build(values)).toThrow(message);
	});
});
