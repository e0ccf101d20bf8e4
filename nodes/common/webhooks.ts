import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IDataObject, IHookFunctions, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/**
 * What a trigger keeps between activation and deactivation (n8n's static data of the node): the
 * provider's IDs of the hooks it registered and the secret deliveries must carry.
 */
export interface HookState {
	hookIds?: string[];
	secret?: string;
}

export function hookState(ctx: IHookFunctions | IWebhookFunctions): HookState {
	return ctx.getWorkflowStaticData('node') as HookState;
}

/** A fresh random secret for one activation. */
export const newSecret = () => randomBytes(24).toString('hex');

/** Compares two secrets in constant time, whatever their lengths. */
export function sameSecret(presented: unknown, expected: string | undefined): boolean {
	if (typeof presented !== 'string' || !expected) return false;
	const digest = (text: string) => createHash('sha256').update(text).digest();
	return timingSafeEqual(digest(presented), digest(expected));
}

/** HMAC-SHA256 of the raw body, hex: what SendKit puts in X-Webhook-Signature. */
export const signatureOf = (secret: string, rawBody: Buffer | string) => createHmac('sha256', secret).update(rawBody).digest('hex');

/** Answers 401 and starts no execution. */
export function refuse(ctx: IWebhookFunctions): IWebhookResponseData {
	ctx.getResponseObject().status(401).json({ message: 'Unauthorized' });
	return { noWebhookResponse: true };
}

/** Starts one execution with one item: the delivery as the provider sent it, less `omit`. */
export function deliver(ctx: IWebhookFunctions, body: IDataObject, omit: string[] = []): IWebhookResponseData {
	const json = Object.fromEntries(Object.entries(body).filter(([key]) => !omit.includes(key)));
	return { workflowData: [[{ json }]] };
}
