import { runLoadOptions } from '../../sandbox/engine';
import { SENDKIT_SEED } from '../../sandbox/providers/sendkit';
import { expectNoSecret, SENDKIT, useSendKit } from './sendkit-env';

const { env, run, credentials, platform } = useSendKit({
	resource: 'campaignLead',
	operation: 'update',
	campaignId: { __rl: true, mode: 'list', value: SENDKIT_SEED.campaignId, cachedResultName: 'Q1 Outreach Campaign' },
	campaignLeadId: SENDKIT_SEED.campaignLeadId,
});
const updateLead = async (parameters: Record<string, unknown>, items?: object[]) => await run({ parameters, items });
const leadPath = (campaignLeadId = SENDKIT_SEED.campaignLeadId) =>
	`/v1/campaigns/${SENDKIT_SEED.campaignId}/leads/${campaignLeadId}`;

describe('SendKit Campaign Lead → Update', () => {
	it('sends status and aiTag to the campaign lead and outputs SendKit\'s data, not the envelope', async () => {
		const { items, error } = await updateLead({ updateFields: { status: 'paused', aiTag: 'Meeting Booked' } });
		expect(error).toBeUndefined();
		expect(env.mock.requests).toHaveLength(1);
		const [request] = env.mock.requests;
		expect(request).toMatchObject({ method: 'PATCH', path: leadPath(), body: { status: 'paused', aiTag: 'Meeting Booked' } });
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(items).toEqual([
			{
				json: {
					_id: SENDKIT_SEED.campaignLeadId,
					campaignId: SENDKIT_SEED.campaignId,
					status: 'paused',
					aiTag: 'Meeting Booked',
					currentSequenceStep: 1,
					replied: false,
					addedAt: '2025-06-15T09:00:00.000Z',
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(items[0].json).not.toHaveProperty('success');
	});

	it('sends only the status when only the status is set', async () => {
		await updateLead({ updateFields: { status: 'active', aiTag: '' } });
		expect(env.mock.requests[0].body).toEqual({ status: 'active' });
		expect(env.mock.events).toEqual([]);
	});

	it('Clear AI Tag sends "aiTag": null', async () => {
		const { items, error } = await updateLead({
			campaignLeadId: SENDKIT_SEED.interestedLeadId,
			updateFields: { clearAiTag: true },
		});
		expect(error).toBeUndefined();
		expect(env.mock.requests[0].rawBody).toBe('{"aiTag":null}');
		expect(items[0].json).toMatchObject({ aiTag: null });
	});

	it('Clear AI Tag off sends nothing for the tag', async () => {
		await updateLead({ updateFields: { clearAiTag: false, status: 'paused' } });
		expect(env.mock.requests[0].body).toEqual({ status: 'paused' });
	});

	it('passes subsequenceEnrollment through when SendKit reports one', async () => {
		const { items } = await updateLead({ updateFields: { aiTag: 'Interested' } });
		expect(items[0].json.subsequenceEnrollment).toEqual({ action: 'enrolled', subsequenceName: 'Interested follow-up' });
		const { items: exited } = await updateLead({ campaignLeadId: SENDKIT_SEED.interestedLeadId, updateFields: { aiTag: 'Not Interested' } });
		expect(exited[0].json.subsequenceEnrollment).toEqual({ action: 'exited', subsequenceName: 'Interested follow-up' });
	});

	it('lead.tag_changed fires only when the tag value actually changes', async () => {
		await updateLead({ updateFields: { aiTag: 'Interested' } });
		await updateLead({ updateFields: { aiTag: 'Interested' } }); // same value again: no event
		await updateLead({ updateFields: { status: 'paused' } }); // no tag: no event
		await updateLead({ updateFields: { clearAiTag: true } });
		await updateLead({ updateFields: { clearAiTag: true } }); // already cleared: no event
		expect(env.mock.requests).toHaveLength(5);
		expect(env.mock.events).toEqual([
			{ event: 'lead.tag_changed', campaignId: SENDKIT_SEED.campaignId, campaignLeadId: SENDKIT_SEED.campaignLeadId, previousTag: null, newTag: 'Interested' },
			{ event: 'lead.tag_changed', campaignId: SENDKIT_SEED.campaignId, campaignLeadId: SENDKIT_SEED.campaignLeadId, previousTag: 'Interested', newTag: null },
		]);
	});

	it('takes status and tag from expressions, per item, in order', async () => {
		const { items, error } = await updateLead(
			{ campaignLeadId: '={{ $json.id }}', updateFields: { status: '={{ $json.status }}', aiTag: '={{ $json.tag }}' } },
			[
				{ id: SENDKIT_SEED.campaignLeadId, status: 'paused', tag: 'Out of Office' },
				{ id: SENDKIT_SEED.interestedLeadId, status: 'active', tag: 'Meeting Booked' },
			],
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json._id, item.json.status, item.json.aiTag, item.pairedItem])).toEqual([
			[SENDKIT_SEED.campaignLeadId, 'paused', 'Out of Office', { item: 0 }],
			[SENDKIT_SEED.interestedLeadId, 'active', 'Meeting Booked', { item: 1 }],
		]);
		expect(env.mock.requests.map((request) => request.body)).toEqual(
			expect.arrayContaining([
				{ status: 'paused', aiTag: 'Out of Office' },
				{ status: 'active', aiTag: 'Meeting Booked' },
			]),
		);
	});

	it('keeps IDs inside their path segment', async () => {
		const { error } = await updateLead({ campaignLeadId: '../../workspaces', updateFields: { status: 'paused' } });
		expect(env.mock.requests[0].path).toBe(`/v1/campaigns/${SENDKIT_SEED.campaignId}/leads/..%2F..%2Fworkspaces`);
		expect(error?.httpCode).toBe('404');
	});

	it.each([
		[{ updateFields: { status: 'completed' } }, '"Status" (updateFields.status) has an unknown value "completed"; allowed values: active, paused'],
		[{ updateFields: { status: '={{ "removed" }}' } }, 'has an unknown value "removed"; allowed values: active, paused'],
		[{ updateFields: { aiTag: 'Interested', clearAiTag: true } }, 'Set either "AI Tag" (updateFields.aiTag) or "Clear AI Tag", not both'],
		[{ updateFields: { aiTag: '={{ "Hot" }}', clearAiTag: '={{ true }}' } }, 'not both'],
		[{ updateFields: {} }, 'Nothing to update'],
		[{ updateFields: { aiTag: '  ', clearAiTag: false } }, 'Nothing to update'],
		[{ campaignLeadId: '   ' }, 'Campaign Lead ID (campaignLeadId) is empty'],
		[{ campaignLeadId: '={{ $json.missing }}' }, 'Campaign Lead ID (campaignLeadId) is empty'],
		[{ campaignId: { __rl: true, mode: 'id', value: '={{ "" }}' } }, 'Campaign (campaignId) is empty'],
		[{ updateFields: { clearAiTag: '={{ "maybe" }}' } }, 'must be true or false, not "maybe"'],
	])('refuses %j before any request', async (parameters, message) => {
		const { error } = await updateLead({ updateFields: { status: 'paused' }, ...parameters }, [{ a: 1 }]);
		expect(error).toMatchObject({ name: 'NodeOperationError' });
		expect(error?.message).toContain(message);
		expect((error?.context as { itemIndex?: number })?.itemIndex).toBe(0);
		expect(env.mock.requests).toHaveLength(0);
	});

	it('carries SendKit\'s 400 for a tag that is not one of the workspace\'s labels', async () => {
		const { error, run: execution } = await updateLead({ updateFields: { aiTag: 'Very Interested' } });
		expect(error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '400',
			message: 'SendKit answered 400: aiTag "Very Interested" does not match any AI tagging label in this workspace',
		});
		expect(env.mock.requests).toHaveLength(1);
		expect(env.mock.events).toEqual([]);
		expectNoSecret(execution, SENDKIT_SEED.workspaceKey);
	});

	it('carries SendKit\'s 404 for a Lead ID given where the CampaignLead _id belongs', async () => {
		const { error } = await updateLead({ campaignLeadId: SENDKIT_SEED.leadId, updateFields: { status: 'paused' } });
		expect(error).toMatchObject({ httpCode: '404', message: 'SendKit answered 404: Campaign lead not found' });
		expect(error?.description).toContain(`PATCH /v1/campaigns/${SENDKIT_SEED.campaignId}/leads/${SENDKIT_SEED.leadId}`);
	});
});

describe('SendKit AI tag dropdown', () => {
	it('lists the workspace\'s AI tag labels by name', async () => {
		const options = await runLoadOptions({ type: SENDKIT, method: 'getAiTags', credentials: credentials() });
		expect(options).toEqual([
			{ name: 'Interested', value: 'Interested' },
			{ name: 'Meeting Booked', value: 'Meeting Booked' },
			{ name: 'Not Interested', value: 'Not Interested' },
			{ name: 'Out of Office', value: 'Out of Office' },
		]);
		expect(env.mock.requests).toMatchObject([{ method: 'GET', path: '/v1/tags' }]);
		expect(env.mock.requests[0].headers['x-api-key']).toBe(SENDKIT_SEED.workspaceKey);
		expect(env.mock.requests[0].headers).not.toHaveProperty('x-workspace-id');
	});

	it('lists the labels of the workspace a platform key names', async () => {
		const options = await runLoadOptions({
			type: SENDKIT,
			method: 'getAiTags',
			credentials: credentials(platform(SENDKIT_SEED.workspaceIds[1])),
		});
		expect(options.map((option) => option.value)).toEqual(['Cold', 'Hot']);
		expect(env.mock.requests[0].headers['x-workspace-id']).toBe(SENDKIT_SEED.workspaceIds[1]);
	});

	it('the parameter loads its options from getAiTags and the descriptions say what users must know', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { SendKit } = require('../../nodes/SendKit/SendKit.node') as typeof import('../../nodes/SendKit/SendKit.node');
		const properties = new SendKit().description.properties;
		const leadId = properties.find((property) => property.name === 'campaignLeadId');
		expect(leadId?.description).toMatch(/_id of the CampaignLead record.*not the Lead ID/);
		const fields = properties.find(
			(property) => property.name === 'updateFields' && property.displayOptions?.show?.resource?.includes('campaignLead'),
		);
		const aiTag = (fields?.options as Array<{ name: string; typeOptions?: object; description?: string }>).find((field) => field.name === 'aiTag');
		expect(aiTag?.typeOptions).toEqual({ loadOptionsMethod: 'getAiTags' });
		expect(aiTag?.description).toContain('lead.tag_changed');
	});
});
