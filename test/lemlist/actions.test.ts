import type { RecordedRequest } from '../../sandbox/providers/http-mock';
import { useLemlist } from './lemlist-env';

const { env, run } = useLemlist({ resource: 'campaignLead', campaignId: { __rl: true, mode: 'id', value: 'cam_A1' } });

const campaign = (id: string) => ({ __rl: true, mode: 'id', value: id });
const wire = (request: RecordedRequest) => ({ method: request.method, path: request.path, query: request.query, body: request.body });
const lead = (id: string) => env.mock.state.leads.get(id)!;

const act = async (operation: string, parameters: Record<string, unknown>, extra: { items?: object[]; continueOnFail?: boolean } = {}) =>
	await run({ parameters: { operation, ...parameters }, ...extra });

describe('lemlist Campaign → Start / Pause', () => {
	it('Start: POST /campaigns/{id}/start, lemlist\'s answer with the campaign ID; the campaign runs', async () => {
		const { items, error } = await run({ parameters: { resource: 'campaign', operation: 'start', campaignId: campaign('cam_B2') } });
		expect(error).toBeUndefined();
		expect(env.mock.requests.map(wire)).toEqual([{ method: 'POST', path: '/api/campaigns/cam_B2/start', query: {}, body: '' }]);
		expect(items).toEqual([{ json: { _id: 'cam_B2', state: 'running', campaignId: 'cam_B2' }, pairedItem: { item: 0 } }]);
		expect(env.mock.state.campaigns.get('cam_B2')!.status).toBe('running');
	});

	it('Pause: POST /campaigns/{id}/pause; the campaign is paused afterwards', async () => {
		const { items } = await run({ parameters: { resource: 'campaign', operation: 'pause', campaignId: campaign('cam_A1') } });
		expect(env.mock.requests.map(wire)).toEqual([{ method: 'POST', path: '/api/campaigns/cam_A1/pause', query: {}, body: '' }]);
		expect(items[0].json).toEqual({ _id: 'cam_A1', state: 'paused', campaignId: 'cam_A1' });

		const reread = await run({ parameters: { resource: 'campaign', operation: 'get', campaignId: campaign('cam_A1') } });
		expect(reread.items[0].json.status).toBe('paused');
	});

	it('one request per item, each campaign its own', async () => {
		const { items } = await run({
			parameters: { resource: 'campaign', operation: 'start', campaignId: campaign('={{ $json.id }}') },
			items: [{ id: 'cam_B2' }, { id: 'cam_DYN' }],
		});
		expect(items.map((item) => [item.json.campaignId, item.json.state, item.pairedItem])).toEqual([
			['cam_B2', 'running', { item: 0 }],
			['cam_DYN', 'running', { item: 1 }],
		]);
	});

	it('shows lemlist\'s own message for an unknown campaign; with continue on fail as an error item', async () => {
		const { items } = await run({
			parameters: { resource: 'campaign', operation: 'pause', campaignId: campaign('={{ $json.id }}') },
			items: [{ id: 'cam_nope' }, { id: 'cam_B2' }],
			continueOnFail: true,
		});
		expect(items.map((item) => item.json.error ?? item.json.state)).toEqual(['lemlist answered 404: Campaign not found', 'paused']);
	});
});

describe('lemlist Campaign Lead → Pause / Resume', () => {
	it('Pause by ID: POST /leads/pause/{id}?campaignId=, in this campaign only', async () => {
		const { items, error } = await act('pause', { leadId: 'lea_1' });
		expect(error).toBeUndefined();
		expect(env.mock.requests.map(wire)).toEqual([{ method: 'POST', path: '/api/leads/pause/lea_1', query: { campaignId: 'cam_A1' }, body: '' }]);
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({
			campaignId: 'cam_A1',
			leadId: 'lea_1',
			leads: [expect.objectContaining({ _id: 'lea_1', campaignId: 'cam_A1', isPaused: true })],
		});
		expect(lead('lea_1').isPaused).toBe(true);
		// The same contact in the other campaign goes on.
		expect(lead('lea_EU001').isPaused).toBe(false);
	});

	it('Pause by email in all campaigns: one lookup, then the pause without a campaign; the lead shows paused after', async () => {
		const { items } = await act('pause', { leadId: 'ada@example.com', allCampaigns: true });
		expect(env.mock.requests.map(wire)).toEqual([
			{ method: 'GET', path: '/api/leads/ada%40example.com', query: { version: 'v2' }, body: '' },
			{ method: 'POST', path: '/api/leads/pause/lea_1', query: {}, body: '' },
		]);
		expect(items[0].json).toMatchObject({ campaignId: 'cam_A1', leadId: 'lea_1', email: 'ada@example.com' });
		expect((items[0].json.leads as Array<{ _id: string; isPaused: boolean }>).map((entry) => [entry._id, entry.isPaused])).toEqual([
			['lea_1', true],
			['lea_EU001', true],
		]);

		const reread = await act('get', { leadId: 'ada@example.com', campaignId: campaign('cam_B2') });
		expect(reread.items[0].json).toMatchObject({ _id: 'lea_EU001', isPaused: true, status: 'paused' });
	});

	it('Resume: POST /leads/start/{id} with no campaign; the lead is no longer paused', async () => {
		expect(lead('lea_EU009').isPaused).toBe(true);
		const { items } = await act('resume', { campaignId: campaign('cam_B2'), leadId: 'lea_EU009' });
		expect(env.mock.requests.map(wire)).toEqual([{ method: 'POST', path: '/api/leads/start/lea_EU009', query: {}, body: '' }]);
		expect(items[0].json).toEqual({
			campaignId: 'cam_B2',
			leadId: 'lea_EU009',
			leads: [expect.objectContaining({ _id: 'lea_EU009', isPaused: false })],
		});
		expect(lead('lea_EU009').isPaused).toBe(false);
	});

	it('Resume by email looks the lead up in the chosen campaign', async () => {
		const email = lead('lea_EU018').email;
		await act('resume', { campaignId: campaign('cam_B2'), leadId: email });
		expect(env.mock.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET /api/leads/${encodeURIComponent(email)}`,
			'POST /api/leads/start/lea_EU018',
		]);
	});

	it('carries lemlist\'s words for a lead in the graveyard, without retrying', async () => {
		const { error } = await act('pause', { leadId: 'lea_GRAVE' });
		expect(error).toMatchObject({ httpCode: '500', message: 'lemlist answered 500: Lead in graveyard' });
		expect(env.mock.requests).toHaveLength(1);
	});

	it('shows lemlist\'s own message for an unknown lead', async () => {
		const { error } = await act('resume', { leadId: 'lea_nope' });
		expect(error).toMatchObject({ httpCode: '404', message: 'lemlist answered 404: Lead not found' });
	});
});

describe('lemlist Campaign Lead → Unsubscribe', () => {
	it('from this campaign: DELETE /campaigns/{id}/leads/{id}; the lead shows unsubscribed', async () => {
		const { items, error } = await act('unsubscribe', { leadId: 'lea_2' });
		expect(error).toBeUndefined();
		expect(env.mock.requests.map(wire)).toEqual([{ method: 'DELETE', path: '/api/campaigns/cam_A1/leads/lea_2', query: {}, body: '' }]);
		expect(items[0].json).toEqual(expect.objectContaining({ _id: 'lea_2', email: 'alan@example.com', campaignId: 'cam_A1', leadId: 'lea_2' }));
		expect(lead('lea_2').state).toBe('emailsUnsubscribed');

		const reread = await act('getAll', { returnAll: true, filters: { state: ['emailsUnsubscribed'] } });
		expect(reread.items.map((item) => [item.json._id, item.json.status])).toEqual([['lea_2', 'unsubscribed']]);
	});

	it('from all campaigns, given an ID: reads the lead for its address, then POST /unsubscribes/{email}', async () => {
		const { items } = await act('unsubscribe', { leadId: 'lea_1', allCampaigns: true });
		expect(env.mock.requests.map(wire)).toEqual([
			{ method: 'GET', path: '/api/leads', query: { id: 'lea_1', version: 'v2' }, body: '' },
			{ method: 'POST', path: '/api/unsubscribes/ada%40example.com', query: {}, body: '' },
		]);
		expect(items[0].json).toEqual({
			_id: 'uns_00000000000000001',
			value: 'ada@example.com',
			email: 'ada@example.com',
			campaignId: 'cam_A1',
			leadId: 'lea_1',
		});
		expect([lead('lea_1').state, lead('lea_EU001').state]).toEqual(['emailsUnsubscribed', 'emailsUnsubscribed']);
		expect(env.mock.state.unsubscribes.has('ada@example.com')).toBe(true);
	});

	it('from all campaigns, given an address: the lookup in the campaign, then the unsubscribe', async () => {
		const { items } = await act('unsubscribe', { campaignId: campaign('cam_B2'), leadId: 'ada@example.com', allCampaigns: true });
		expect(env.mock.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			'GET /api/leads/ada%40example.com',
			'POST /api/unsubscribes/ada%40example.com',
		]);
		expect(items[0].json).toMatchObject({ value: 'ada@example.com', campaignId: 'cam_B2', leadId: 'lea_EU001', email: 'ada@example.com' });
	});

	it('from all campaigns, a lead ID of another campaign fails before anything is unsubscribed', async () => {
		const { error } = await act('unsubscribe', { campaignId: campaign('cam_B2'), leadId: 'lea_1', allCampaigns: true });
		expect(error?.message).toBe('Lead lea_1 is in campaign cam_A1, not in cam_B2');
		expect(env.mock.requests).toHaveLength(1);
		expect(env.mock.state.unsubscribes.size).toBe(0);
	});
});

describe('lemlist Campaign Lead → Mark Interested / Not Interested', () => {
	it('Mark Interested in this campaign: POST /campaigns/{id}/leads/{id}/interested', async () => {
		const { items, error } = await act('markInterested', { campaignId: campaign('cam_B2'), leadId: 'lea_EU002' });
		expect(error).toBeUndefined();
		expect(env.mock.requests.map(wire)).toEqual([{ method: 'POST', path: '/api/campaigns/cam_B2/leads/lea_EU002/interested', query: {}, body: '' }]);
		expect(items[0].json).toEqual(expect.objectContaining({ _id: 'lea_EU002', campaignId: 'cam_B2', leadId: 'lea_EU002' }));
		expect(lead('lea_EU002').state).toBe('manualInterested');

		const interested = await act('getAll', { campaignId: campaign('cam_B2'), returnAll: true, filters: { state: ['interested'] } });
		expect(interested.items.map((item) => item.json._id)).toContain('lea_EU002');
	});

	it('Mark Not Interested in all campaigns, by email: the lookup, then POST /leads/notinterested/{id}', async () => {
		const { items } = await act('markNotInterested', { leadId: 'ada@example.com', allCampaigns: true });
		expect(env.mock.requests.map(wire)).toEqual([
			{ method: 'GET', path: '/api/leads/ada%40example.com', query: { version: 'v2' }, body: '' },
			{ method: 'POST', path: '/api/leads/notinterested/lea_1', query: {}, body: '' },
		]);
		expect(items[0].json).toMatchObject({ campaignId: 'cam_A1', leadId: 'lea_1', email: 'ada@example.com' });
		expect((items[0].json.leads as Array<{ _id: string }>).map((entry) => entry._id)).toEqual(['lea_1', 'lea_EU001']);
		expect([lead('lea_1').state, lead('lea_EU001').state]).toEqual(['manualNotInterested', 'manualNotInterested']);
	});

	it('Mark Interested in all campaigns and Mark Not Interested in this campaign, by ID', async () => {
		await act('markInterested', { leadId: 'lea_2', allCampaigns: true });
		await act('markNotInterested', { leadId: 'lea_1' });
		expect(env.mock.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			'POST /api/leads/interested/lea_2',
			'POST /api/campaigns/cam_A1/leads/lea_1/notinterested',
		]);
		expect([lead('lea_2').state, lead('lea_1').state]).toEqual(['manualInterested', 'manualNotInterested']);
	});

	it('shows lemlist\'s own message for a lead ID that is not in the campaign', async () => {
		const { error } = await act('markInterested', { campaignId: campaign('cam_B2'), leadId: 'lea_1' });
		expect(error).toMatchObject({ httpCode: '404', message: 'lemlist answered 404: Lead not found' });
	});
});

describe('lemlist Campaign Lead → Update, given an email address', () => {
	it('looks the lead up in the chosen campaign and updates that lead only', async () => {
		const { items, error } = await act('update', {
			campaignId: campaign('cam_B2'),
			leadId: 'ada@example.com',
			updateFields: { jobTitle: 'Countess' },
		});
		expect(error).toBeUndefined();
		expect(env.mock.requests.map(wire)).toEqual([
			{ method: 'GET', path: '/api/leads/ada%40example.com', query: { version: 'v2' }, body: '' },
			{ method: 'PATCH', path: '/api/campaigns/cam_B2/leads/lea_EU001', query: {}, body: { jobTitle: 'Countess' } },
		]);
		expect(items[0].json).toEqual({ _id: 'lea_EU001', campaignId: 'cam_B2', jobTitle: 'Countess' });
		expect(lead('lea_EU001').jobTitle).toBe('Countess');
		expect(lead('lea_1').jobTitle).toBeUndefined();
	});

	it('a miss fails that item naming the address; with continue on fail the other items are updated', async () => {
		const { items, error } = await act(
			'update',
			{ leadId: '={{ $json.email }}', updateFields: { jobTitle: '={{ $json.title }}' } },
			{
				items: [
					{ email: 'ada@example.com', title: 'CEO' },
					{ email: 'nobody@example.com', title: 'CFO' },
					{ email: 'alan@example.com', title: 'CTO' },
				],
				continueOnFail: true,
			},
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.error ?? `${item.json._id} ${item.json.jobTitle}`)).toEqual([
			'lea_1 CEO',
			'No lead with the email address "nobody@example.com" in campaign cam_A1',
			'lea_2 CTO',
		]);
		expect(env.mock.requests.filter((request) => request.method === 'PATCH').map((request) => request.path)).toEqual([
			'/api/campaigns/cam_A1/leads/lea_1',
			'/api/campaigns/cam_A1/leads/lea_2',
		]);
	});

	it('an item that cannot be sent costs no lookup', async () => {
		const { error } = await act('update', { leadId: 'ada@example.com', updateFields: {} });
		expect(error?.message).toBe('Nothing to update');
		expect(env.mock.requests).toHaveLength(0);
	});
});

describe('lemlist Campaign Lead actions: bad input fails before any request', () => {
	it.each([
		['pause', { leadId: 'lea_1', allCampaigns: '={{ "yes" }}' }, '"In All Campaigns" (allCampaigns) must be true or false, not "yes"'],
		['unsubscribe', { leadId: 'lea_1', allCampaigns: '={{ 1 }}' }, '"From All Campaigns" (allCampaigns) must be true or false, not 1'],
		['markInterested', { leadId: '={{ "" }}' }, 'Lead ID (leadId) is empty'],
		['markNotInterested', { leadId: '  ' }, 'Lead ID (leadId) is empty'],
		['resume', { leadId: '..' }, 'is not a valid ID'],
		['get', { leadId: '={{ $json.missing }}' }, 'Lead ID (leadId) is empty'],
		['pause', { campaignId: campaign('={{ "" }}'), leadId: 'lea_1' }, 'Campaign (campaignId) is empty'],
	])('%s %j', async (operation, parameters, message) => {
		const { error } = await act(operation, parameters);
		expect(error?.message).toContain(message);
		expect(env.mock.requests).toHaveLength(0);
	});

	it('an address is one path segment: no ID or address can reach another endpoint', async () => {
		await act('pause', { leadId: 'a/b?c=1' });
		expect(env.mock.requests.map((request) => request.path)).toEqual(['/api/leads/pause/a%2Fb%3Fc%3D1']);
	});
});
