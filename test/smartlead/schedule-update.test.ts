import { campaign, expectRefusedBeforeRequest, useSmartlead } from './smartlead-env';

const { env, run } = useSmartlead({ resource: 'campaign', operation: 'updateSchedule', campaignId: campaign(102) });
const updateSchedule = async (updateFields: Record<string, unknown>, items?: object[]) => await run({ parameters: { updateFields }, items });

const EVERY_FIELD = {
	timezone: 'America/New_York',
	days_of_the_week: [1, 2, 3, 4, 5],
	start_hour: '09:00',
	end_hour: '17:30',
	min_time_btw_emails: 12,
	max_new_leads_per_day: 40,
	schedule_start_time: '2026-01-05T09:00:00.000Z',
};

describe('Smartlead Campaign → Update Schedule', () => {
	it('sends every schedule field flat, under its wire name, and outputs the answer with the campaign ID', async () => {
		const { items, error } = await updateSchedule(EVERY_FIELD);
		expect(error).toBeUndefined();
		expect(env.mock.requests).toHaveLength(1);
		expect(env.mock.requests[0]).toMatchObject({
			method: 'POST',
			path: '/api/v1/campaigns/102/schedule',
			query: { api_key: env.mock.apiKey },
		});
		expect(env.mock.requests[0].body).toEqual(EVERY_FIELD);
		expect(items).toEqual([{ json: { ok: true, campaignId: 102 }, pairedItem: { item: 0 } }]);
		expect(env.mock.state.campaigns.get(102)!.schedule).toMatchObject({ timezone: 'America/New_York', max_new_leads_per_day: 40 });
	});

	it('reads the days from comma-separated text and JSON arrays (expressions) as whole numbers', async () => {
		const { error } = await updateSchedule({ days_of_the_week: '={{ $json.days }}', timezone: '={{ $json.zone }}' }, [
			{ days: '0, 6', zone: 'UTC' },
			{ days: '[1,3,5]', zone: 'Europe/Paris' },
			{ days: [2, '4'], zone: 'Asia/Kolkata' },
		]);
		expect(error).toBeUndefined();
		expect(env.mock.requests.map((request) => request.body)).toEqual([
			{ days_of_the_week: [0, 6], timezone: 'UTC' },
			{ days_of_the_week: [1, 3, 5], timezone: 'Europe/Paris' },
			{ days_of_the_week: [2, 4], timezone: 'Asia/Kolkata' },
		]);
	});

	it('sends the minimum gap of 3 minutes and a bare date-time', async () => {
		await updateSchedule({ min_time_btw_emails: 3, schedule_start_time: '2026-03-01T08:30' });
		expect(env.mock.requests[0].body).toEqual({ min_time_btw_emails: 3, schedule_start_time: '2026-03-01T08:30' });
	});

	it.each([
		[{ timezone: 'Mars/Olympus_Mons' }, '"Timezone" (updateFields.timezone) must be an IANA time zone such as America/New_York, not "Mars/Olympus_Mons"'],
		[{ timezone: '+02:00' }, 'must be an IANA time zone'],
		[{ timezone: 'Eastern Time' }, 'must be an IANA time zone'],
		[{ start_hour: '9:00' }, '"Start Hour" (updateFields.start_hour) must be HH:MM on a 24-hour clock, such as 09:00, not "9:00"'],
		[{ end_hour: '24:00' }, '"End Hour" (updateFields.end_hour) must be HH:MM'],
		[{ end_hour: '5pm' }, 'must be HH:MM'],
		[{ min_time_btw_emails: 2 }, '"Min Time Between Emails (Minutes)" (updateFields.min_time_btw_emails) must be at least 3, not 2'],
		[{ min_time_btw_emails: '={{ "4.5" }}' }, 'must be a whole number, not 4.5'],
		[{ max_new_leads_per_day: 0 }, '"Max New Leads per Day" (updateFields.max_new_leads_per_day) must be at least 1, not 0'],
		[{ days_of_the_week: '={{ [1, 7] }}' }, '"Days of the Week" (updateFields.days_of_the_week) has an unknown value 7; allowed values: 0, 1, 2, 3, 4, 5, 6'],
		[{ days_of_the_week: 'Monday' }, 'has an unknown value "Monday"'],
		[{ days_of_the_week: '={{ [] }}' }, '"Days of the Week" (updateFields.days_of_the_week) must name at least one day'],
		[{ schedule_start_time: 'next monday' }, '"Schedule Start Time" (updateFields.schedule_start_time) must be an ISO 8601 date-time'],
		[{ schedule_start_time: '2026-02-30T09:00:00Z' }, 'must be an ISO 8601 date-time'],
		[{ schedule_start_time: '2026-01-05T25:00:00Z' }, 'must be an ISO 8601 date-time'],
		[{}, 'Nothing to update'],
	])('refuses %j before any request', async (updateFields, message) => {
		const { error } = await updateSchedule(updateFields);
		expectRefusedBeforeRequest(error, env.mock, message);
	});

	it('refuses a non-numeric campaign ID before any request', async () => {
		const { error } = await run({ parameters: { campaignId: campaign('cmp_102'), updateFields: { timezone: 'UTC' } } });
		expect(error?.message).toBe('Campaign (campaignId) must be a number, not "cmp_102"');
		expect(env.mock.requests).toHaveLength(0);
	});

	it('carries Smartlead\'s 404 for an unknown campaign', async () => {
		const { error } = await run({ parameters: { campaignId: campaign(999), updateFields: { timezone: 'UTC' } } });
		expect(error).toMatchObject({ name: 'NodeApiError', httpCode: '404', message: 'Smartlead answered 404: Campaign not found - Invalid campaign_id.' });
		expect(error?.description).toContain('POST /campaigns/999/schedule');
	});
});
