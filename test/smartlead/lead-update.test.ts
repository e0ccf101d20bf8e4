import { campaign, expectRefusedBeforeRequest, useSmartlead } from './smartlead-env';

const { env, run } = useSmartlead({
	resource: 'campaignLead',
	operation: 'update',
	campaignId: { __rl: true, mode: 'list', value: '101', cachedResultName: 'Q4 Outbound' },
	leadId: '5001',
	email: 'ada@example.com',
});
const updateLead = async (parameters: Record<string, unknown>, items?: object[]) => await run({ parameters, items });
const rows = (count: number) => Array.from({ length: count }, (_, index) => ({ name: `field_${index}`, value: `v${index}` }));

const LEAD_FIELDS = {
	first_name: 'Ada',
	last_name: 'Lovelace',
	company_name: 'Analytical Engines',
	phone_number: '+44 20 7946 0000',
	website: 'https://ada.example',
	location: 'London',
	linkedin_profile: 'https://www.linkedin.com/in/ada',
	company_url: 'https://engines.example',
};

describe('Smartlead Campaign Lead → Update', () => {
	it('sends the email and every field, custom fields as an object, and outputs the updated IDs', async () => {
		const { items, error } = await updateLead({
			email: 'ada.lovelace@engines.example',
			updateFields: { ...LEAD_FIELDS, custom_fields: { field: [{ name: 'Title', value: 'Countess' }, { name: 'Score', value: '92' }] } },
		});
		expect(error).toBeUndefined();
		expect(env.mock.requests).toHaveLength(1);
		expect(env.mock.requests[0]).toMatchObject({
			method: 'POST',
			path: '/api/v1/campaigns/101/leads/5001',
			query: { api_key: env.mock.apiKey },
		});
		expect(env.mock.requests[0].body).toEqual({
			email: 'ada.lovelace@engines.example',
			...LEAD_FIELDS,
			custom_fields: { Title: 'Countess', Score: '92' },
		});
		expect(items).toEqual([
			{ json: { ok: true, campaignId: 101, leadId: 5001, email: 'ada.lovelace@engines.example' }, pairedItem: { item: 0 } },
		]);
		expect(env.mock.state.leads.get(5001)).toMatchObject({ email: 'ada.lovelace@engines.example', custom_fields: { Title: 'Countess', Score: '92' } });
	});

	it('sends the email alone when nothing else is added, and leaves empty rows and values out', async () => {
		await updateLead({ email: ' alan@example.com ', leadId: '5002', updateFields: { first_name: '', custom_fields: { field: [{ name: '', value: '' }] } } });
		expect(env.mock.requests[0].body).toEqual({ email: 'alan@example.com' });
	});

	it('takes up to 200 custom fields', async () => {
		const { error } = await updateLead({ updateFields: { custom_fields: { field: rows(200) } } });
		expect(error).toBeUndefined();
		expect(Object.keys((env.mock.requests[0].body as { custom_fields: object }).custom_fields)).toHaveLength(200);
	});

	it('updates leads from item data, in order, each paired', async () => {
		const { items, error } = await updateLead(
			{ leadId: '={{ $json.lead }}', email: '={{ $json.email }}', updateFields: { first_name: '={{ $json.first }}' } },
			[
				{ lead: 5001, email: 'ada@example.com', first: 'Ada' },
				{ lead: '5002', email: 'alan@example.com', first: 'Alan' },
			],
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { ok: true, campaignId: 101, leadId: 5001, email: 'ada@example.com' }, pairedItem: { item: 0 } },
			{ json: { ok: true, campaignId: 101, leadId: 5002, email: 'alan@example.com' }, pairedItem: { item: 1 } },
		]);
	});

	it.each([
		[{ email: '={{ "" }}' }, 'Email (email) is empty'],
		[{ email: '={{ $json.nothing }}' }, 'Email (email) is empty'],
		[{ email: 'ada.example.com' }, 'Email (email) does not look like an email address: "ada.example.com"'],
		[{ email: 'ada@example' }, 'does not look like an email address'],
		[{ email: 'ada @example.com' }, 'does not look like an email address'],
		[{ leadId: 'lead_5001' }, 'Lead ID or Email (leadId) must be a number or an email address, not "lead_5001"'],
		[{ leadId: 'ada@example' }, 'Lead ID or Email (leadId) must be a number or an email address, not "ada@example"'],
		[{ leadId: '={{ "" }}' }, 'Lead ID or Email (leadId) is empty'],
		[{ campaignId: campaign('Q4') }, 'Campaign (campaignId) must be a number, not "Q4"'],
		[{ updateFields: { custom_fields: { field: rows(201) } } }, '"Custom Fields" (updateFields.custom_fields) has 201 fields; Smartlead takes at most 200'],
		[{ updateFields: { custom_fields: { field: [{ name: 'a', value: '1' }, { name: 'a', value: '2' }] } } }, 'names "a" twice'],
		[{ updateFields: { custom_fields: { field: [{ name: ' ', value: 'orphan' }] } } }, 'has a value without a name: "orphan"'],
	])('refuses %j before any request', async (parameters, message) => {
		const { error } = await updateLead(parameters);
		expectRefusedBeforeRequest(error, env.mock, message);
	});

	it.each([[{ email: '' }], [{ leadId: '' }]])('n8n itself refuses a literally empty required %j, before any request', async (parameters) => {
		await expect(updateLead(parameters)).rejects.toThrow('The workflow has issues');
		expect(env.mock.requests).toHaveLength(0);
	});

	it('carries Smartlead\'s 404 for a lead outside the campaign', async () => {
		const { error } = await updateLead({ leadId: '5003' });
		expect(error).toMatchObject({ name: 'NodeApiError', httpCode: '404', message: 'Smartlead answered 404: Lead not found - Invalid lead_id.' });
	});
});
