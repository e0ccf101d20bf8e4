import { isRecord, nonEmptyText } from './records';

const MAX_MESSAGE_LENGTH = 500;

const shorten = (text: string) =>
	text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text;

const nonEmptyString = (value: unknown): string | undefined => nonEmptyText(value)?.trim();

function fromText(text: string): string | undefined {
	const trimmed = text.trim();
	if (trimmed === '') return undefined;
	if (/^<(!doctype|html)/i.test(trimmed)) {
		// A proxy's or load balancer's error page: its title says what happened.
		const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1]?.trim();
		return `HTML error page${title ? `: ${title}` : ''}`;
	}
	return shorten(trimmed.replace(/\s+/g, ' '));
}

/**
 * The provider's own words from an error body: plain text, `{error, code}`, `{message}`,
 * `{error: {message, code}}` or `{errors: [...]}`.
 */
export function providerMessage(body: unknown): string | undefined {
	if (typeof body === 'string') return fromText(body);
	if (Array.isArray(body)) {
		const parts = body.map(providerMessage).filter(Boolean);
		return parts.length ? shorten(parts.join('; ')) : undefined;
	}
	if (!isRecord(body)) return undefined;

	const nested = isRecord(body.error) ? body.error : undefined;
	const text =
		nonEmptyString(body.message) ??
		nonEmptyString(body.error) ??
		nonEmptyString(nested?.message) ??
		nonEmptyString(body.msg) ??
		(Array.isArray(body.errors) ? providerMessage(body.errors) : undefined);
	if (!text) return undefined;

	const code = nonEmptyString(body.code) ?? nonEmptyString(nested?.code);
	return shorten(code && !/^\d+$/.test(code) && !text.includes(code) ? `${text} (${code})` : text);
}

/**
 * Removes every way a key can show up in text: the key itself (plain, URL-encoded and inside a
 * Basic token), `api_key=` query values, and Authorization / X-Api-Key header values.
 */
export function redact(text: string, secrets: string[]): string {
	let safe = text;
	for (const secret of secrets) {
		if (!secret || secret.length < 4) continue;
		for (const form of new Set([secret, encodeURIComponent(secret)])) {
			safe = safe.split(form).join('***');
		}
	}
	return safe
		// A value already hidden stays as it is: the pattern cannot tell where it ends (": not followed").
		.replace(/(api_key=)(?!\*\*\*)[^&\s"'#]+/gi, '$1***')
		.replace(/((?:authorization|x-api-key)["']?\s*[:=]\s*["']?)(?:(?:basic|bearer)\s+)?[^\s"',}]+/gi, '$1***');
}

/** The forms a key takes on the wire, so that `redact` finds it in any of them. */
export function secretForms(apiKey: string): string[] {
	if (!apiKey) return [];
	return [
		apiKey,
		Buffer.from(`:${apiKey}`).toString('base64'),
		Buffer.from(apiKey).toString('base64'),
	];
}
