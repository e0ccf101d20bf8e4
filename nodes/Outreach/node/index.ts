import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isEmailAddress } from '../../common/leads';
import type { Operation, ResourceOperations, Resources } from '../../common/router';
import { withParameters } from '../../common/translate';
import type { LeadOperation, LeadStatus, Mapped, NodeAdapter } from '../vocabulary';
import { lemlistAdapter } from './lemlist';
import { sendKitAdapter } from './sendKit';
import { smartleadAdapter } from './smartlead';

const ADAPTERS: Record<string, NodeAdapter> = { lemlist: lemlistAdapter, sendKit: sendKitAdapter, smartlead: smartleadAdapter };

/** The adapter of a `provider` value; undefined for a value that names none. */
export const adapterOf = (provider: string): NodeAdapter | undefined =>
	Object.prototype.hasOwnProperty.call(ADAPTERS, provider) ? ADAPTERS[provider] : undefined;

/** Puts one record an operation answered in the shared shape. */
type Shape = (record: IDataObject, ctx: IExecuteFunctions, itemIndex: number) => IDataObject;

/** What an action leaves the lead as, whatever the provider's answer says of it. */
const STATUS_AFTER: Partial<Record<LeadOperation, LeadStatus>> = {
	pause: 'paused',
	resume: 'active',
	unsubscribe: 'unsubscribed',
	markInterested: 'interested',
	markNotInterested: 'notInterested',
};

/** Simplify on the Outreach node: the shared shape without `raw`, the provider's whole record. */
const withoutRaw = (record: IDataObject): IDataObject => Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'raw'));

/**
 * The provider's operation that serves one Outreach operation: it runs unchanged, on a context
 * that reads the provider's parameter names from the Outreach node's, and each record it answers
 * is put in the shared shape. Its own Simplify (fields of the provider's record) gives way to the
 * Outreach one, which keeps the shared shape.
 */
function serving(adapter: NodeAdapter, mapped: Mapped, shape: Shape): Operation {
	const operation = adapter.resources[mapped.resource]?.[mapped.operation];
	if (!operation) throw new Error(`${adapter.provider.name} has no operation ${mapped.resource} → ${mapped.operation}`);
	const translated = (ctx: IExecuteFunctions) => (mapped.translate ? withParameters(ctx, mapped.translate) : ctx);
	if ('sendBatch' in operation) {
		return {
			...operation,
			simplified: withoutRaw,
			async prepare(itemIndex, send) {
				return await operation.prepare.call(translated(this), itemIndex, send);
			},
			async sendBatch(batch, send) {
				const results = await operation.sendBatch.call(translated(this), batch, send);
				return results.map((result, index) => (result instanceof Error ? result : shape(result, this, batch.itemIndexes[index])));
			},
		};
	}
	return {
		...operation,
		simplified: withoutRaw,
		async execute(itemIndex, send) {
			const answer = await operation.execute.call(translated(this), itemIndex, send);
			return Array.isArray(answer) ? answer.map((record) => shape(record, this, itemIndex)) : shape(answer, this, itemIndex);
		},
	};
}

/** The address the item named the lead by (`lead`, or Add's `email`), when it is one. */
function addressGiven(ctx: IExecuteFunctions, itemIndex: number): string | null {
	for (const name of ['lead', 'email']) {
		const given = ctx.getNodeParameter(name, itemIndex, '') as unknown;
		if (typeof given === 'string' && isEmailAddress(given.trim())) return given.trim();
	}
	return null;
}

/** The Outreach node's resources for one provider: only the operations the provider can do. */
export function outreachResources(adapter: NodeAdapter): Resources {
	const lead: ResourceOperations = {};
	for (const [name, mapped] of Object.entries(adapter.lead) as Array<[LeadOperation, Mapped]>) {
		const after = STATUS_AFTER[name];
		lead[name] = serving(adapter, mapped, (record, ctx, itemIndex) => {
			const shaped = adapter.toLead(record);
			// An action's answer may not repeat the address the lead was found by; a read's records are other leads.
			const email = shaped.email ?? (name === 'getAll' ? null : addressGiven(ctx, itemIndex));
			return { ...shaped, email, ...(after ? { status: after } : {}) };
		});
	}
	const campaign: ResourceOperations = {};
	for (const [name, mapped] of Object.entries(adapter.campaign)) {
		campaign[name] = serving(adapter, mapped, (record) => adapter.toCampaign(record));
	}
	return { lead, campaign };
}
