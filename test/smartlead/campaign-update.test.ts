import { runListSearch } from '../../sandbox/engine';
import { SMARTLEAD, campaign, expectRefusedBeforeRequest, useSmartlead } from './smartlead-env';

const { env, run, credentials } = useSmartlead({ resource: 'campaign', operation: 'update', campaignId: campaign(101) });
const updateSettings = async (updateFields: Record<string, unknown>, items?: object[], parameters: Record<string, unknown> = {}) =>
	await run({ parameters: { updateFields, ...parameters }, items });

const EVERY_SETTING = {
	name: 'Q4 Outbound v2',
	track_settings: ['DONT_TRACK_EMAIL_OPEN', 'DONT_TRACK_LINK_CLICK', 'DONT_TRACK_REPLY_TO_AN_EMAIL'],
	stop_lead_settings: 'CLICK_ON_A_LINK',
	unsubscribe_text: 'Not for you? Unsubscribe',
	send_as_plain_text: true,
	force_plain_text: false,
	follow_up_percentage: 40,
	client_id: 77,
	enable_ai_esp_matching: true,
	auto_pause_domain_leads_on_reply: true,
	ignore_ss_mailbox_sending_limit: false,
	bounce_autopause_threshold: '5',
	domain_level_rate_limit: true,
	add_unsubscribe_tag: false,
	ai_categorisation_options: 'Interested, Meeting Request',
	out_of_office_detection_settings: { ignoreOOOasReply: true, autoReactivateOOO: true, reactivateOOOwithDelay: 3, autoCategorizeOOO: false },
};

describe('Smartlead Campaign → Update (settings)', () => {
	it('sends every setting under its wire name and outputs the answer with the campaign ID', async () => {
		const { items, error } = await updateSettings(EVERY_SETTING);
		expect(error).toBeUndefined();
		expect(env.mock.requests).toHaveLength(1);
		const [request] = env.mock.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/api/v1/campaigns/101/settings');
		expect(request.query).toEqual({ api_key: env.mock.apiKey });
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		// The parameters are the body, field for field; only the list field changes form.
		expect(request.body).toEqual({ ...EVERY_SETTING, ai_categorisation_options: ['Interested', 'Meeting Request'] });
		expect(items).toEqual([{ json: { ok: true, campaignId: 101 }, pairedItem: { item: 0 } }]);
		expect(env.mock.state.campaigns.get(101)!.settings).toMatchObject({ follow_up_percentage: 40, stop_lead_settings: 'CLICK_ON_A_LINK' });
	});

	it('sends an explicit empty track_settings as [] ("track everything"), false and 0 kept, empty values left out', async () => {
		await updateSettings({ track_settings: [], send_as_plain_text: false, follow_up_percentage: 0, name: '', unsubscribe_text: '', out_of_office_detection_settings: {} });
		await updateSettings({ track_settings: '={{ [] }}' });
		await updateSettings({ track_settings: '[]' });
		expect(env.mock.requests.map((request) => request.body)).toEqual([
			{ track_settings: [], send_as_plain_text: false, follow_up_percentage: 0 },
			{ track_settings: [] },
			{ track_settings: [] },
		]);
	});

	it('translates the seed\'s legacy values, saved in a workflow or arriving through expressions', async () => {
		const saved = await updateSettings({ track_settings: ['DONT_EMAIL_OPEN', 'DONT_LINK_CLICK'], stop_lead_settings: 'OPENED_EMAIL' });
		expect(saved.error).toBeUndefined();
		const { items, error } = await updateSettings(
			{ track_settings: '={{ $json.track }}', stop_lead_settings: '={{ $json.stop }}' },
			[
				{ track: ['DONT_EMAIL_OPEN'], stop: 'CLICKED_LINK' },
				{ track: 'DONT_LINK_CLICK, DONT_TRACK_REPLY_TO_AN_EMAIL', stop: 'REPLY_TO_AN_EMAIL' },
				{ track: '["DONT_TRACK_EMAIL_OPEN","DONT_LINK_CLICK"]', stop: 'OPENED_EMAIL' },
			],
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			{ ok: true, campaignId: 101 },
			{ ok: true, campaignId: 101 },
			{ ok: true, campaignId: 101 },
		]);
		expect(env.mock.requests.map((request) => request.body)).toEqual([
			{ track_settings: ['DONT_TRACK_EMAIL_OPEN', 'DONT_TRACK_LINK_CLICK'], stop_lead_settings: 'OPEN_AN_EMAIL' },
			{ track_settings: ['DONT_TRACK_EMAIL_OPEN'], stop_lead_settings: 'CLICK_ON_A_LINK' },
			{ track_settings: ['DONT_TRACK_LINK_CLICK', 'DONT_TRACK_REPLY_TO_AN_EMAIL'], stop_lead_settings: 'REPLY_TO_AN_EMAIL' },
			{ track_settings: ['DONT_TRACK_EMAIL_OPEN', 'DONT_TRACK_LINK_CLICK'], stop_lead_settings: 'OPEN_AN_EMAIL' },
		]);
	});

	it('the mock, like Smartlead today, refuses the legacy values and unknown keys sent as they are', async () => {
		const post = async (body: object) => {
			const response = await fetch(`${env.mock.url}/campaigns/101/settings?api_key=${env.mock.apiKey}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			return [response.status, await response.json()];
		};
		expect(await post({ track_settings: ['DONT_EMAIL_OPEN'] })).toEqual([400, { error: 'Invalid track_settings value - DONT_EMAIL_OPEN' }]);
		expect(await post({ stop_lead_settings: 'OPENED_EMAIL' })).toEqual([400, { error: 'Invalid stop_lead_settings value - OPENED_EMAIL' }]);
		expect(await post({ sending_limit: 50 })).toEqual([400, { error: '"sending_limit" is not allowed' }]);
	});

	it.each([
		[{ track_settings: '={{ ["DONT_TRACK_EVERYTHING"] }}' }, '"Track Settings" (updateFields.track_settings) has an unknown value "DONT_TRACK_EVERYTHING"; allowed values: DONT_TRACK_EMAIL_OPEN, DONT_TRACK_LINK_CLICK, DONT_TRACK_REPLY_TO_AN_EMAIL'],
		[{ stop_lead_settings: '={{ "BOUNCED" }}' }, '"Stop Lead Settings" (updateFields.stop_lead_settings) has an unknown value "BOUNCED"; allowed values: CLICK_ON_A_LINK, OPEN_AN_EMAIL, REPLY_TO_AN_EMAIL'],
		[{ follow_up_percentage: 101 }, '"Follow Up Percentage" (updateFields.follow_up_percentage) must be at most 100, not 101'],
		[{ follow_up_percentage: '={{ -5 }}' }, 'must be at least 0, not -5'],
		[{ follow_up_percentage: '={{ "12.5" }}' }, 'must be a whole number, not 12.5'],
		[{ client_id: '={{ "acme" }}' }, '"Client ID" (updateFields.client_id) must be a number, not "acme"'],
		[{ client_id: 7.5 }, 'must be a whole number, not 7.5'],
		[{ send_as_plain_text: '={{ "maybe" }}' }, 'must be true or false, not "maybe"'],
		[{ out_of_office_detection_settings: { reactivateOOOwithDelay: -1 } }, '(updateFields.out_of_office_detection_settings.reactivateOOOwithDelay) must be at least 0'],
		// n8n drops keys a collection does not declare: the seed's `sending_limit` sends nothing here.
		[{ sending_limit: 50 }, 'Nothing to update'],
		[{}, 'Nothing to update'],
		[{ name: '', out_of_office_detection_settings: {} }, 'Nothing to update'],
	])('refuses %j before any request', async (updateFields, message) => {
		const { error } = await updateSettings(updateFields);
		expectRefusedBeforeRequest(error, env.mock, message);
	});

	it.each([
		['abc', 'Campaign (campaignId) must be a number, not "abc"'],
		['12a', 'must be a number, not "12a"'],
		['../101', 'must be a number'],
		['={{ $json.nothing }}', 'Campaign (campaignId) is empty'],
	])('refuses the campaign ID %j before any request', async (value, message) => {
		const { error } = await updateSettings({ name: 'x' }, undefined, { campaignId: campaign(value) });
		expect(error).toMatchObject({ name: 'NodeOperationError' });
		expect(error?.message).toContain(message);
		expect(env.mock.requests).toHaveLength(0);
	});

	it('takes the campaign from the list mode and from item data, in order, paired', async () => {
		const { items, error } = await updateSettings(
			{ name: '={{ $json.title }}' },
			[{ id: 101, title: 'One' }, { id: '102', title: 'Two' }, { id: ' 103 ', title: 'Three' }],
			{ campaignId: { __rl: true, mode: 'list', value: '={{ $json.id }}', cachedResultName: 'x' } },
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { ok: true, campaignId: 101 }, pairedItem: { item: 0 } },
			{ json: { ok: true, campaignId: 102 }, pairedItem: { item: 1 } },
			{ json: { ok: true, campaignId: 103 }, pairedItem: { item: 2 } },
		]);
		expect(env.mock.requests.map((request) => [request.path, request.body])).toEqual(
			expect.arrayContaining([
				['/api/v1/campaigns/101/settings', { name: 'One' }],
				['/api/v1/campaigns/102/settings', { name: 'Two' }],
				['/api/v1/campaigns/103/settings', { name: 'Three' }],
			]),
		);
	});

	it('passes the newer {success, data} answer through, with the campaign ID', async () => {
		env.mock.inject({ status: 200, body: { success: true, data: {} } });
		const { items } = await updateSettings({ name: 'x' });
		expect(items[0].json).toEqual({ success: true, data: {}, campaignId: 101 });
	});
});

describe('Smartlead campaign picker', () => {
	it('lists the account\'s campaigns from GET /campaigns/ and filters by name or ID', async () => {
		const all = await runListSearch({ type: SMARTLEAD, method: 'searchCampaigns', credentials: credentials() });
		expect(all).toEqual({
			results: [
				{ name: 'Q4 Outbound (ACTIVE)', value: '101' },
				{ name: 'Founders EU (PAUSED)', value: '102' },
				{ name: 'Agency Partners (DRAFTED)', value: '103' },
				{ name: 'Enterprise Q1 (ACTIVE)', value: '104' },
			],
		});
		expect(env.mock.requests[0]).toMatchObject({ method: 'GET', path: '/api/v1/campaigns/', query: { api_key: env.mock.apiKey } });

		const byName = await runListSearch({ type: SMARTLEAD, method: 'searchCampaigns', credentials: credentials(), filter: 'founders' });
		expect(byName.results).toEqual([{ name: 'Founders EU (PAUSED)', value: '102' }]);
		const byId = await runListSearch({ type: SMARTLEAD, method: 'searchCampaigns', credentials: credentials(), filter: '103' });
		expect(byId.results).toEqual([{ name: 'Agency Partners (DRAFTED)', value: '103' }]);
	});

	it('fails with Smartlead\'s message for a wrong key, without the key', async () => {
		const wrong = 'sl_wrong-key-0000-1111';
		const failure = await runListSearch({ type: SMARTLEAD, method: 'searchCampaigns', credentials: credentials(wrong) }).catch((caught: Error) => caught);
		expect(failure).toBeInstanceOf(Error);
		expect((failure as Error).message).toBe('Smartlead answered 401: Invalid API Key');
		expect(JSON.stringify({ ...(failure as object), message: (failure as Error).message, stack: (failure as Error).stack })).not.toContain(wrong);
	});
});
