import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { providerMessage } from '../../../common/errors';
import { isRecord } from '../../../common/records';
import type { Batch } from '../../../common/router';
import { exactId } from '../ids';

/**
 * What Smartlead's answer to `POST /campaigns/{id}/leads` says about each lead of the request. The
 * answer's shape is not pinned by Smartlead's docs [?] (docs/providers/smartlead.md, "Adding leads:
 * the answer"): it is read tolerantly, by the keys below, and kept whole in every item's `batch`.
 */

/** Why a lead was not added, in the words every provider's Add uses. */
type Reason = 'alreadyInCampaign' | 'duplicate' | 'blockList' | 'unsubscribed' | 'invalidEmail' | 'bounced' | 'leadLimit' | 'notAdded';

/** Counters of leads left out, by reason; a list counts as its length. */
const SKIP_COUNTERS: Array<[string, Reason]> = [
	['already_added_to_campaign', 'alreadyInCampaign'],
	['duplicate_count', 'duplicate'],
	['block_count', 'blockList'],
	['blocked_count', 'blockList'],
	['unsubscribed_leads', 'unsubscribed'],
	['unsubscribed_count', 'unsubscribed'],
	['invalid_email_count', 'invalidEmail'],
	['invalid_emails', 'invalidEmail'],
	['bounce_count', 'bounced'],
	['lead_import_stopped_count', 'leadLimit'],
	// The newer guide's total of leads left out, whatever the reason.
	['skipped_count', 'notAdded'],
];

/** Counters of leads added, tried in this order. */
const ADDED_COUNTERS = ['upload_count', 'inserted_count', 'added_count'];

/** The reason a list of the answer stands for, by its key (`unsubscribed_leads`, `invalid_emails`…). */
function reasonOfList(key: string): Reason | undefined {
	if (/unsubscrib/i.test(key)) return 'unsubscribed';
	if (/invalid/i.test(key)) return 'invalidEmail';
	if (/block/i.test(key)) return 'blockList';
	if (/already/i.test(key)) return 'alreadyInCampaign';
	if (/duplicate/i.test(key)) return 'duplicate';
	if (/bounce/i.test(key)) return 'bounced';
	return undefined;
}

/** A count as Smartlead may write it: a number, a number in a string, or a list's length. */
function countOf(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value);
	if (Array.isArray(value)) return value.length;
	return undefined;
}

/** The addresses each list of the answer names, lower-cased, with the reason of the list. */
function namedLeads(answer: IDataObject): Map<string, Reason> {
	const named = new Map<string, Reason>();
	for (const [key, value] of Object.entries(answer)) {
		const reason = Array.isArray(value) ? reasonOfList(key) : undefined;
		if (!reason) continue;
		for (const entry of value as unknown[]) {
			const address = typeof entry === 'string' ? entry : isRecord(entry) && typeof entry.email === 'string' ? entry.email : undefined;
			if (address) named.set(address.trim().toLowerCase(), reason);
		}
	}
	return named;
}

const emailOf = (entry: IDataObject) => String(entry.email ?? '').trim().toLowerCase();

/**
 * One result per lead of `batch`, in order, from Smartlead's answer:
 * - a lead the answer names as invalid is refused: an Error for that item alone;
 * - a lead named in another list (unsubscribed…) is `skipped`, with the reason of the list;
 * - the others are `added` when the counts prove it (as many added as leads not named), `skipped`
 *   when nothing at all was added (the reason from the counters that are left), else
 *   `batchCounts`: the counts are the batch's, and do not say which lead they are about.
 * An answer `{ok: false}` fails every lead of the batch with Smartlead's message.
 */
export function addOutcomes(ctx: IExecuteFunctions, batch: Batch, answer: unknown): Array<IDataObject | Error> {
	const campaignId = exactId(String(batch.group.campaignId));
	const record = isRecord(answer) ? answer : {};
	const size = batch.entries.length;
	if (record.ok === false) {
		throw new NodeOperationError(ctx.getNode(), `Smartlead did not add the leads: ${providerMessage(record) ?? 'it answered ok: false'}`, {
			itemIndex: batch.itemIndexes[0],
			description: `POST /campaigns/${campaignId}/leads answered ok: false for a request of ${size} leads.`,
		});
	}
	const named = namedLeads(record);
	const batchInfo: IDataObject = isRecord(answer) ? { size, ...answer } : { size, response: (answer ?? null) as IDataObject[string] };

	// What the counters say beyond the leads the answer names.
	const namedByReason = new Map<Reason, number>();
	for (const entry of batch.entries) {
		const reason = named.get(emailOf(entry));
		if (reason) namedByReason.set(reason, (namedByReason.get(reason) ?? 0) + 1);
	}
	const counted = new Map<Reason, number>();
	for (const [key, reason] of SKIP_COUNTERS) {
		const count = countOf(record[key]);
		if (count !== undefined) counted.set(reason, Math.max(counted.get(reason) ?? 0, count));
	}
	const left = [...counted].filter(([reason, count]) => count > (namedByReason.get(reason) ?? 0)).map(([reason]) => reason);
	const unnamed = size - [...namedByReason.values()].reduce((sum, count) => sum + count, 0);
	const added = ADDED_COUNTERS.map((key) => countOf(record[key])).find((count) => count !== undefined);

	let others: { status: string; reason?: string };
	if (added !== undefined ? added >= unnamed : counted.size > 0 && left.length === 0) others = { status: 'added' };
	else if (added === 0) others = { status: 'skipped', reason: left.join(' or ') || 'notAdded' };
	else others = { status: 'batchCounts' };

	return batch.entries.map((entry, position) => {
		const email = String(entry.email ?? '');
		const reason = named.get(emailOf(entry));
		if (reason === 'invalidEmail') {
			return new NodeOperationError(ctx.getNode(), `Smartlead refused the lead "${email}": not a valid email address`, {
				itemIndex: batch.itemIndexes[position],
				description: `Smartlead named it among the invalid emails of its answer; the other leads of the request (campaign ${campaignId}) were not affected.`,
			});
		}
		const outcome = reason ? { status: 'skipped', reason } : others;
		return { campaignId, email, ...outcome, lead: entry, batch: batchInfo };
	});
}
