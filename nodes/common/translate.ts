/**
 * How one node runs another node's code unchanged: the Outreach node and trigger hand a provider's
 * operations and hooks a context that reads the provider's parameter names from the Outreach
 * node's own parameters (its `lead` as the provider's `leadId`, its events as the provider's
 * events). Every other call reaches n8n's context as it is.
 */

/** Reads one of the Outreach node's own parameters, for the item (or webhook call) being run. */
export type OwnParameter = (name: string, fallback?: unknown) => unknown;

/**
 * A provider parameter's value made from the Outreach node's parameters, or undefined where the
 * name is the same in both nodes (read as it is).
 */
export type Translate = (name: string, own: OwnParameter, itemIndex: number) => { value: unknown } | undefined;

type ParameterReader = (name: string, ...rest: unknown[]) => unknown;

/** `ctx` as the provider's code must see it: `getNodeParameter` answers through `translate`. */
export function withParameters<Context extends { getNodeParameter: unknown }>(ctx: Context, translate: Translate): Context {
	const read = ctx.getNodeParameter as ParameterReader;
	// Node runs take an item index first; hooks and webhooks have no items.
	const perItem = 'getInputData' in ctx;
	const getNodeParameter = (name: string, ...rest: unknown[]) => {
		const itemIndex = perItem ? Number(rest[0] ?? 0) : 0;
		const own: OwnParameter = (ownName, fallback) => (perItem ? read.call(ctx, ownName, itemIndex, fallback) : read.call(ctx, ownName, fallback));
		const translated = translate(name, own, itemIndex);
		return translated ? translated.value : read.call(ctx, name, ...rest);
	};
	return new Proxy(ctx, {
		get(target, property, receiver) {
			if (property === 'getNodeParameter') return getNodeParameter;
			return Reflect.get(target, property, receiver) as unknown;
		},
	});
}
