import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class LemlistOutreachApi implements ICredentialType {
	name = 'lemlistOutreachApi';

	// "Outreach" tells it apart from n8n's built-in Lemlist credential in the credential picker.
	displayName = 'Lemlist Outreach API';

	icon: Icon = { light: 'file:../nodes/Lemlist/lemlist.svg', dark: 'file:../nodes/Lemlist/lemlist.dark.svg' };

	documentationUrl = 'https://developer.lemlist.com/api-reference/getting-started/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Your lemlist API key, from Settings → Integrations → API in lemlist',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.lemlist.com/api',
			description: 'Change only to go through a proxy or a test server',
		},
	];

	// lemlist takes HTTP Basic auth with an empty user name and the API key as the password.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '',
				password: '={{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/team',
		},
	};
}
