import { runListSearch } from '../../sandbox/engine';
import { startLemlistMock } from '../../sandbox/providers/lemlist';
import { LEMLIST, useLemlist } from './lemlist-env';

const { env, run, credentials } = useLemlist({
	resource: 'campaign',
	operation: 'update',
	campaignId: { __rl: true, mode: 'id', value: 'cam_A1' },
});
const basic = () => `Basic ${Buffer.from(`:${env.mock.apiKey}`).toString('base64')}`;
const updateCampaign = async (parameters: Record<string, unknown>, items?: object[]) => await run({ parameters, items });

describe('lemlist Campaign → Update', () => {
	it('sends every flat field and every section as lemlist takes them', async () => {
		const { items, error } = await updateCampaign({
			updateFields: {
				name: 'Q4 Outbound v2',
				stopOnEmailReplied: true,
				stopOnMeetingBooked: true,
				stopOnLinkClicked: false,
				stopOnLinkClickedFilter: 'pricing',
				leadsPausedByInterest: false,
				opportunityReplied: true,
				opportunityClicked: false,
				autoLeadInterest: true,
				disableTrackOpen: false,
				disableTrackClick: false,
				disableTrackReply: false,
				disableOutOfOffice: false,
				sequenceSharing: false,
				sendUserIds: 'usr_2aBCdEfGHiJkLmNOp, usr_7xYzAbCdEfGhIjKlM',
				autoReview: true,
				autoReviewConditions: ['deliverable', 'risky'],
			},
			aiFeatures: {
				scoreReplies: true,
				onInterestedReply: { enabled: true, pauseAllCampaignsForLead: false, pauseCampaignForCompany: true, pauseAllCampaignsForCompany: false },
				onNotInterestedReply: { enabled: false, pauseAllCampaignsForLead: true, pauseCampaignForCompany: false, pauseAllCampaignsForCompany: true },
			},
			tracking: { trackOpens: true, trackClicks: false, trackReplies: true },
			onReplied: { createNewTask: true, campaignProgress: 'pause', propagateProgressToCompany: false, disableOutOfOffice: true },
			onLinkClicked: { createNewTask: false, campaignProgress: 'stop', propagateProgressToCompany: true, specificLinks: '["https://acme.com/pricing","https://acme.com/demo"]' },
			onMeetingBooked: { campaignProgress: 'continue', propagateProgressToCompany: true },
		});

		expect(error).toBeUndefined();
		expect(env.mock.requests).toHaveLength(1);
		const [request] = env.mock.requests;
		expect(request.method).toBe('PATCH');
		expect(request.path).toBe('/api/campaigns/cam_A1');
		expect(request.headers.authorization).toBe(basic());
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toEqual({
			name: 'Q4 Outbound v2',
			stopOnEmailReplied: true,
			stopOnMeetingBooked: true,
			stopOnLinkClicked: false,
			stopOnLinkClickedFilter: 'pricing',
			leadsPausedByInterest: false,
			opportunityReplied: true,
			opportunityClicked: false,
			autoLeadInterest: true,
			disableTrackOpen: false,
			disableTrackClick: false,
			disableTrackReply: false,
			disableOutOfOffice: false,
			sequenceSharing: false,
			sendUserIds: ['usr_2aBCdEfGHiJkLmNOp', 'usr_7xYzAbCdEfGhIjKlM'],
			autoReview: true,
			autoReviewConditions: ['deliverable', 'risky'],
			aiFeatures: {
				scoreReplies: true,
				onInterestedReply: { enabled: true, pauseAllCampaignsForLead: false, pauseCampaignForCompany: true, pauseAllCampaignsForCompany: false },
				onNotInterestedReply: { enabled: false, pauseAllCampaignsForLead: true, pauseCampaignForCompany: false, pauseAllCampaignsForCompany: true },
			},
			tracking: { trackOpens: true, trackClicks: false, trackReplies: true },
			onReplied: { createNewTask: true, campaignProgress: 'pause', propagateProgressToCompany: false, disableOutOfOffice: true },
			onLinkClicked: { createNewTask: false, campaignProgress: 'stop', propagateProgressToCompany: true, specificLinks: ['https://acme.com/pricing', 'https://acme.com/demo'] },
			onMeetingBooked: { campaignProgress: 'continue', propagateProgressToCompany: true },
		});

		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json).toMatchObject({ name: 'Q4 Outbound v2', stopOnLinkClicked: false, autoReviewConditions: ['deliverable', 'risky'] });
		expect(items[0].json.sendUsers).toEqual([
			expect.objectContaining({ id: 'usr_2aBCdEfGHiJkLmNOp', mailboxes: [expect.objectContaining({ email: expect.any(String) })] }),
			expect.objectContaining({ id: 'usr_7xYzAbCdEfGhIjKlM' }),
		]);
		expect(env.mock.state.campaigns.get('cam_A1')!.name).toBe('Q4 Outbound v2');
	});

	it('sends only what was set: false kept, empty values and untouched sections left out', async () => {
		await updateCampaign({
			updateFields: { stopOnEmailReplied: false, name: '', sendUserIds: '' },
			tracking: { trackOpens: false },
			onReplied: {},
			aiFeatures: { onInterestedReply: { enabled: false } },
		});
		expect(env.mock.requests[0].body).toEqual({
			stopOnEmailReplied: false,
			tracking: { trackOpens: false },
			aiFeatures: { onInterestedReply: { enabled: false } },
		});
	});

	it('reads list fields from arrays, JSON text and comma-separated text, and sends [] when asked', async () => {
		await updateCampaign({ updateFields: { sendUserIds: ['usr_2aBCdEfGHiJkLmNOp'], autoReviewConditions: 'unverified, undeliverable' } });
		await updateCampaign({ onLinkClicked: { specificLinks: '[]' } });
		expect(env.mock.requests.map((request) => request.body)).toEqual([
			{ sendUserIds: ['usr_2aBCdEfGHiJkLmNOp'], autoReviewConditions: ['unverified', 'undeliverable'] },
			{ onLinkClicked: { specificLinks: [] } },
		]);
	});

	it('resolves expressions per item, keeps order and pairs every output with its input', async () => {
		const { items, error } = await updateCampaign(
			{
				campaignId: { __rl: true, mode: 'id', value: '={{ $json.campaign }}' },
				updateFields: { name: '={{ $json.title }}', stopOnEmailReplied: '={{ $json.stop }}' },
			},
			[
				{ campaign: 'cam_A1', title: 'First', stop: true },
				{ campaign: 'cam_B2', title: 'Second', stop: false },
				{ campaign: 'cam_DYN', title: 'Third', stop: 'true' },
			],
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.name, item.pairedItem])).toEqual([
			['First', { item: 0 }],
			['Second', { item: 1 }],
			['Third', { item: 2 }],
		]);
		const received = env.mock.requests.map((request) => [request.path, request.body]);
		expect(received).toEqual(
			expect.arrayContaining([
				['/api/campaigns/cam_A1', { name: 'First', stopOnEmailReplied: true }],
				['/api/campaigns/cam_B2', { name: 'Second', stopOnEmailReplied: false }],
				['/api/campaigns/cam_DYN', { name: 'Third', stopOnEmailReplied: true }],
			]),
		);
		expect(received).toHaveLength(3);
	});

	it('keeps IDs inside their path segment', async () => {
		const { error } = await updateCampaign({
			campaignId: { __rl: true, mode: 'id', value: '../team?x=1' },
			updateFields: { name: 'x' },
		});
		expect(env.mock.requests[0].path).toBe('/api/campaigns/..%2Fteam%3Fx%3D1');
		expect(error?.httpCode).toBe('404');
	});

	it('passes lemlist\'s answer through, with the senders lemlist kept', async () => {
		const { items } = await updateCampaign({ updateFields: { sendUserIds: '["usr_2aBCdEfGHiJkLmNOp"]' } });
		expect(items[0].json).toEqual({
			sendUserIds: ['usr_2aBCdEfGHiJkLmNOp'],
			sendUsers: [expect.objectContaining({ id: 'usr_2aBCdEfGHiJkLmNOp', phoneNumbers: expect.any(Array), whatsappAccountIds: expect.any(Array) })],
		});
	});
});

describe('lemlist campaign picker', () => {
	it('lists the account\'s campaigns page by page and filters by name', async () => {
		const first = await runListSearch({ type: LEMLIST, method: 'searchCampaigns', credentials: credentials() });
		expect(first.results).toHaveLength(100);
		expect(first.results[0]).toEqual({ name: 'Q4 Outbound (running)', value: 'cam_A1' });
		expect(first.paginationToken).toBe('2');
		const second = await runListSearch({ type: LEMLIST, method: 'searchCampaigns', credentials: credentials(), paginationToken: '2' });
		expect(second.results).toHaveLength(30);
		expect(second.paginationToken).toBeUndefined();
		expect(env.mock.requests.map((request) => request.query)).toEqual([
			{ version: 'v2', limit: '100', page: '1' },
			{ version: 'v2', limit: '100', page: '2' },
		]);
		expect(env.mock.requests[0].headers.authorization).toBe(basic());

		const found = await runListSearch({ type: LEMLIST, method: 'searchCampaigns', credentials: credentials(), filter: 'founders' });
		expect(found.results).toEqual([{ name: 'Founders EU (paused)', value: 'cam_B2' }]);
	});

	it('reads the older bare-array answer too', async () => {
		const legacy = await startLemlistMock({ legacyCampaignList: true });
		try {
			const result = await runListSearch({
				type: LEMLIST,
				method: 'searchCampaigns',
				credentials: { lemlistOutreachApi: { apiKey: legacy.apiKey, baseUrl: legacy.url } },
			});
			expect(result.results).toHaveLength(100);
			expect(result.results).toContainEqual({ name: 'Dynamic senders (draft)', value: 'cam_DYN' });
			expect(result.paginationToken).toBe('2');
		} finally {
			await legacy.close();
		}
	});
});
