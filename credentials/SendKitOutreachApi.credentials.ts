import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

export class SendKitOutreachApi implements ICredentialType {
	name = 'sendKitOutreachApi';

	displayName = 'SendKit Outreach API';

	icon: Icon = { light: 'file:../nodes/SendKit/sendkit.svg', dark: 'file:../nodes/SendKit/sendkit.dark.svg' };

	documentationUrl = 'https://docs.sendkit.ai/getting-started';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A workspace API key (sk_…) or a platform API key (sk_user_…), from the API settings in SendKit',
		},
		{
			displayName: 'Workspace ID',
			name: 'workspaceId',
			type: 'string',
			default: '',
			description:
				'Required for a platform API key (sk_user_…): the workspace it acts in, sent as X-Workspace-Id. Leave empty for a workspace API key (sk_…): it belongs to one workspace and SendKit refuses the header with it.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.sendkit.ai',
			description: 'Change only to go through a proxy or a test server',
		},
		{
			displayName: 'Max Requests per Second',
			name: 'maxRequestsPerSecond',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100, numberPrecision: 0 },
			default: 10,
			description:
				'SendKit publishes no rate limit: requests are paced by the counters its answers report, and under this rate when they report none; a 429 is waited out as SendKit says',
		},
	];

	// A function, not the generic form: X-Workspace-Id must be left out entirely for workspace keys.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const apiKey = String(credentials.apiKey ?? '').trim();
		const headers: Record<string, string> = { 'X-Api-Key': apiKey };
		const workspaceId = String(credentials.workspaceId ?? '').trim();
		if (apiKey.startsWith('sk_user_') && workspaceId !== '') headers['X-Workspace-Id'] = workspaceId;
		return { ...requestOptions, headers: { ...(requestOptions.headers ?? {}), ...headers } };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/v1/workspaces',
		},
	};
}
