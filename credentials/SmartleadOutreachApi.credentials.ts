import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class SmartleadOutreachApi implements ICredentialType {
	name = 'smartleadOutreachApi';

	displayName = 'Smartlead Outreach API';

	icon: Icon = { light: 'file:../nodes/Smartlead/smartlead.svg', dark: 'file:../nodes/Smartlead/smartlead.dark.svg' };

	documentationUrl = 'https://api.smartlead.ai/reference/welcome';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Your Smartlead API key, from Settings → API Key in Smartlead',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://server.smartlead.ai/api/v1',
			description: 'Change only to go through a proxy or a test server',
		},
	];

	// Smartlead reads the key from the `api_key` query parameter of every request. The request
	// pipeline keeps that URL out of every error message and output item.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			qs: {
				api_key: '={{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/campaigns/',
		},
	};
}
