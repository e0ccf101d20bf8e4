import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../common/descriptions';
import { readLimit, readPages } from '../../../common/paging';
import type { Send } from '../../../common/router';
import { offsetListPages } from '../pages';

export const properties: INodeProperties[] = [...returnAllOrLimit];

/** Simplify keeps the mailbox, its health and how much it sends. */
export const simplified = [
	'id',
	'from_name',
	'from_email',
	'type',
	'is_smtp_success',
	'is_imap_success',
	'message_per_day',
	'daily_sent_count',
	'campaign_count',
	'warmup_details.status',
];

/** Secrets an account record carries (its SMTP and IMAP passwords): never put into an output item. */
const SECRET = /password/i;

/**
 * The account's sending mailboxes, `GET /email-accounts/?offset&limit` (at most 100 a page), one
 * item per account as Smartlead answers it, without the SMTP and IMAP passwords it includes.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, send: Send): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const accounts = await readPages(
		'Smartlead',
		limit,
		offsetListPages(this, itemIndex, send, { path: '/email-accounts/', maxPageSize: 100, listKeys: ['data', 'email_accounts'] }),
	);
	return accounts.map((account) => Object.fromEntries(Object.entries(account).filter(([key]) => !SECRET.test(key))));
}
