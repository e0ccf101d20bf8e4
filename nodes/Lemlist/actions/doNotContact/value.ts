import type { INodeProperties } from 'n8n-workflow';

import type { AddressOrDomain } from '../../../common/fields';

/** The address or domain of a do-not-contact operation. */
export const valueParameter: INodeProperties = {
	displayName: 'Email or Domain',
	name: 'value',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. ada@example.com or example.com',
	description:
		'An email address, or a domain for every address of it. lemlist keeps a domain as "@example.com"; either form is taken.',
};

/** How lemlist keeps an entry on its list: a domain with "@" before it. */
export const listedForm = ({ kind, value }: AddressOrDomain) => (kind === 'domain' ? `@${value}` : value);
