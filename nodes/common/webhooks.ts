import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IDataObject, IHookFunctions, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { clockOfExecutions } from './clock';
import { isRecord } from './records';
import { mayHaveBeenCarriedOut } from './request';

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

/**
 * Secrets of the activations this process registered, until n8n has saved them. n8n serves a
 * trigger's URL before it calls `create` and saves the static data only after every hook is
 * registered, while a provider may deliver the moment its hook exists: such a delivery reads static
 * data without this activation's secret and would be refused.
 */
const unsavedSecrets = new Map<string, { secret: string; until: number }>();
/** How long a secret waits for n8n to save it: activations save within seconds. */
const UNSAVED_FOR_MS = 10 * 60_000;

function rememberUnsaved(key: string, secret: string) {
	unsavedSecrets.set(key, { secret, until: clockOfExecutions().now() + UNSAVED_FOR_MS });
}
/**
 * One activation of one trigger: its workflow, its node, and whether it is the editor's "listen for
 * test event" (mode `manual`, on the test URL) or the published workflow (on the production URL),
 * so neither accepts nor replaces the other's secret.
 */
const activationKey = (ctx: IHookFunctions | IWebhookFunctions) =>
	`${ctx.getWorkflow().id}/${ctx.getNode().id ?? ctx.getNode().name}/${ctx.getMode() === 'manual' ? 'test' : 'production'}`;

/** The secrets a delivery may carry: the saved one, and this process's newer one not yet saved. */
function knownSecrets(ctx: IWebhookFunctions): string[] {
	const saved = hookState(ctx).secret;
	const entry = unsavedSecrets.get(activationKey(ctx));
	const unsaved = entry && entry.until > clockOfExecutions().now() ? entry.secret : undefined;
	if (entry && (unsaved === undefined || unsaved === saved)) unsavedSecrets.delete(activationKey(ctx));
	return [...new Set([saved, unsaved])].filter((secret): secret is string => Boolean(secret));
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

/** Answers 200 and starts no execution: a verified delivery of an event the trigger does not listen to. */
export const ignore = (): IWebhookResponseData => ({ webhookResponse: { message: 'Event not selected in this trigger; ignored' } });

/**
 * `value` with every trace of `secret` gone: keys named in `omit` are dropped at the top level, a
 * URL loses the query parameters that carry the secret, and any other string that holds it has it
 * replaced.
 */
export function withoutSecret(value: unknown, secret: string | undefined, omit: string[] = []): unknown {
	const clean = (inner: unknown, depth: number): unknown => {
		if (typeof inner === 'string') return secret && inner.includes(secret) ? withoutSecretInText(inner, secret) : inner;
		if (typeof inner !== 'object' || inner === null) return inner;
		// Deeper than any provider's delivery: not recursed into (nor passed on, as it may hold the secret).
		if (depth > MAX_DEPTH) return TOO_DEEP;
		if (Array.isArray(inner)) return inner.map((entry) => clean(entry, depth + 1));
		return Object.fromEntries(
			Object.entries(inner)
				.filter(([key]) => !(depth === 0 && omit.includes(key)))
				.map(([key, entry]) => [key, clean(entry, depth + 1)]),
		);
	};
	return clean(value, 0);
}

const MAX_DEPTH = 32;
const TOO_DEEP = '[nested too deep]';

function withoutSecretInText(text: string, secret: string): string {
	try {
		const url = new URL(text);
		for (const [name, value] of [...url.searchParams]) if (value === secret) url.searchParams.delete(name);
		if (!url.href.includes(secret)) return url.href;
	} catch {
		// Not a URL: replaced below.
	}
	return text.split(secret).join('[secret]');
}

/**
 * A delivery's body as a JSON object. n8n hands a trigger no body at all for a POST without one or
 * with a type it does not parse, and `null` for a JSON null: anyone can send those to a trigger's
 * URL, and they must meet the check, not crash before it (a crash is a 500, a failed execution and
 * an alert).
 */
export function deliveryBody(ctx: IWebhookFunctions): IDataObject {
	const body = ctx.getBodyData() as unknown;
	return isRecord(body) ? body : {};
}

/** Starts one execution with one item: the delivery as the provider sent it, with no trace of the secret. */
export function deliver(body: IDataObject, secret: string | undefined, omit: string[] = []): IWebhookResponseData {
	return { workflowData: [[{ json: withoutSecret(body, secret, omit) as IDataObject }]] };
}

/** The events a trigger listens to; activation fails clearly when none is chosen. */
export function selectedEvents(ctx: IHookFunctions | IWebhookFunctions): string[] {
	const events = ctx.getNodeParameter('events', []) as string[];
	if (!Array.isArray(events) || events.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'Choose at least one event in "Events"');
	}
	return events;
}

/** The campaign a trigger is limited to, or '' for every campaign. */
export const selectedCampaign = (ctx: IHookFunctions | IWebhookFunctions) =>
	String(ctx.getNodeParameter('campaignId', '', { extractValue: true }) ?? '').trim();

/**
 * The ID of a hook the provider says it registered: text or a number. Without one the hook cannot
 * be deleted later, so activation fails rather than "succeed" with no hook (what a redirected POST
 * that came back as a list would do).
 */
export function registeredId(ctx: IHookFunctions, provider: string, id: unknown): string {
	if ((typeof id === 'string' && id.trim() !== '') || (typeof id === 'number' && Number.isFinite(id))) return String(id);
	throw new NodeOperationError(ctx.getNode(), `${provider} answered the webhook registration without the hook's ID`, {
		description: 'The trigger cannot know which hook to delete later, so it does not activate. Check the Base URL of the credential.',
	});
}

/** One hook at the provider: its ID, the URL it posts to, the events it carries. */
export interface RemoteHook {
	id: string;
	url: string;
	events: string[];
}

/** One hook the trigger needs: where it posts and what it carries. */
export interface WantedHook {
	url: string;
	events: string[];
}

/** How one provider registers hooks; everything else about the lifecycle is shared. */
export interface HookApi {
	/** The hooks this trigger needs for `webhookUrl` and the activation's secret. */
	wanted(ctx: IHookFunctions, webhookUrl: string, secret: string): WantedHook[];
	/** The hooks the provider holds where this trigger's could be (undefined: the provider cannot list them). */
	list(ctx: IHookFunctions): Promise<RemoteHook[] | undefined>;
	/** Registers one hook; answers its ID and the secret the provider uses, when it chose its own. */
	create(ctx: IHookFunctions, hook: WantedHook, secret: string): Promise<{ id: string; secret?: string }>;
	/** Deletes one hook; a hook the provider no longer has is not an error (`allowMissing`). */
	remove(ctx: IHookFunctions, id: string): Promise<void>;
}

/** A URL without its query: every hook of one trigger posts to the same n8n path. */
const pathOf = (url: string) => {
	try {
		const parsed = new URL(url);
		return `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '');
	} catch {
		return url.split('?')[0].replace(/\/+$/, '');
	}
};

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/**
 * n8n's webhook lifecycle for a provider's hooks. Activation registers what `wanted` says with a
 * fresh secret; a re-activation that finds exactly those hooks (same URLs, events and IDs, secret
 * still known) keeps them, and otherwise deletes the stored hooks and whatever this trigger's URL
 * path holds before registering again, so it never fails on, duplicates or leaves behind its own
 * hooks (also after n8n's webhook URL changed: the stored IDs still name the old ones).
 * Deactivation deletes the stored hooks and any other on this trigger's path; a hook already gone
 * is fine.
 */
export function webhookLifecycle(api: HookApi) {
	const forget = (ctx: IHookFunctions) => {
		const state = hookState(ctx);
		delete state.hookIds;
		delete state.secret;
		unsavedSecrets.delete(activationKey(ctx));
	};
	const ours = async (ctx: IHookFunctions): Promise<RemoteHook[] | undefined> => {
		const path = pathOf(ctx.getNodeWebhookUrl('default') as string);
		return (await api.list(ctx))?.filter((hook) => pathOf(hook.url) === path);
	};
	const removeAll = async (ctx: IHookFunctions, ids: Iterable<string>) => {
		for (const id of new Set(ids)) await api.remove(ctx, id);
	};

	/**
	 * Registers one hook. When the provider may hold it although no answer said so (a timeout, a
	 * reset, a 504), its hooks are listed before anything is sent again: the hook it holds for this
	 * URL and these events is adopted; only when it provably holds none is the registration sent
	 * once more. Either way one activation leaves one hook per wanted hook.
	 */
	const register = async (ctx: IHookFunctions, hook: WantedHook, secret: string, adopted: string[]) => {
		for (let attempt = 1; ; attempt++) {
			const outcome = await api.create(ctx, hook, secret).then(
				(created) => ({ created }),
				(error: unknown) => ({ error }),
			);
			if ('created' in outcome) return outcome.created;
			if (!mayHaveBeenCarriedOut(outcome.error)) throw outcome.error;
			const held = await ours(ctx).catch(() => undefined);
			// No list, no knowing: the activation fails and its clean-up deletes what the path holds.
			if (held === undefined) throw outcome.error;
			const found = held.find((remote) => remote.url === hook.url && sameSet(remote.events, hook.events) && !adopted.includes(remote.id));
			// Registered with this activation's secret (in the body, or as the URL's token).
			if (found) return { id: found.id };
			if (attempt === 2) throw outcome.error;
		}
	};

	return {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			const state = hookState(this);
			const found = await ours(this);
			if (found !== undefined && state.secret && state.hookIds?.length) {
				const wanted = api.wanted(this, this.getNodeWebhookUrl('default') as string, state.secret);
				const current =
					found.length === wanted.length &&
					found.every((hook) => state.hookIds?.includes(hook.id)) &&
					wanted.every((hook) => found.some((remote) => remote.url === hook.url && sameSet(remote.events, hook.events)));
				if (current) return true;
			}
			// Not as wanted (other events, a secret n8n no longer holds, another webhook URL), or the
			// provider cannot list its hooks: all are deleted and `create` registers anew.
			await removeAll(this, [...(state.hookIds ?? []), ...(found ?? []).map((hook) => hook.id)]);
			forget(this);
			return false;
		},

		async create(this: IHookFunctions): Promise<boolean> {
			const state = hookState(this);
			let secret = newSecret();
			const ids: string[] = [];
			let registered = false;
			try {
				for (const hook of api.wanted(this, this.getNodeWebhookUrl('default') as string, secret)) {
					// The provider may deliver as soon as it holds the hook, even before it answers.
					rememberUnsaved(activationKey(this), secret);
					const created = await register(this, hook, secret, ids);
					ids.push(created.id);
					if (created.secret) secret = created.secret;
				}
				registered = true;
			} finally {
				// Half an activation is none: take back what was registered before a failure, and what a
				// registration left on this trigger's path when its answer never came.
				if (!registered) {
					unsavedSecrets.delete(activationKey(this));
					const left = await ours(this).catch(() => undefined);
					await removeAll(this, [...ids, ...(left ?? []).map((hook) => hook.id)]).catch(() => undefined);
				}
			}
			state.hookIds = ids;
			state.secret = secret;
			rememberUnsaved(activationKey(this), secret);
			return true;
		},

		async delete(this: IHookFunctions): Promise<boolean> {
			const state = hookState(this);
			const stray = await ours(this).catch(() => undefined);
			await removeAll(this, [...(state.hookIds ?? []), ...(stray ?? []).map((hook) => hook.id)]);
			forget(this);
			return true;
		},
	};
}

/** What a trigger read from one delivery, for `answerDelivery`. */
export interface DeliveryCheck {
	/** Whether the delivery carries proof of `secret` (its token, echoed field or signature). */
	provesSecret(secret: string): boolean;
	/** The event the delivery reports, if it names one. */
	event?: unknown;
	/** The campaign the delivery reports, if it names one. */
	campaignId?: unknown;
	/** Top-level body fields that only carry the secret. */
	omit?: string[];
}

/**
 * The one answer of every trigger to a delivery: 401 and no execution when unverified; 200 and no
 * execution unless the delivery clearly names an event the trigger listens to and, when the trigger
 * is limited to a campaign, that campaign; else one execution whose one item is the body, with no
 * trace of the secret.
 */
export function answerDelivery(ctx: IWebhookFunctions, check: DeliveryCheck): IWebhookResponseData {
	const secret = knownSecrets(ctx).find((candidate) => check.provesSecret(candidate));
	if (secret === undefined) return refuse(ctx);
	if (typeof check.event !== 'string' || !selectedEvents(ctx).includes(check.event)) return ignore();
	const campaign = selectedCampaign(ctx);
	const delivered = check.campaignId;
	if (campaign && !((typeof delivered === 'string' || typeof delivered === 'number') && String(delivered) === campaign)) return ignore();
	return deliver(deliveryBody(ctx), secret, check.omit);
}
