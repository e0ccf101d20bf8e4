import { runListSearch } from '../../sandbox/engine';
import { SENDKIT_SEED } from '../../sandbox/providers/sendkit';
import { SENDKIT, useSendKit } from './sendkit-env';

const { env, run, credentials, platform } = useSendKit({
	resource: 'campaign',
	operation: 'update',
	campaignId: { __rl: true, mode: 'id', value: SENDKIT_SEED.campaignId },
});
const updateCampaign = async (parameters: Record<string, unknown>, items?: object[]) => await run({ parameters, items });

describe('SendKit Campaign → Update', () => {
	it('sends the name flat and every setting and schedule field nested, and outputs the campaign', async () => {
		const { items, error } = await updateCampaign({
			updateFields: { name: 'Q2 Outbound - Decision Makers' },
			settings: {
				trackOpens: false,
				trackClicks: true,
				includeUnsubscribeLink: false,
				stopOnReply: true,
				stopOnAutoReply: false,
				stopOnCompanyReply: true,
				skipDNC: true,
				dailySendLimit: 80,
				emailIntervalMinutes: 12,
				cc: 'sales-log@acme.com',
				bcc: '["crm-sync@acme.com", "audit@acme.com"]',
			},
			schedule: {
				timezone: 'America/Chicago',
				startTime: '08:30',
				endTime: '16:00',
				workingDays: [1, 2, 3, 4, 5],
				skipNationalHolidays: true,
			},
		});
		expect(error).toBeUndefined();
		expect(env.mock.requests).toHaveLength(1);
		const [request] = env.mock.requests;
		expect(request.method).toBe('PATCH');
		expect(request.path).toBe(`/v1/campaigns/${SENDKIT_SEED.campaignId}`);
		expect(request.body).toEqual({
			name: 'Q2 Outbound - Decision Makers',
			settings: {
				trackOpens: false,
				trackClicks: true,
				includeUnsubscribeLink: false,
				stopOnReply: true,
				stopOnAutoReply: false,
				stopOnCompanyReply: true,
				skipDNC: true,
				dailySendLimit: 80,
				emailIntervalMinutes: 12,
				cc: ['sales-log@acme.com'],
				bcc: ['crm-sync@acme.com', 'audit@acme.com'],
			},
			schedule: {
				timezone: 'America/Chicago',
				startTime: '08:30',
				endTime: '16:00',
				workingDays: [1, 2, 3, 4, 5],
				skipNationalHolidays: true,
			},
		});
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json).not.toHaveProperty('success');
		expect(items[0].json).toMatchObject({
			_id: SENDKIT_SEED.campaignId,
			name: 'Q2 Outbound - Decision Makers',
			settings: { trackOpens: false, dailySendLimit: 80, cc: ['sales-log@acme.com'] },
			schedule: { timezone: 'America/Chicago', workingDays: [1, 2, 3, 4, 5], skipNationalHolidays: true },
		});
	});

	it('sends only what was set; untouched sections are left out', async () => {
		await updateCampaign({ updateFields: { name: '' }, settings: { stopOnReply: false, cc: '' }, schedule: {} });
		expect(env.mock.requests[0].body).toEqual({ settings: { stopOnReply: false } });
	});

	it('reads working days from expressions as numbers or day names', async () => {
		await updateCampaign({ schedule: { workingDays: '={{ "1,3,5" }}' } });
		await updateCampaign({ schedule: { workingDays: '={{ ["Monday", "tue", "Sunday"] }}' } });
		expect(env.mock.requests.map((request) => request.body)).toEqual([
			{ schedule: { workingDays: [1, 3, 5] } },
			{ schedule: { workingDays: [1, 2, 0] } },
		]);
	});

	it('updates several campaigns from item data, in order', async () => {
		const { items } = await updateCampaign(
			{
				campaignId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				updateFields: { name: '={{ $json.name }}' },
				settings: { dailySendLimit: '={{ $json.limit }}' },
			},
			[
				{ id: SENDKIT_SEED.campaignId, name: 'One', limit: 10 },
				{ id: '665a00000000000000000002', name: 'Two', limit: '20' },
			],
		);
		expect(items.map((item) => [item.json.name, (item.json.settings as { dailySendLimit: number }).dailySendLimit, item.pairedItem])).toEqual([
			['One', 10, { item: 0 }],
			['Two', 20, { item: 1 }],
		]);
	});

	it.each([
		[{ updateFields: {} }, 'Nothing to update'],
		[{ updateFields: { name: ' ' }, settings: {}, schedule: {} }, 'Nothing to update'],
		[{ settings: { dailySendLimit: 0 } }, '"Daily Send Limit" (settings.dailySendLimit) must be at least 1, not 0'],
		[{ settings: { emailIntervalMinutes: 2.5 } }, 'must be a whole number, not 2.5'],
		[{ settings: { trackOpens: '={{ "sometimes" }}' } }, '"Track Opens" (settings.trackOpens) must be true or false, not "sometimes"'],
		[{ schedule: { startTime: '9am' } }, '"Start Time" (schedule.startTime) must be a time as HH:MM, not "9am"'],
		[{ schedule: { endTime: '24:00' } }, '"End Time" (schedule.endTime) must be a time as HH:MM'],
		[{ schedule: { workingDays: '={{ "Mon,Funday" }}' } }, '(schedule.workingDays) has an unknown value "Funday"; allowed values: 0, 1, 2, 3, 4, 5, 6'],
		[{ campaignId: { __rl: true, mode: 'id', value: '={{ $json.nothing }}' } }, 'Campaign (campaignId) is empty'],
	])('refuses %j before any request', async (parameters, message) => {
		const { error } = await updateCampaign({ updateFields: { name: 'x' }, ...parameters });
		expect(error).toMatchObject({ name: 'NodeOperationError' });
		expect(error?.message).toContain(message);
		expect(env.mock.requests).toHaveLength(0);
	});

	it('carries SendKit\'s 400 from its own validation', async () => {
		const { error } = await updateCampaign({ settings: { cc: 'not-an-address' } });
		expect(error).toMatchObject({ name: 'NodeApiError', httpCode: '400', message: 'SendKit answered 400: settings.cc must be an array of email addresses' });
		const { error: zone } = await updateCampaign({ schedule: { timezone: 'Mars/Olympus' } });
		expect(zone?.message).toBe('SendKit answered 400: schedule.timezone "Mars/Olympus" is not a valid timezone');
	});

	it('carries SendKit\'s 404 for an unknown campaign', async () => {
		const { error } = await updateCampaign({ campaignId: { __rl: true, mode: 'id', value: '665a0000000000000000ffff' }, updateFields: { name: 'x' } });
		expect(error).toMatchObject({ httpCode: '404', message: 'SendKit answered 404: Campaign not found' });
	});
});

describe('SendKit campaign picker', () => {
	const search = async (filter?: string, paginationToken?: string, credential = credentials()) =>
		await runListSearch({ type: SENDKIT, method: 'searchCampaigns', credentials: credential, filter, paginationToken });

	it('pages through the workspace\'s campaigns with SendKit\'s cursor', async () => {
		const first = await search();
		expect(first.results).toHaveLength(50);
		expect(first.results[0]).toEqual({ name: 'Q1 Outreach Campaign (active)', value: SENDKIT_SEED.campaignId });
		const lastOfFirst = first.results[49].value as string;
		expect(first.paginationToken).toBe(`cursor:${lastOfFirst}`);

		const second = await search(undefined, first.paginationToken as string);
		expect(second.results).toHaveLength(SENDKIT_SEED.campaignCount - 50);
		expect(second.paginationToken).toBeUndefined();
		const all = [...first.results, ...second.results].map((result) => result.value);
		expect(new Set(all).size).toBe(SENDKIT_SEED.campaignCount);

		expect(env.mock.requests.map((request) => [request.method, request.path, request.query])).toEqual([
			['GET', '/v1/campaigns', { limit: '50' }],
			['GET', '/v1/campaigns', { limit: '50', cursor: lastOfFirst }],
		]);
	});

	it('searches by name on SendKit\'s side', async () => {
		const found = await search('founders');
		expect(found).toEqual({ results: [{ name: 'Founders EU (paused)', value: '665a00000000000000000002' }], paginationToken: undefined });
		expect(env.mock.requests[0].query).toEqual({ limit: '50', search: 'founders' });
	});

	it('keeps the search while paging', async () => {
		const first = await search('wave');
		expect(first.results).toHaveLength(50);
		const second = await search('wave', first.paginationToken as string);
		expect(second.results).toHaveLength(SENDKIT_SEED.campaignCount - 2 - 50);
		expect(env.mock.requests[1].query).toMatchObject({ search: 'wave', cursor: expect.any(String) });
	});

	it('lists the campaigns of the workspace a platform key names', async () => {
		const result = await search(undefined, undefined, credentials(platform(SENDKIT_SEED.workspaceIds[1])));
		expect(result.results).toEqual([
			{ name: 'Agency client A (active)', value: SENDKIT_SEED.otherWorkspaceCampaignId },
			{ name: 'Agency client B (draft)', value: '665b00000000000000000b02' },
		]);
	});

	it('also reads page-numbered pagination', async () => {
		env.mock.inject({ status: 200, body: { success: true, data: [{ _id: 'c1', name: 'Paged', status: 'active' }], pagination: { page: 1, limit: 50, total: 51, pages: 2 } } });
		const first = await search();
		expect(first).toEqual({ results: [{ name: 'Paged (active)', value: 'c1' }], paginationToken: 'page:2' });
		env.mock.inject({ status: 200, body: { success: true, data: [{ _id: 'c2', name: 'Last' }], pagination: { page: 2, limit: 50, total: 51, pages: 2 } } });
		const second = await search(undefined, first.paginationToken as string);
		expect(second).toEqual({ results: [{ name: 'Last', value: 'c2' }], paginationToken: undefined });
		expect(env.mock.requests[1].query).toEqual({ limit: '50', page: '2' });
	});
});
