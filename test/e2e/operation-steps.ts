/**
 * Every operation of every node, as test/e2e/operations.e2e.ts runs them in a real n8n: one
 * workflow per provider chains all its operations, each node run once (`executeOnce`) and going on
 * whatever it outputs. test/e2e/service-packages.e2e.ts runs the same workflows on the service
 * packages' node and credential types.
 */

export interface Step {
	name: string;
	parameters: Record<string, unknown>;
	/** How many items the node outputs. */
	items: number;
	/** What its first item holds. */
	first?: Record<string, unknown>;
	/** A request the step makes, as `METHOD path` with the path up to its query. */
	request: string;
}

const campaign = (value: string) => ({ __rl: true, mode: 'id', value });

export const LEMLIST: Step[] = [
	{ name: 'Get Campaign', parameters: { resource: 'campaign', operation: 'get', campaignId: campaign('cam_A1') }, items: 1, first: { _id: 'cam_A1' }, request: 'GET /api/campaigns/cam_A1' },
	{ name: 'Get Many Campaigns', parameters: { resource: 'campaign', operation: 'getAll', returnAll: false, limit: 5 }, items: 5, request: 'GET /api/campaigns' },
	{ name: 'Start Campaign', parameters: { resource: 'campaign', operation: 'start', campaignId: campaign('cam_B2') }, items: 1, first: { state: 'running' }, request: 'POST /api/campaigns/cam_B2/start' },
	{ name: 'Pause Campaign', parameters: { resource: 'campaign', operation: 'pause', campaignId: campaign('cam_B2') }, items: 1, first: { state: 'paused' }, request: 'POST /api/campaigns/cam_B2/pause' },
	{ name: 'Get Many Leads', parameters: { resource: 'campaignLead', operation: 'getAll', campaignId: campaign('cam_B2'), returnAll: true }, items: 250, request: 'GET /api/campaigns/cam_B2/export/leads' },
	{ name: 'Get Lead by Email', parameters: { resource: 'campaignLead', operation: 'get', campaignId: campaign('cam_A1'), leadId: 'ada@example.com' }, items: 1, request: 'GET /api/leads/ada%40example.com' },
	{ name: 'Pause Lead', parameters: { resource: 'campaignLead', operation: 'pause', campaignId: campaign('cam_A1'), leadId: 'lea_2' }, items: 1, first: { leadId: 'lea_2' }, request: 'POST /api/leads/pause/lea_2' },
	{ name: 'Resume Lead', parameters: { resource: 'campaignLead', operation: 'resume', campaignId: campaign('cam_A1'), leadId: 'lea_2' }, items: 1, first: { leadId: 'lea_2' }, request: 'POST /api/leads/start/lea_2' },
	{ name: 'Mark Interested', parameters: { resource: 'campaignLead', operation: 'markInterested', campaignId: campaign('cam_A1'), leadId: 'alan@example.com' }, items: 1, first: { leadId: 'lea_2' }, request: 'POST /api/campaigns/cam_A1/leads/lea_2/interested' },
	{ name: 'Mark Not Interested', parameters: { resource: 'campaignLead', operation: 'markNotInterested', campaignId: campaign('cam_A1'), leadId: 'lea_2' }, items: 1, first: { leadId: 'lea_2' }, request: 'POST /api/campaigns/cam_A1/leads/lea_2/notinterested' },
	{ name: 'Update Lead by Email', parameters: { resource: 'campaignLead', operation: 'update', campaignId: campaign('cam_A1'), leadId: 'ada@example.com', updateFields: { jobTitle: 'CTO' } }, items: 1, first: { _id: 'lea_1', jobTitle: 'CTO' }, request: 'PATCH /api/campaigns/cam_A1/leads/lea_1' },
	{ name: 'Unsubscribe Lead', parameters: { resource: 'campaignLead', operation: 'unsubscribe', campaignId: campaign('cam_A1'), leadId: 'lea_2' }, items: 1, first: { leadId: 'lea_2' }, request: 'DELETE /api/campaigns/cam_A1/leads/lea_2' },
	{ name: 'Get Campaign Stats', parameters: { resource: 'campaign', operation: 'getStats', campaignId: campaign('cam_A1'), startDate: '2024-01-01', endDate: '2024-12-31' }, items: 1, first: { campaignId: 'cam_A1' }, request: 'GET /api/v2/campaigns/cam_A1/stats' },
	{ name: 'Get Many Email Accounts', parameters: { resource: 'emailAccount', operation: 'getAll', returnAll: true }, items: 2, first: { userId: 'usr_2aBCdEfGHiJkLmNOp' }, request: 'GET /api/team/senders' },
	// The stand-in names a new lead from its campaign and address: lea_d2de76ebe54e63cf4.
	{ name: 'Add Lead', parameters: { resource: 'campaignLead', operation: 'add', campaignId: campaign('cam_A1'), email: 'eve.e2e@example.com', additionalFields: { firstName: 'Eve' } }, items: 1, first: { campaignId: 'cam_A1', email: 'eve.e2e@example.com', status: 'added' }, request: 'POST /api/campaigns/cam_A1/leads/' },
	{ name: 'Remove Lead by Email', parameters: { resource: 'campaignLead', operation: 'remove', campaignId: campaign('cam_A1'), leadId: 'eve.e2e@example.com' }, items: 1, first: { leadId: 'lea_d2de76ebe54e63cf4', status: 'removed' }, request: 'DELETE /api/campaigns/cam_A1/leads/lea_d2de76ebe54e63cf4' },
	{ name: 'Add to Do-Not-Contact List', parameters: { resource: 'doNotContact', operation: 'add', value: 'blocked.example' }, items: 1, first: { value: 'blocked.example', status: 'added' }, request: 'POST /api/unsubscribes/%40blocked.example' },
	{ name: 'Get Many Do-Not-Contact Entries', parameters: { resource: 'doNotContact', operation: 'getAll', returnAll: true }, items: 1, first: { value: '@blocked.example' }, request: 'GET /api/unsubscribes' },
	{ name: 'Remove from Do-Not-Contact List', parameters: { resource: 'doNotContact', operation: 'remove', value: 'blocked.example' }, items: 1, first: { value: 'blocked.example', status: 'removed' }, request: 'DELETE /api/unsubscribes/%40blocked.example' },
];

export const SMARTLEAD: Step[] = [
	{ name: 'Get Campaign', parameters: { resource: 'campaign', operation: 'get', campaignId: campaign('101') }, items: 1, first: { id: 101 }, request: 'GET /api/v1/campaigns/101' },
	{ name: 'Get Many Campaigns', parameters: { resource: 'campaign', operation: 'getAll', returnAll: false, limit: 2 }, items: 2, request: 'GET /api/v1/campaigns/' },
	{ name: 'Start Campaign', parameters: { resource: 'campaign', operation: 'start', campaignId: campaign('102') }, items: 1, first: { campaignId: 102 }, request: 'POST /api/v1/campaigns/102/status' },
	{ name: 'Pause Campaign', parameters: { resource: 'campaign', operation: 'pause', campaignId: campaign('102') }, items: 1, first: { campaignId: 102 }, request: 'POST /api/v1/campaigns/102/status' },
	{ name: 'Stop Campaign', parameters: { resource: 'campaign', operation: 'stop', campaignId: campaign('103') }, items: 1, first: { campaignId: 103 }, request: 'POST /api/v1/campaigns/103/status' },
	{ name: 'Get Many Leads', parameters: { resource: 'campaignLead', operation: 'getAll', campaignId: campaign('104'), returnAll: true }, items: 250, request: 'GET /api/v1/campaigns/104/leads' },
	{ name: 'Get Lead by Email', parameters: { resource: 'campaignLead', operation: 'get', campaignId: campaign('101'), leadId: 'ada@example.com' }, items: 1, request: 'GET /api/v1/leads/' },
	{ name: 'Pause Lead', parameters: { resource: 'campaignLead', operation: 'pause', campaignId: campaign('101'), leadId: '5002' }, items: 1, first: { leadId: 5002 }, request: 'POST /api/v1/campaigns/101/leads/5002/pause' },
	{ name: 'Resume Lead', parameters: { resource: 'campaignLead', operation: 'resume', campaignId: campaign('101'), leadId: '5002' }, items: 1, first: { leadId: 5002 }, request: 'POST /api/v1/campaigns/101/leads/5002/resume' },
	{ name: 'Update Category by Email', parameters: { resource: 'campaignLead', operation: 'updateCategory', campaignId: campaign('101'), leadId: 'ada@example.com', category_id: 1, pause_lead: true }, items: 1, first: { leadId: 5001 }, request: 'POST /api/v1/campaigns/101/leads/5001/category' },
	{ name: 'Update Lead by Email', parameters: { resource: 'campaignLead', operation: 'update', campaignId: campaign('101'), leadId: 'ada@example.com', email: 'ada@example.com', updateFields: { first_name: 'Ada' } }, items: 1, first: { leadId: 5001 }, request: 'POST /api/v1/campaigns/101/leads/5001' },
	{ name: 'Unsubscribe Lead', parameters: { resource: 'campaignLead', operation: 'unsubscribe', campaignId: campaign('101'), leadId: '5002' }, items: 1, first: { leadId: 5002 }, request: 'POST /api/v1/campaigns/101/leads/5002/unsubscribe' },
	{ name: 'Add Lead', parameters: { resource: 'campaignLead', operation: 'add', campaignId: campaign('101'), email: 'new.lead@fresh.example', additionalFields: { first_name: 'New' } }, items: 1, first: { campaignId: 101, email: 'new.lead@fresh.example', status: 'added' }, request: 'POST /api/v1/campaigns/101/leads' },
	// The lead unsubscribed above: no later step needs it.
	{ name: 'Remove Lead by Email', parameters: { resource: 'campaignLead', operation: 'remove', campaignId: campaign('101'), leadId: 'alan@example.com' }, items: 1, first: { leadId: 5002, status: 'removed' }, request: 'DELETE /api/v1/campaigns/101/leads/5002' },
	{ name: 'Block a Domain', parameters: { resource: 'doNotContact', operation: 'add', value: 'competitor.example' }, items: 1, first: { value: 'competitor.example', status: 'added' }, request: 'POST /api/v1/leads/add-domain-block-list' },
	// The two entries the stand-in starts with, and the domain just added.
	{ name: 'Get Block List', parameters: { resource: 'doNotContact', operation: 'getAll', returnAll: true }, items: 3, first: { email_or_domain: 'blocked.example' }, request: 'GET /api/v1/leads/get-domain-block-list' },
	{ name: 'Get Campaign Stats', parameters: { resource: 'campaign', operation: 'getStats', campaignId: campaign('104') }, items: 1, first: { id: 104, campaignId: 104 }, request: 'GET /api/v1/campaigns/104/analytics' },
	{ name: 'Get Campaign Stats by Date', parameters: { resource: 'campaign', operation: 'getStats', campaignId: campaign('104'), startDate: '2025-02-01', endDate: '2025-02-28' }, items: 1, first: { campaignId: 104, start_date: '2025-02-01', end_date: '2025-02-28' }, request: 'GET /api/v1/campaigns/104/analytics-by-date' },
	{ name: 'Get Many Email Accounts', parameters: { resource: 'emailAccount', operation: 'getAll', returnAll: false, limit: 5 }, items: 5, request: 'GET /api/v1/email-accounts/' },
];

export const CAMPAIGN = '665a1b2c3d4e5f6a7b8c9d0e';
export const SENDKIT: Step[] = [
	{ name: 'Get Campaign', parameters: { resource: 'campaign', operation: 'get', campaignId: campaign(CAMPAIGN) }, items: 1, first: { _id: CAMPAIGN }, request: `GET /v1/campaigns/${CAMPAIGN}` },
	{ name: 'Get Many Campaigns', parameters: { resource: 'campaign', operation: 'getAll', returnAll: false, limit: 3 }, items: 3, request: 'GET /v1/campaigns' },
	{ name: 'Start Campaign', parameters: { resource: 'campaign', operation: 'start', campaignId: campaign('665a00000000000000000005') }, items: 1, first: { campaignId: '665a00000000000000000005' }, request: 'POST /v1/campaigns/665a00000000000000000005/start' },
	{ name: 'Pause Campaign', parameters: { resource: 'campaign', operation: 'pause', campaignId: campaign('665a00000000000000000005') }, items: 1, first: { campaignId: '665a00000000000000000005' }, request: 'POST /v1/campaigns/665a00000000000000000005/pause' },
	{ name: 'Resume Campaign', parameters: { resource: 'campaign', operation: 'resume', campaignId: campaign('665a00000000000000000005') }, items: 1, first: { campaignId: '665a00000000000000000005' }, request: 'POST /v1/campaigns/665a00000000000000000005/resume' },
	{ name: 'Get Many Leads', parameters: { resource: 'campaignLead', operation: 'getAll', campaignId: campaign(CAMPAIGN), returnAll: true }, items: 250, request: `GET /v1/campaigns/${CAMPAIGN}/leads` },
	{ name: 'Get Lead by Email', parameters: { resource: 'campaignLead', operation: 'get', campaignId: campaign(CAMPAIGN), campaignLeadId: 'grace.hopper@example.com' }, items: 1, request: `GET /v1/campaigns/${CAMPAIGN}/leads` },
	{ name: 'Pause Lead', parameters: { resource: 'campaignLead', operation: 'pause', campaignId: campaign(CAMPAIGN), campaignLeadId: '666a1b2c3d4e5f6a7b8c9d01' }, items: 1, first: { status: 'paused' }, request: `PATCH /v1/campaigns/${CAMPAIGN}/leads/666a1b2c3d4e5f6a7b8c9d01` },
	{ name: 'Resume Lead by Email', parameters: { resource: 'campaignLead', operation: 'resume', campaignId: campaign(CAMPAIGN), campaignLeadId: 'ada@example.com' }, items: 1, first: { status: 'active' }, request: `PATCH /v1/campaigns/${CAMPAIGN}/leads/666a1b2c3d4e5f6a7b8c9d01` },
	{ name: 'Update Lead by Email', parameters: { resource: 'campaignLead', operation: 'update', campaignId: campaign(CAMPAIGN), campaignLeadId: 'ada@example.com', updateFields: { aiTag: 'Interested' } }, items: 1, first: { aiTag: 'Interested' }, request: `PATCH /v1/campaigns/${CAMPAIGN}/leads/666a1b2c3d4e5f6a7b8c9d01` },
	{ name: 'Unsubscribe Lead by Email', parameters: { resource: 'campaignLead', operation: 'unsubscribe', campaignId: campaign(CAMPAIGN), campaignLeadId: 'alan.turing@example.com' }, items: 1, first: { email: 'alan.turing@example.com' }, request: 'POST /v1/dnc' },
	{ name: 'Get Campaign Stats', parameters: { resource: 'campaign', operation: 'getStats', campaignId: campaign(CAMPAIGN) }, items: 1, first: { campaignId: CAMPAIGN }, request: `GET /v1/campaigns/${CAMPAIGN}/analytics` },
	// A lead of its own, added then removed: no later step needs it.
	{ name: 'Add Lead', parameters: { resource: 'campaignLead', operation: 'add', campaignId: campaign(CAMPAIGN), email: 'e2e.new.lead@example.org', additionalFields: { firstName: 'Eve' } }, items: 1, first: { email: 'e2e.new.lead@example.org', status: 'added' }, request: `POST /v1/campaigns/${CAMPAIGN}/leads` },
	{ name: 'Remove Lead by Email', parameters: { resource: 'campaignLead', operation: 'remove', campaignId: campaign(CAMPAIGN), campaignLeadId: 'e2e.new.lead@example.org' }, items: 1, first: { email: 'e2e.new.lead@example.org', status: 'removed' }, request: `POST /v1/campaigns/${CAMPAIGN}/leads/action` },
	{ name: 'Add to Do-Not-Contact List', parameters: { resource: 'doNotContact', operation: 'add', value: 'e2e-blocked.example' }, items: 1, first: { value: 'e2e-blocked.example', status: 'added' }, request: 'POST /v1/dnc' },
	{ name: 'Get Many Do-Not-Contact Entries', parameters: { resource: 'doNotContact', operation: 'getAll', returnAll: false, limit: 1 }, items: 1, request: 'GET /v1/dnc' },
	{ name: 'Remove from Do-Not-Contact List', parameters: { resource: 'doNotContact', operation: 'remove', value: 'e2e-blocked.example' }, items: 1, first: { value: 'e2e-blocked.example', status: 'removed' }, request: 'DELETE /v1/dnc' },
];

export const PROVIDERS = [
	{ provider: 'lemlist', id: 'e2eOpsLemlist001', type: 'lemlist', credential: 'lemlistOutreachApi', steps: LEMLIST },
	{ provider: 'smartlead', id: 'e2eOpsSmartlead1', type: 'smartlead', credential: 'smartleadOutreachApi', steps: SMARTLEAD },
	{ provider: 'sendkit', id: 'e2eOpsSendKit001', type: 'sendKit', credential: 'sendKitOutreachApi', steps: SENDKIT },
];

/** The sandbox credential a workflow names, as `Sandbox.credentials()` lists them. */
export interface Credential {
	id: string;
	name: string;
	type: string;
}

/**
 * A manual trigger, then each step once, whatever the one before it output. The nodes are the
 * `packageName` package's and use the credential of type `credentialType` from `credentials`.
 */
export function chain(
	{ id, type, credential, steps }: (typeof PROVIDERS)[number],
	credentials: Credential[],
	{ packageName = 'n8n-nodes-outreach', credentialType = credential } = {},
) {
	const { id: credentialId, name } = credentials.find((candidate) => candidate.type === credentialType)!;
	const trigger = { id: `${id}-0`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	const nodes = steps.map((step, index) => ({
		id: `${id}-${index + 1}`,
		name: step.name,
		type: `${packageName}.${type}`,
		typeVersion: 1,
		position: [220 * (index + 1), 0],
		executeOnce: true,
		alwaysOutputData: true,
		parameters: step.parameters,
		credentials: { [credentialType]: { id: credentialId, name } },
	}));
	const names = ['Start', ...steps.map((step) => step.name)];
	const connections = Object.fromEntries(names.slice(0, -1).map((from, index) => [from, { main: [[{ node: names[index + 1], type: 'main', index: 0 }]] }]));
	return { id, name: `e2e every ${type} operation`, nodes: [trigger, ...nodes], connections, settings: { executionOrder: 'v1' } };
}
