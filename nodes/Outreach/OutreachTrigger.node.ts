import type { IDataObject, IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { answerDelivery, ignore } from '../common/webhooks';
import { searchCampaigns } from './campaigns';
import { adapterOf, asProvider, chosenEvents, eventOf, itemOf, runLifecycle } from './trigger';

export class OutreachTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Outreach Trigger',
		name: 'outreachTrigger',
		icon: { light: 'file:outreach.svg', dark: 'file:outreach.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["provider"] + ": " + $parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when lemlist, Smartlead or SendKit reports a reply, interest, bounce, unsubscribe, open, click or send, as one item shape for all three',
		defaults: { name: 'Outreach Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'lemlistOutreachApi', required: true, displayOptions: { show: { provider: ['lemlist'] } } },
			{ name: 'smartleadOutreachApi', required: true, displayOptions: { show: { provider: ['smartlead'] } } },
			{ name: 'sendKitOutreachApi', required: true, displayOptions: { show: { provider: ['sendKit'] } } },
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName: 'Provider',
				name: 'provider',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Lemlist', value: 'lemlist' },
					{ name: 'SendKit', value: 'sendKit' },
					{ name: 'Smartlead', value: 'smartlead' },
				],
				default: 'lemlist',
				description: 'The outreach platform whose events start the workflow; the trigger registers its webhook there itself',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				description:
					'The events that start the workflow. Each item is {provider, event, occurredAt, campaign {ID, name}, lead {ID, email, firstName, lastName}, message {subject, text}, raw}; a field the provider did not send is null, never left out.',
				options: [
					{ name: 'Bounced', value: 'bounced', description: 'An email to the lead bounced' },
					{ name: 'Clicked', value: 'clicked', description: 'The lead clicked a link in an email' },
					{
						name: 'Interested',
						value: 'interested',
						description: 'The lead was marked interested (lemlist interest, Smartlead category "Interested", SendKit AI tag "Interested")',
					},
					{
						name: 'Not Interested',
						value: 'notInterested',
						description: 'The lead was marked not interested (lemlist, Smartlead category "Not Interested", SendKit AI tag "Not Interested")',
					},
					{ name: 'Opened', value: 'opened', description: 'The lead opened an email' },
					{ name: 'Replied', value: 'replied', description: 'The lead replied to an email of the campaign' },
					{ name: 'Sent', value: 'sent', description: 'An email of the campaign was sent to the lead' },
					{ name: 'Unsubscribed', value: 'unsubscribed', description: 'The lead unsubscribed' },
				],
			},
			{
				displayName: 'Campaign',
				name: 'campaignId',
				type: 'resourceLocator',
				default: { mode: 'list', value: '' },
				description: 'Only events of this campaign start the workflow; leave empty for every campaign',
				displayOptions: { show: { provider: ['lemlist'] } },
				modes: [
					{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchCampaigns', searchable: true } },
					{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. cam_aBcDeFgHiJkLmNoPq' },
				],
			},
			{
				displayName: 'Campaign',
				name: 'campaignId',
				type: 'resourceLocator',
				default: { mode: 'list', value: '' },
				required: true,
				description: 'The campaign whose events start the workflow; Smartlead keeps webhooks per campaign',
				displayOptions: { show: { provider: ['smartlead'] } },
				modes: [
					{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchCampaigns', searchable: true } },
					{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 1234567' },
				],
			},
			{
				displayName: 'Campaign',
				name: 'campaignId',
				type: 'resourceLocator',
				default: { mode: 'list', value: '' },
				description: 'Only events of this campaign start the workflow; leave empty for every campaign of the workspace',
				displayOptions: { show: { provider: ['sendKit'] } },
				modes: [
					{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchCampaigns', searchable: true } },
					{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 665a1b2c3d4e5f6a7b8c9d0e' },
				],
			},
		],
	};

	methods = { listSearch: { searchCampaigns } };

	/** The provider trigger's own registration, verification and clean-up, on its event names. */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await runLifecycle(this, 'checkExists');
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await runLifecycle(this, 'create');
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await runLifecycle(this, 'delete');
			},
		},
	};

	/**
	 * The provider trigger's answer to the delivery (401 unverified; 200 and nothing for another
	 * event or campaign); what it would start is then told as one unified event, started only when
	 * that event is chosen (a category or tag change may be neither interest event).
	 */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const adapter = adapterOf(this);
		const ctx = asProvider(this, adapter);
		const check = adapter.delivery(ctx);
		const answer = answerDelivery(ctx, check);
		const raw = answer.workflowData?.[0]?.[0]?.json as IDataObject | undefined;
		if (raw === undefined) return answer;
		const event = eventOf(adapter, String(check.event), raw);
		if (event === undefined || !chosenEvents(this).includes(event)) return ignore();
		return { workflowData: [[{ json: itemOf(adapter, event, raw) }]] };
	}
}
