/**
 * The webhooks a provider stand-in holds, and their delivery: each stand-in answers its own
 * registration API (shapes per docs/providers/webhooks.md) and keeps what it registered
 * here; `deliver` posts an event to every hook that carries it, as the provider would.
 */
export interface StoredHook {
	id: string;
	url: string;
	events: string[];
	/** What the provider authenticates deliveries with (lemlist's echoed secret, SendKit's HMAC key). */
	secret?: string;
	/** The campaign the hook is limited to, if any. */
	campaignId?: string;
	name?: string;
	createdAt: string;
}

/** What one delivery produced: the hook, what was sent, and n8n's answer. */
export interface DeliveryResult {
	hookId: string;
	url: string;
	event: string;
	body: Record<string, unknown>;
	status: number;
	answer: string;
}

export interface Outgoing {
	url: string;
	/** The exact bytes sent; signatures are computed over them. */
	rawBody: string;
	headers?: Record<string, string>;
}

/** POSTs a delivery as the provider's sender does; a refused connection counts as status 0. */
export async function post({ url, rawBody, headers = {} }: Outgoing): Promise<{ status: number; answer: string }> {
	try {
		const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: rawBody });
		return { status: response.status, answer: await response.text() };
	} catch (error) {
		return { status: 0, answer: (error as Error).message };
	}
}

export class HookStore {
	private readonly hooks = new Map<string, StoredHook>();
	private counter = 0;
	/** How deliveries leave: over HTTP by default; engine tests hand them to the trigger directly. */
	send: (outgoing: Outgoing) => Promise<{ status: number; answer: string }> = post;
	/** Called as each hook is registered: a test can deliver while an activation is under way. */
	onAdd?: (hook: StoredHook) => void;
	/**
	 * Limits deliveries to the hooks it accepts: where several workflows listen to one event, a test
	 * delivers to one of them (see the sandbox's `deliver`). Unset: every hook that carries the event.
	 */
	scope?: (hook: StoredHook) => boolean;

	constructor(private readonly idOf: (n: number) => string) {}

	add(hook: Omit<StoredHook, 'id' | 'createdAt'>): StoredHook {
		const stored = { ...hook, id: this.idOf(++this.counter), createdAt: new Date().toISOString() };
		this.hooks.set(stored.id, stored);
		this.onAdd?.(stored);
		return stored;
	}

	get(id: string): StoredHook | undefined {
		return this.hooks.get(id);
	}

	remove(id: string): StoredHook | undefined {
		const hook = this.hooks.get(id);
		this.hooks.delete(id);
		return hook;
	}

	list(filter: (hook: StoredHook) => boolean = () => true): StoredHook[] {
		return [...this.hooks.values()].filter(filter);
	}

	clear(): void {
		this.hooks.clear();
	}

	/**
	 * Sends `event` to every hook that carries it (and covers `campaignId`), one delivery each, in
	 * the provider's form made by `build`.
	 */
	async deliver(
		event: string,
		campaignId: string | undefined,
		build: (hook: StoredHook) => Outgoing & { body: Record<string, unknown> },
	): Promise<DeliveryResult[]> {
		const targets = this.list(
			(hook) =>
				(hook.events.length === 0 || hook.events.includes(event)) &&
				(!hook.campaignId || !campaignId || hook.campaignId === campaignId) &&
				(this.scope?.(hook) ?? true),
		);
		return await Promise.all(
			targets.map(async (hook) => {
				const outgoing = build(hook);
				return { hookId: hook.id, url: hook.url, event, body: outgoing.body, ...(await this.send(outgoing)) };
			}),
		);
	}
}
