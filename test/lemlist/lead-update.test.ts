import { useLemlist } from './lemlist-env';

const { env, run } = useLemlist({
	resource: 'campaignLead',
	operation: 'update',
	campaignId: { __rl: true, mode: 'list', value: 'cam_A1', cachedResultName: 'Q4 Outbound' },
	leadId: 'lea_1',
});
const updateLead = async (parameters: Record<string, unknown>, items?: object[]) => await run({ parameters, items });

describe('lemlist Campaign Lead → Update', () => {
	it('sends every field to the lead in the campaign and outputs lemlist\'s answer', async () => {
		const { items, error } = await updateLead({
			updateFields: {
				firstName: 'Ada',
				lastName: 'Lovelace',
				companyName: 'Analytical Engines',
				jobTitle: 'CTO',
				preferredContactMethod: 'email',
			},
		});
		expect(error).toBeUndefined();
		expect(env.mock.requests).toHaveLength(1);
		expect(env.mock.requests[0]).toMatchObject({
			method: 'PATCH',
			path: '/api/campaigns/cam_A1/leads/lea_1',
			body: { firstName: 'Ada', lastName: 'Lovelace', companyName: 'Analytical Engines', jobTitle: 'CTO', preferredContactMethod: 'email' },
		});
		expect(items).toEqual([
			{
				json: { _id: 'lea_1', campaignId: 'cam_A1', firstName: 'Ada', lastName: 'Lovelace', companyName: 'Analytical Engines', jobTitle: 'CTO', preferredContactMethod: 'email' },
				pairedItem: { item: 0 },
			},
		]);
		expect(env.mock.state.leads.get('lea_1')).toMatchObject({ firstName: 'Ada', jobTitle: 'CTO' });
	});

	it('updates several leads from item data, in order', async () => {
		const { items } = await updateLead(
			{ leadId: '={{ $json.id }}', updateFields: { jobTitle: '={{ $json.title }}' } },
			[{ id: 'lea_1', title: 'CEO' }, { id: 'lea_2', title: 'COO' }],
		);
		expect(items.map((item) => [item.json._id, item.json.jobTitle, item.pairedItem])).toEqual([
			['lea_1', 'CEO', { item: 0 }],
			['lea_2', 'COO', { item: 1 }],
		]);
	});

	it('carries lemlist\'s own words for a lead in the graveyard, without retrying it', async () => {
		const { error } = await updateLead({ leadId: 'lea_GRAVE', updateFields: { firstName: 'Ghost' } });
		expect(error).toMatchObject({ name: 'NodeApiError', httpCode: '500' });
		expect(error?.message).toContain('Lead in graveyard');
		expect(env.mock.requests).toHaveLength(1);
	});

	it('says "Lead not found" for an unknown lead', async () => {
		const { error } = await updateLead({ leadId: 'lea_nope', updateFields: { firstName: 'X' } });
		expect(error).toMatchObject({ httpCode: '404', message: 'lemlist answered 404: Lead not found' });
	});

	it.each([
		[{ leadId: '={{ "" }}' }, 'Lead ID (leadId) is empty'],
		[{ leadId: '   ' }, 'Lead ID (leadId) is empty'],
		[{ leadId: '..' }, 'is not a valid ID'],
		[{ leadId: '={{ $json.missing }}' }, 'Lead ID (leadId) is empty'],
		[{ updateFields: {} }, 'Nothing to update'],
		[{ updateFields: { firstName: '  ' } }, 'Nothing to update'],
	])('refuses %j before any request', async (parameters, message) => {
		const { error } = await updateLead({ updateFields: { firstName: 'Ada' }, ...parameters });
		expect(error).toMatchObject({ name: 'NodeOperationError' });
		expect(error?.message).toContain(message);
		expect(env.mock.requests).toHaveLength(0);
	});
});
