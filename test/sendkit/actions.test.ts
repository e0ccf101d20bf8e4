import { SENDKIT_SEED, type SendKitCampaignLead } from '../../sandbox/providers/sendkit';
import { expectNoSecret, useSendKit } from './sendkit-env';

const { env, run, platform } = useSendKit({
	campaignId: { __rl: true, mode: 'id', value: SENDKIT_SEED.campaignId },
});

const byId = (campaignId: string) => ({ __rl: true, mode: 'id', value: campaignId });
const campaignStatus = (campaignId: string) => env.mock.state.campaigns.get(campaignId)?.status;
const leadStatus = (campaignLeadId: string) => env.mock.state.campaignLeads.get(campaignLeadId)?.status;
const leadsPath = `/v1/campaigns/${SENDKIT_SEED.campaignId}/leads`;
const leadPath = (campaignLeadId: string) => `${leadsPath}/${campaignLeadId}`;
const wire = () => env.mock.requests.map((request) => [request.method, request.path, request.query, request.body]);
/** A lead on the third page of the 250-lead campaign, and its address. */
const lastLead = (): SendKitCampaignLead & { email: string } => {
	const leads = [...env.mock.state.campaignLeads.values()].filter((lead) => lead.campaignId === SENDKIT_SEED.campaignId).sort((a, b) => (a._id < b._id ? -1 : 1));
	const lead = leads[leads.length - 1];
	return { ...lead, email: env.mock.state.leads.get(lead.leadId)!.email };
};

describe('SendKit Campaign → Start, Pause, Resume', () => {
	const campaignAction = async (operation: string, campaignId: string, extra: Record<string, unknown> = {}) =>
		await run({ parameters: { resource: 'campaign', operation, campaignId: byId(campaignId) }, ...extra });

	it('Start POSTs …/start with no body and outputs SendKit\'s answer with the campaign ID', async () => {
		const { items, error } = await campaignAction('start', SENDKIT_SEED.readyDraftCampaignId);
		expect(error).toBeUndefined();
		expect(env.mock.requests).toHaveLength(1);
		expect(env.mock.requests[0]).toMatchObject({ method: 'POST', path: `/v1/campaigns/${SENDKIT_SEED.readyDraftCampaignId}/start`, query: {}, rawBody: '' });
		expect(items).toEqual([
			{
				json: { id: SENDKIT_SEED.readyDraftCampaignId, status: 'active', campaignId: SENDKIT_SEED.readyDraftCampaignId },
				pairedItem: { item: 0 },
			},
		]);
		expect(campaignStatus(SENDKIT_SEED.readyDraftCampaignId)).toBe('active');
	});

	it('Pause then Resume: each POSTs its path and the campaign shows the new status', async () => {
		const paused = await campaignAction('pause', SENDKIT_SEED.campaignId);
		expect(paused.items[0].json).toEqual({ id: SENDKIT_SEED.campaignId, status: 'paused', campaignId: SENDKIT_SEED.campaignId });
		expect(campaignStatus(SENDKIT_SEED.campaignId)).toBe('paused');
		const resumed = await campaignAction('resume', SENDKIT_SEED.campaignId);
		expect(resumed.items[0].json).toEqual({ id: SENDKIT_SEED.campaignId, status: 'active', campaignId: SENDKIT_SEED.campaignId });
		expect(campaignStatus(SENDKIT_SEED.campaignId)).toBe('active');
		expect(wire()).toEqual([
			['POST', `/v1/campaigns/${SENDKIT_SEED.campaignId}/pause`, {}, ''],
			['POST', `/v1/campaigns/${SENDKIT_SEED.campaignId}/resume`, {}, ''],
		]);
	});

	it.each([
		['start', SENDKIT_SEED.emptyDraftCampaignId, 'Campaign cannot be started: add at least one mailbox, one sequence step, one lead'],
		['start', SENDKIT_SEED.campaignId, 'Campaign is already active'],
		['pause', SENDKIT_SEED.pausedCampaignId, 'Only active campaigns can be paused; this campaign is paused'],
		['resume', SENDKIT_SEED.campaignId, 'Only paused campaigns can be resumed; this campaign is active'],
		['resume', '665a0000000000000000ffff', 'Campaign not found'],
	])('%s %s: SendKit\'s refusal is the error', async (operation, campaignId, message) => {
		const before = campaignStatus(campaignId);
		const { error, run: execution } = await campaignAction(operation, campaignId);
		expect(error).toMatchObject({ name: 'NodeApiError', message: expect.stringMatching(/^SendKit answered (400|404): /) });
		expect(error?.message).toContain(message);
		expect(campaignStatus(campaignId)).toBe(before);
		expectNoSecret(execution, SENDKIT_SEED.workspaceKey);
	});

	it('with continue on fail, one refused campaign does not stop the others', async () => {
		const { items, error } = await run({
			parameters: { resource: 'campaign', operation: 'resume', campaignId: byId('={{ $json.id }}') },
			items: [{ id: SENDKIT_SEED.pausedCampaignId }, { id: SENDKIT_SEED.campaignId }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.pairedItem, item.json.status ?? item.json.error])).toEqual([
			[{ item: 0 }, 'active'],
			[{ item: 1 }, 'SendKit answered 400: Only paused campaigns can be resumed; this campaign is active'],
		]);
	});

	it('a platform key acts in the workspace it names', async () => {
		const own = await campaignAction('pause', SENDKIT_SEED.campaignId, { credential: platform() });
		expect(own.error).toBeUndefined();
		expect(env.mock.requests[0].headers['x-workspace-id']).toBe(SENDKIT_SEED.workspaceIds[0]);
		const other = await campaignAction('resume', SENDKIT_SEED.campaignId, { credential: platform(SENDKIT_SEED.workspaceIds[1]) });
		expect(other.error).toMatchObject({ httpCode: '404', message: 'SendKit answered 404: Campaign not found' });
	});

	it('refuses an empty campaign before any request', async () => {
		const { error } = await campaignAction('start', '={{ "" }}');
		expect(error?.message).toBe('Campaign (campaignId) is empty');
		expect(env.mock.requests).toHaveLength(0);
	});
});

describe('SendKit Campaign Lead → Pause, Resume', () => {
	const leadAction = async (operation: string, campaignLeadId: string, extra: Record<string, unknown> = {}) =>
		await run({ parameters: { resource: 'campaignLead', operation, campaignLeadId }, ...extra });

	it('Pause by ID PATCHes {status: "paused"} and outputs the lead as it now is, with the IDs', async () => {
		const { items, error } = await leadAction('pause', SENDKIT_SEED.campaignLeadId);
		expect(error).toBeUndefined();
		expect(wire()).toEqual([['PATCH', leadPath(SENDKIT_SEED.campaignLeadId), {}, { status: 'paused' }]]);
		expect(items).toEqual([
			{
				json: {
					_id: SENDKIT_SEED.campaignLeadId,
					campaignId: SENDKIT_SEED.campaignId,
					status: 'paused',
					aiTag: null,
					currentSequenceStep: 1,
					replied: false,
					addedAt: '2025-06-15T09:00:00.000Z',
					campaignLeadId: SENDKIT_SEED.campaignLeadId,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(leadStatus(SENDKIT_SEED.campaignLeadId)).toBe('paused');
	});

	it('a paused lead shows paused in Get Many, and Resume by email makes it active again', async () => {
		await leadAction('pause', SENDKIT_SEED.campaignLeadId);
		env.mock.reset();
		await leadAction('pause', SENDKIT_SEED.campaignLeadId);
		const listed = await run({ parameters: { resource: 'campaignLead', operation: 'getAll', returnAll: true, filters: { status: 'paused' } } });
		expect(listed.items.map((item) => item.json._id)).toContain(SENDKIT_SEED.campaignLeadId);

		env.mock.requests.length = 0;
		const { items } = await leadAction('resume', 'ADA@example.com');
		expect(wire()).toEqual([
			['GET', leadsPath, { limit: '100' }, ''],
			['PATCH', leadPath(SENDKIT_SEED.campaignLeadId), {}, { status: 'active' }],
		]);
		expect(items[0].json).toMatchObject({ _id: SENDKIT_SEED.campaignLeadId, status: 'active', campaignLeadId: SENDKIT_SEED.campaignLeadId });
		expect(leadStatus(SENDKIT_SEED.campaignLeadId)).toBe('active');
	});

	it('Pause by the email of a lead on the third page reads three pages, then PATCHes that lead', async () => {
		const lead = lastLead();
		const { items } = await leadAction('pause', lead.email);
		expect(env.mock.requests.map((request) => [request.method, request.path])).toEqual([
			['GET', leadsPath],
			['GET', leadsPath],
			['GET', leadsPath],
			['PATCH', leadPath(lead._id)],
		]);
		expect(items[0].json).toMatchObject({ _id: lead._id, status: 'paused' });
	});

	it('an address that is no lead of the campaign fails the item, naming it, and changes nothing', async () => {
		const { error } = await leadAction('pause', 'nobody@example.com');
		expect(error?.message).toBe(`No lead with the email address "nobody@example.com" in campaign ${SENDKIT_SEED.campaignId}`);
		expect(env.mock.requests.every((request) => request.method === 'GET')).toBe(true);
	});

	it('with continue on fail, a miss is an error item and the other leads are paused', async () => {
		const { items, error } = await run({
			parameters: { resource: 'campaignLead', operation: 'pause', campaignLeadId: '={{ $json.lead }}' },
			items: [{ lead: 'nobody@example.com' }, { lead: 'alan.turing@example.com' }, { lead: SENDKIT_SEED.interestedLeadId }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.pairedItem, item.json.error ?? item.json.status])).toEqual([
			[{ item: 0 }, `No lead with the email address "nobody@example.com" in campaign ${SENDKIT_SEED.campaignId}`],
			[{ item: 1 }, 'paused'],
			[{ item: 2 }, 'paused'],
		]);
		expect(leadStatus('666a1b2c3d4e5f6a7b8c9d03')).toBe('paused');
		expect(leadStatus(SENDKIT_SEED.interestedLeadId)).toBe('paused');
	});

	it('carries SendKit\'s 404 for an ID that is no campaign lead', async () => {
		const { error } = await leadAction('resume', SENDKIT_SEED.leadId);
		expect(error).toMatchObject({ httpCode: '404', message: 'SendKit answered 404: Campaign lead not found' });
		expect(wire()).toEqual([['PATCH', leadPath(SENDKIT_SEED.leadId), {}, { status: 'active' }]]);
	});

	it('refuses an empty lead before any request', async () => {
		const { error } = await leadAction('pause', '={{ $json.nothing }}');
		expect(error?.message).toBe('Campaign Lead ID (campaignLeadId) is empty');
		expect(env.mock.requests).toHaveLength(0);
	});
});

describe('SendKit Campaign Lead → Unsubscribe (the do-not-contact list)', () => {
	const unsubscribe = async (campaignLeadId: string, extra: Record<string, unknown> = {}, options: Parameters<typeof run>[0] = {}) =>
		await run({ parameters: { resource: 'campaignLead', operation: 'unsubscribe', campaignLeadId, ...extra }, ...options });

	it('by ID: finds the lead\'s address, POSTs it to /v1/dnc as an email entry with the reason, outputs the answer and the IDs', async () => {
		const { items, error } = await unsubscribe(SENDKIT_SEED.campaignLeadId, { reason: ' Asked to be removed ' });
		expect(error).toBeUndefined();
		expect(wire()).toEqual([
			['GET', leadsPath, { limit: '100' }, ''],
			['POST', '/v1/dnc', {}, { entries: [SENDKIT_SEED.leadEmail], type: 'email', reason: 'Asked to be removed' }],
		]);
		expect(items).toEqual([
			{
				json: { added: 1, skipped: 0, campaignId: SENDKIT_SEED.campaignId, campaignLeadId: SENDKIT_SEED.campaignLeadId, email: SENDKIT_SEED.leadEmail },
				pairedItem: { item: 0 },
			},
		]);
		expect(env.mock.dncEntries()).toEqual([{ value: SENDKIT_SEED.leadEmail, type: 'email', reason: 'Asked to be removed', createdAt: expect.any(String) }]);
	});

	it('by email: sends the address SendKit holds for the lead, without a reason when none is given', async () => {
		const { items } = await unsubscribe('grace.hopper@example.com');
		expect(env.mock.requests[1].body).toEqual({ entries: ['Grace.Hopper@example.com'], type: 'email' });
		expect(items[0].json).toMatchObject({ campaignLeadId: SENDKIT_SEED.interestedLeadId, email: 'Grace.Hopper@example.com' });
		const again = await unsubscribe('grace.hopper@example.com');
		expect(again.items[0].json).toMatchObject({ added: 0, skipped: 1 });
	});

	it('an address that is no lead of the campaign fails the item, naming it, and nothing is listed', async () => {
		const { error } = await unsubscribe('kim.lee@acmerobotics.example');
		expect(error?.message).toBe(`No lead with the email address "kim.lee@acmerobotics.example" in campaign ${SENDKIT_SEED.campaignId}`);
		expect(env.mock.requests.some((request) => request.path === '/v1/dnc')).toBe(false);
		expect(env.mock.dncEntries()).toEqual([]);
	});

	it('an ID that is no campaign lead of the campaign fails the item, naming it', async () => {
		const { error } = await unsubscribe('666a00000000000000000bad');
		expect(error?.message).toBe(`No lead with the Campaign Lead ID "666a00000000000000000bad" in campaign ${SENDKIT_SEED.campaignId}`);
		expect(env.mock.dncEntries()).toEqual([]);
	});

	it('a platform key lists the address in the workspace it names', async () => {
		const { error } = await unsubscribe(SENDKIT_SEED.campaignLeadId, {}, { credential: platform() });
		expect(error).toBeUndefined();
		expect(env.mock.requests.map((request) => request.headers['x-workspace-id'])).toEqual([SENDKIT_SEED.workspaceIds[0], SENDKIT_SEED.workspaceIds[0]]);
		expect(env.mock.dncEntries(SENDKIT_SEED.workspaceIds[0])).toHaveLength(1);
	});

	it('refuses a reason that is not text before any request', async () => {
		const { error } = await unsubscribe(SENDKIT_SEED.campaignLeadId, { reason: '={{ { "why": 1 } }}' });
		expect(error?.message).toContain('Reason (reason) must be text');
		expect(env.mock.requests).toHaveLength(0);
	});
});

describe('SendKit Campaign Lead → Update, given an email address', () => {
	const update = async (campaignLeadId: string, updateFields: Record<string, unknown>) =>
		await run({ parameters: { resource: 'campaignLead', operation: 'update', campaignLeadId, updateFields } });

	it('looks the address up in the campaign and updates that lead', async () => {
		const lead = lastLead();
		const { items, error } = await update(lead.email.toUpperCase(), { status: 'paused', aiTag: 'Meeting Booked' });
		expect(error).toBeUndefined();
		expect(env.mock.requests.map((request) => request.method)).toEqual(['GET', 'GET', 'GET', 'PATCH']);
		expect(env.mock.requests[3]).toMatchObject({ path: leadPath(lead._id), body: { status: 'paused', aiTag: 'Meeting Booked' } });
		expect(items[0].json).toMatchObject({ _id: lead._id, status: 'paused', aiTag: 'Meeting Booked' });
		expect(env.mock.state.campaignLeads.get(lead._id)).toMatchObject({ status: 'paused', aiTag: 'Meeting Booked' });
	});

	it('an address that is no lead of the campaign fails the item, naming it, and nothing is updated', async () => {
		const { error } = await update('nobody@example.com', { status: 'paused' });
		expect(error?.message).toBe(`No lead with the email address "nobody@example.com" in campaign ${SENDKIT_SEED.campaignId}`);
		expect(env.mock.requests.some((request) => request.method === 'PATCH')).toBe(false);
	});

	it('bad fields are refused before the address is looked up', async () => {
		const { error } = await update(SENDKIT_SEED.leadEmail, {});
		expect(error?.message).toBe('Nothing to update');
		expect(env.mock.requests).toHaveLength(0);
	});
});
