import type { IDataObject } from 'n8n-workflow';

import { isRecord } from '../../common/records';
import type { OwnParameter, Translate } from '../../common/translate';
import type { LeadField, LeadStatus } from '../vocabulary';

/** Every lead operation: the Outreach node's `lead` (an ID or an address) is the provider's `leadId`. */
export const leadParameters: Translate = (name, own) => (name === 'leadId' ? { value: own('lead', '') } : undefined);

/** Custom fields as the Outreach node takes them: `{field: [{name, value}]}`. */
function customRows(fields: IDataObject): IDataObject[] {
	const custom = fields.customFields;
	if (custom === undefined || custom === null || custom === '') return [];
	const rows = isRecord(custom) ? custom.field : undefined;
	if (!Array.isArray(rows)) throw new Error('Fields → Custom Fields must be a list of name/value pairs');
	return rows as IDataObject[];
}

/**
 * The Outreach node's `fields` as a provider's collection of lead fields: each shared name turned
 * into the provider's (`names`); a field the provider's operation does not take fails the item
 * before any request, naming it. Custom fields go to the provider's name/value list
 * (`customCollection` of `row` rows) where it has one.
 */
export function leadFields(provider: string, names: Partial<Record<LeadField, string>>) {
	return (collection: string, customCollection?: string, row = 'field'): Translate =>
		(name, own, itemIndex) => {
			if (name === 'leadId') return leadParameters(name, own, itemIndex);
			if (name !== collection && name !== customCollection) return undefined;
			const given = own('fields', {});
			const fields = isRecord(given) ? given : {};
			if (name === customCollection) {
				const rows = customRows(fields);
				return { value: rows.length ? { [row]: rows } : {} };
			}
			const mapped: IDataObject = {};
			for (const [field, value] of Object.entries(fields)) {
				if (field === 'customFields') {
					if (customRows(fields).length && !customCollection) throw new Error(`${provider} takes no custom fields here`);
					continue;
				}
				const theirs = Object.prototype.hasOwnProperty.call(names, field) ? names[field as LeadField] : undefined;
				if (!theirs) throw new Error(`${provider} does not take the field "${field}" here; its fields are: ${Object.keys(names).join(', ')}`);
				mapped[theirs] = value;
			}
			return { value: mapped };
		};
}

/**
 * Get Many's `filters.status` in the shared vocabulary as the provider's filters (`toFilters`);
 * a status the provider cannot filter by fails the item before any request.
 */
export function statusFilter(provider: string, toFilters: (status: LeadStatus) => IDataObject | undefined): Translate {
	return (name: string, own: OwnParameter) => {
		if (name !== 'filters') return undefined;
		const given = own('filters', {});
		const status = isRecord(given) ? given.status : undefined;
		if (status === undefined || status === '' || status === null) return { value: {} };
		const filters = toFilters(status as LeadStatus);
		if (!filters) throw new Error(`${provider} cannot list leads by the status "${String(status)}"`);
		return { value: filters };
	};
}
