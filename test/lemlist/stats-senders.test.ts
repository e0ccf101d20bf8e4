import type { RecordedRequest } from '../../sandbox/providers/http-mock';
import { useLemlist } from './lemlist-env';

const campaign = (id: string) => ({ __rl: true, mode: 'id', value: id });
const { env, run } = useLemlist({ resource: 'campaign', operation: 'getStats', campaignId: campaign('cam_B2') });

const wire = (request: RecordedRequest) => ({ method: request.method, path: request.path, query: request.query });

const stats = async (parameters: Record<string, unknown>, extra: { items?: object[]; continueOnFail?: boolean } = {}) =>
	await run({ parameters: { startDate: '2024-01-01', endDate: '2024-01-31', ...parameters }, ...extra });

describe('lemlist Campaign → Get Stats', () => {
	it('GET /v2/campaigns/{id}/stats with both dates; a date alone covers its whole day; one item with the campaign ID', async () => {
		const { items, error } = await stats({});
		expect(error).toBeUndefined();
		expect(env.mock.requests.map(wire)).toEqual([
			{ method: 'GET', path: '/api/v2/campaigns/cam_B2/stats', query: { startDate: '2024-01-01T00:00:00.000Z', endDate: '2024-01-31T23:59:59.999Z' } },
		]);
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json).toMatchObject({ campaignId: 'cam_B2', nbLeads: 250, steps: [] });
		expect(Object.keys(items[0].json)).toEqual(expect.arrayContaining(['nbLeadsLaunched', 'nbLeadsOpened', 'messagesSent', 'delivered', 'replied', 'meetingBooked']));
	});

	it('date-times are sent in UTC: an offset is applied, none means UTC', async () => {
		await stats({ startDate: '2024-03-01T09:30:00+02:00', endDate: '2024-03-31T18:00:00' });
		expect(env.mock.requests[0].query).toEqual({ startDate: '2024-03-01T07:30:00.000Z', endDate: '2024-03-31T18:00:00.000Z' });
	});

	it('one request per item, each campaign its own', async () => {
		const { items } = await stats({ campaignId: campaign('={{ $json.id }}') }, { items: [{ id: 'cam_A1' }, { id: 'cam_B2' }] });
		expect(env.mock.requests.map((request) => request.path)).toEqual(['/api/v2/campaigns/cam_A1/stats', '/api/v2/campaigns/cam_B2/stats']);
		expect(items.map((item) => [item.json.campaignId, item.json.nbLeads, item.pairedItem])).toEqual([
			['cam_A1', 2, { item: 0 }],
			['cam_B2', 250, { item: 1 }],
		]);
	});

	it.each([
		[{ startDate: '={{ "" }}' }, 'Start Date (startDate) is empty'],
		[{ endDate: '={{ $json.nothing }}' }, 'End Date (endDate) is empty'],
		[{ startDate: 'last monday' }, 'Start Date (startDate) must be an ISO 8601 date or date-time such as 2024-01-31 or 2024-01-31T18:00:00Z, not "last monday"'],
		[{ endDate: '2024-02-30' }, 'End Date (endDate) "2024-02-30" is not a date of the calendar'],
		[{ startDate: '2024-13-01T00:00:00Z' }, 'Start Date (startDate) "2024-13-01T00:00:00Z" is not a moment of the calendar'],
		[{ startDate: '={{ 20240101 }}' }, 'Start Date (startDate) must be an ISO 8601 date such as 2024-01-31, not 20240101'],
		[{ startDate: '2024-02-01', endDate: '2024-01-31' }, 'Start Date (startDate) 2024-02-01T00:00:00.000Z is after End Date (endDate) 2024-01-31T23:59:59.999Z'],
	])('%j fails before any request', async (parameters, message) => {
		const { error } = await stats(parameters, { items: [{ a: 1 }] });
		expect(error).toMatchObject({ name: 'NodeOperationError' });
		expect(error?.message).toBe(message);
		expect(env.mock.requests).toHaveLength(0);
	});

	it('shows lemlist\'s own message for an unknown campaign', async () => {
		const { error } = await stats({ campaignId: campaign('cam_nope') });
		expect(error).toMatchObject({ httpCode: '404', message: 'lemlist answered 404: Campaign not found' });
	});
});

describe('lemlist Email Account → Get Many', () => {
	const senders = async (parameters: Record<string, unknown>) => await run({ parameters: { resource: 'emailAccount', operation: 'getAll', ...parameters } });

	it('GET /team/senders once; one item per sender with its campaigns', async () => {
		const { items, error } = await senders({ returnAll: true });
		expect(error).toBeUndefined();
		expect(env.mock.requests.map(wire)).toEqual([{ method: 'GET', path: '/api/team/senders', query: {} }]);
		expect(items.map((item) => item.json.userId)).toEqual(['usr_2aBCdEfGHiJkLmNOp', 'usr_7xYzAbCdEfGhIjKlM']);
		expect(items[0].json.campaigns).toEqual(expect.arrayContaining([{ _id: 'cam_A1', name: 'Q4 Outbound', status: 'running', sendingChannels: ['email'] }]));
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('a limit keeps the first senders of the one answer', async () => {
		const { items } = await senders({ returnAll: false, limit: 1 });
		expect(items.map((item) => item.json.userId)).toEqual(['usr_2aBCdEfGHiJkLmNOp']);
		expect(env.mock.requests).toHaveLength(1);
	});

	it('senders set on a campaign with Update show up for that campaign', async () => {
		await run({ parameters: { resource: 'campaign', operation: 'update', campaignId: campaign('cam_A1'), updateFields: { sendUserIds: 'usr_7xYzAbCdEfGhIjKlM' } } });
		const { items } = await senders({ returnAll: true });
		const campaignsOf = (userId: string) => (items.find((item) => item.json.userId === userId)?.json.campaigns as Array<{ _id: string }>).map((entry) => entry._id);
		expect(campaignsOf('usr_7xYzAbCdEfGhIjKlM')).toContain('cam_A1');
		expect(campaignsOf('usr_2aBCdEfGHiJkLmNOp')).not.toContain('cam_A1');
	});

	it('an answer that is not a list fails the item with a message saying so', async () => {
		env.mock.inject({ status: 200, body: { senders: [] }, contentType: 'application/json' });
		const { error } = await senders({ returnAll: true });
		expect(error?.message).toBe('lemlist answered the list of senders with something other than a list');
	});
});
