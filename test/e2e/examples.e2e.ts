import { loadExamples, runExample, examplesDir, triggerOf, type Example, type ExampleOutcome } from '../../sandbox/examples';
import { N8nInstance } from '../../sandbox/n8n';
import { SmartleadMock } from '../../sandbox/providers/smartlead';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox';

/**
 * The pack inside a real n8n (2.8.4, or N8N_E2E_VERSION): installed as the community package users get, credentials and
 * workflows imported, each workflow run headlessly with `n8n execute` against the provider sandbox. Examples that a
 * provider's event starts run in a server, in triggers.e2e.ts.
 */
let sandbox: Sandbox;
let n8n: N8nInstance;
const examples = loadExamples().filter((example) => !triggerOf(example));
const WRONG_KEY = 'lemlist-wrong-key-e2e-5150';
const WRONG_SMARTLEAD_KEY = 'smartlead-wrong-key-e2e-7777';

/** A copy of an example under a new id with its pack node's parameters or credential changed. */
function variant(file: string, id: string, change: { parameters?: Record<string, unknown>; credentialId?: string }) {
	const example = JSON.parse(JSON.stringify(examples.find((candidate) => candidate.file === file))) as Example & Record<string, unknown>;
	const node = example.nodes.find((candidate) => candidate.type.startsWith('n8n-nodes-outreach.')) as Example['nodes'][number] & {
		credentials: Record<string, { id: string; name: string }>;
	};
	Object.assign(node.parameters, change.parameters);
	if (change.credentialId) {
		for (const credential of Object.values(node.credentials)) Object.assign(credential, { id: change.credentialId, name: change.credentialId });
	}
	return { ...example, id, name: `${example.name} (${id})`, file: `${id}.json` };
}

const failures = {
	wrongKey: variant('lemlist-campaign-lead-update.json', 'e2eWrongKey00001', { credentialId: 'e2eWrongLemlist1' }),
	badEnum: variant('lemlist-campaign-update.json', 'e2eBadEnum000001', {
		parameters: { updateFields: { autoReviewConditions: '={{ ["deliverable", "maybe"] }}' } },
	}),
	notFound: variant('lemlist-campaign-lead-update.json', 'e2eNotFound00001', {
		parameters: { campaignId: { __rl: true, mode: 'id', value: 'cam_nope' } },
	}),
	rateLimited: variant('lemlist-campaign-lead-update.json', 'e2eRateLimit0001', {}),
	smartleadWrongKey: variant('smartlead-campaign-schedule.json', 'e2eSlWrongKey001', { credentialId: 'e2eWrongSmartlea' }),
};

beforeAll(async () => {
	sandbox = await startSandbox();
	n8n = await N8nInstance.create();
	const withKey = (type: string, id: string, apiKey: string) => {
		const credential = sandbox.credentials().find((candidate) => candidate.type === type)!;
		return { ...credential, id, name: id, data: { ...credential.data, apiKey } };
	};
	await n8n.importCredentials([
		...sandbox.credentials(),
		withKey('lemlistOutreachApi', 'e2eWrongLemlist1', WRONG_KEY),
		withKey('smartleadOutreachApi', 'e2eWrongSmartlea', WRONG_SMARTLEAD_KEY),
	]);
	await n8n.importWorkflowFolder(examplesDir);
	for (const workflow of Object.values(failures)) await n8n.importWorkflow(workflow);
});

afterAll(async () => {
	n8n?.dispose();
	await sandbox?.close();
});

/** The requests each example must make, as method, path and status, in order. */
const expectedRequests: Record<string, string[]> = {
	'bulk-lead-update-continue-on-fail.json': [
		'lemlist PATCH /api/campaigns/cam_A1/leads/lea_1 200',
		'lemlist PATCH /api/campaigns/cam_A1/leads/lea_missing 404',
		'lemlist PATCH /api/campaigns/cam_A1/leads/lea_2 200',
	],
	'lemlist-campaign-lead-update.json': ['lemlist PATCH /api/campaigns/cam_A1/leads/lea_1 200'],
	'lemlist-campaign-update.json': ['lemlist PATCH /api/campaigns/cam_A1 200'],
	'smartlead-campaign-lead-update.json': ['smartlead POST /api/v1/campaigns/101/leads/5001?api_key=*** 200'],
	'smartlead-campaign-schedule.json': ['smartlead POST /api/v1/campaigns/101/schedule?api_key=*** 200'],
	'smartlead-campaign-settings-legacy-value.json': ['smartlead POST /api/v1/campaigns/101/settings?api_key=*** 200'],
	'sendkit-campaign-update.json': ['sendkit PATCH /v1/campaigns/665a1b2c3d4e5f6a7b8c9d0e 200'],
	'sendkit-lead-clear-tag.json': ['sendkit PATCH /v1/campaigns/665a1b2c3d4e5f6a7b8c9d0e/leads/666a1b2c3d4e5f6a7b8c9d02 200'],
	'sendkit-lead-pause-with-ai-tag.json': ['sendkit PATCH /v1/campaigns/665a1b2c3d4e5f6a7b8c9d0e/leads/666a1b2c3d4e5f6a7b8c9d01 200'],
	'lemlist-crm-email-mark-interested.json': [
		'lemlist GET /api/leads/ada%40example.com?version=v2 200',
		'lemlist GET /api/leads/alan%40example.com?version=v2 200',
		'lemlist GET /api/leads/nobody%40example.com?version=v2 404',
		'lemlist POST /api/campaigns/cam_A1/leads/lea_1/interested 200',
		'lemlist POST /api/campaigns/cam_A1/leads/lea_2/interested 200',
	],
	'sendkit-pause-lead-by-email.json': [
		'sendkit GET /v1/campaigns/665a1b2c3d4e5f6a7b8c9d0e/leads?limit=100 200',
		'sendkit PATCH /v1/campaigns/665a1b2c3d4e5f6a7b8c9d0e/leads/666a1b2c3d4e5f6a7b8c9d01 200',
		'sendkit GET /v1/campaigns/665a1b2c3d4e5f6a7b8c9d0e/leads?status=paused&limit=100 200',
	],
	'lemlist-bounced-lead-remove-and-block-domain.json': [
		'lemlist GET /api/leads/margaret.hamilton.2%40initech.example?version=v2 200',
		'lemlist DELETE /api/campaigns/cam_B2/leads/lea_EU002?action=remove 200',
		'lemlist POST /api/unsubscribes/%40initech.example 200',
	],
	// The domain blocked once (executeOnce), then the four rows in one request.
	'smartlead-crm-rows-add-to-campaign.json': [
		'smartlead POST /api/v1/leads/add-domain-block-list?api_key=*** 200',
		'smartlead POST /api/v1/campaigns/101/leads?api_key=*** 200',
	],
	'smartlead-weekly-campaign-stats.json': [
		'smartlead GET /api/v1/campaigns/?api_key=*** 200',
		'smartlead GET /api/v1/campaigns/101/analytics?api_key=*** 200',
		'smartlead GET /api/v1/campaigns/104/analytics?api_key=*** 200',
	],
	// One workflow, three providers: the lead found by email, paused, marked interested, each by its provider's own requests.
	'outreach-lead-pause-and-mark-interested-lemlist.json': [
		'lemlist GET /api/leads/ada%40example.com?version=v2 200',
		'lemlist POST /api/leads/pause/lea_1?campaignId=cam_A1 200',
		'lemlist POST /api/campaigns/cam_A1/leads/lea_1/interested 200',
	],
	'outreach-lead-pause-and-mark-interested-smartlead.json': [
		'smartlead GET /api/v1/leads/?email=ada%40example.com&api_key=*** 200',
		'smartlead POST /api/v1/campaigns/101/leads/5001/pause?api_key=*** 200',
		'smartlead GET /api/v1/leads/fetch-categories?api_key=*** 200',
		'smartlead POST /api/v1/campaigns/101/leads/5001/category?api_key=*** 200',
	],
	'outreach-lead-pause-and-mark-interested-sendkit.json': [
		'sendkit GET /v1/campaigns/665a1b2c3d4e5f6a7b8c9d0e/leads?limit=100 200',
		'sendkit PATCH /v1/campaigns/665a1b2c3d4e5f6a7b8c9d0e/leads/666a1b2c3d4e5f6a7b8c9d01 200',
		'sendkit PATCH /v1/campaigns/665a1b2c3d4e5f6a7b8c9d0e/leads/666a1b2c3d4e5f6a7b8c9d01 200',
	],
	// The campaign's 30 paused leads, read in one page of 100, each resumed.
	'smartlead-resume-paused-leads.json': [
		'smartlead GET /api/v1/campaigns/104/leads?status=PAUSED&offset=0&limit=100&api_key=*** 200',
		...pausedIn104().map((leadId) => `smartlead POST /api/v1/campaigns/104/leads/${leadId}/resume?api_key=*** 200`),
	],
};

/** The paused leads of Smartlead's campaign 104 in the stand-in's seed. */
function pausedIn104(): number[] {
	return new SmartleadMock().state.memberships.filter((m) => m.campaignId === 104 && m.status === 'PAUSED').map((m) => m.leadId);
}

/** Items a pack node outputs per example: one per request, except where a read or a lookup makes them differ. */
const expectedItems: Record<string, number> = {
	'lemlist-bounced-lead-remove-and-block-domain.json': 2,
	'smartlead-crm-rows-add-to-campaign.json': 5,
	'smartlead-weekly-campaign-stats.json': 4,
	'lemlist-crm-email-mark-interested.json': 3,
	'sendkit-pause-lead-by-email.json': 6,
	'smartlead-resume-paused-leads.json': 60,
	'outreach-lead-pause-and-mark-interested-smartlead.json': 3,
};

/** Each example's first run, for the checks of examples that change what they act on (a second run would find it changed). */
const firstRuns = new Map<string, ExampleOutcome>();

describe('every example runs in a real n8n', () => {
	it('has an expectation for every example file', () => {
		expect(examples.map((example) => example.file).sort()).toEqual(Object.keys(expectedRequests).sort());
	});

	it.each(examples.map((example) => [example.file, example] as const))('%s', async (file, example) => {
		const outcome = await runExample(n8n, sandbox, example);
		firstRuns.set(file, outcome);
		expect(outcome.reason).toBeUndefined();
		const requests = outcome.requests.map((request) => `${request.provider} ${request.method} ${request.path} ${request.status}`);
		expect(requests.sort()).toEqual([...expectedRequests[file]].sort());
		expect(outcome.items).toHaveLength(expectedItems[file] ?? expectedRequests[file].length);
	});

	it('an address that matches no lead fails only its own row, naming it; the others are marked interested', async () => {
		const outcome = await runExample(n8n, sandbox, examples.find((example) => example.file === 'lemlist-crm-email-mark-interested.json')!);
		expect(outcome.items.map((item) => item.json.error ?? item.json.leadId)).toEqual(['lea_1', 'lea_2', 'No lead with the email address "nobody@example.com" in campaign cam_A1']);
	});

	it('SendKit receives the tag, the cleared tag and the nested campaign settings exactly', async () => {
		const bodies: Record<string, unknown> = {};
		for (const file of ['sendkit-lead-pause-with-ai-tag.json', 'sendkit-lead-clear-tag.json', 'sendkit-campaign-update.json']) {
			const outcome = await runExample(n8n, sandbox, examples.find((example) => example.file === file)!);
			bodies[file] = outcome.requests[0]?.body;
		}
		expect(bodies).toEqual({
			'sendkit-lead-pause-with-ai-tag.json': { status: 'paused', aiTag: 'Meeting Booked' },
			'sendkit-lead-clear-tag.json': { aiTag: null },
			'sendkit-campaign-update.json': {
				name: 'Founders outreach (EU)',
				settings: { trackOpens: false, stopOnReply: true, stopOnCompanyReply: true, dailySendLimit: 40, emailIntervalMinutes: 12, bcc: ['crm-sync@acme.com'] },
				schedule: { timezone: 'Europe/Paris', startTime: '09:00', endTime: '17:30', workingDays: [1, 2, 3, 4, 5], skipNationalHolidays: true },
			},
		});
	});

	it('Smartlead receives the legacy values translated and custom fields as an object', async () => {
		const settings = await runExample(n8n, sandbox, examples.find((example) => example.file === 'smartlead-campaign-settings-legacy-value.json')!);
		expect(settings.requests[0].body).toMatchObject({
			track_settings: ['DONT_TRACK_EMAIL_OPEN', 'DONT_TRACK_LINK_CLICK'],
			stop_lead_settings: 'OPEN_AN_EMAIL',
		});
		expect(settings.items[0].json).toEqual({ ok: true, campaignId: 101 });
		const lead = await runExample(n8n, sandbox, examples.find((example) => example.file === 'smartlead-campaign-lead-update.json')!);
		expect(lead.requests[0].body).toMatchObject({ email: 'ada@example.com', custom_fields: { plan: 'enterprise', seats: '40' } });
		expect(lead.items[0].json).toEqual({ ok: true, campaignId: 101, leadId: 5001, email: 'ada@example.com' });
	});

	it('the CRM rows go to Smartlead in one request; each row gets its own item with the batch counts, the blocked lead not uploaded', async () => {
		const outcome = firstRuns.get('smartlead-crm-rows-add-to-campaign.json')!;
		const added = outcome.items.filter((item) => item.node === 'Add Leads to Campaign');
		expect(added.map((item) => item.json.email)).toEqual(['grace@hopper.example', 'linus@kernel.example', 'sam@competitor.example', 'margaret@apollo.example']);
		expect(added[0].json.batch).toMatchObject({ size: 4, upload_count: 3, block_count: 1 });
	});

	it('the bounced lead leaves its campaign and its domain goes on the unsubscribe list', async () => {
		const outcome = firstRuns.get('lemlist-bounced-lead-remove-and-block-domain.json')!;
		expect(outcome.items.map((item) => [item.json.status, item.json.leadId ?? item.json.value])).toEqual([
			['removed', 'lea_EU002'],
			['added', 'initech.example'],
		]);
	});

	it('the same Outreach workflow on each provider: one lead item of the shared shape per node, found, paused, marked interested', () => {
		const files = { lemlist: 'lemlist', smartlead: 'smartlead', sendKit: 'sendkit' };
		for (const [provider, name] of Object.entries(files)) {
			const outcome = firstRuns.get(`outreach-lead-pause-and-mark-interested-${name}.json`)!;
			expect(outcome.items.map((item) => item.node)).toEqual(['Find Lead by Email', 'Pause Lead', 'Mark Interested']);
			for (const { json } of outcome.items) {
				expect(Object.keys(json).sort()).toEqual(['campaignId', 'companyName', 'email', 'firstName', 'lastName', 'leadId', 'provider', 'providerStatus', 'raw', 'status']);
				expect(json.provider).toBe(provider);
			}
			expect(outcome.items[0].json.email).toBe('ada@example.com');
			expect(outcome.items.slice(1).map((item) => item.json.status)).toEqual(['paused', 'interested']);
			// Each action acts on the lead and campaign the found item names.
			expect(new Set(outcome.items.map((item) => `${String(item.json.campaignId)}/${String(item.json.leadId)}`)).size).toBe(1);
			expect(new Set(outcome.requests.map((request) => request.provider))).toEqual(new Set([name]));
		}
	});

	it('the bulk example pairs an error item with the failing row and goes on', async () => {
		const outcome = await runExample(n8n, sandbox, examples.find((example) => example.file === 'bulk-lead-update-continue-on-fail.json')!);
		expect(outcome.items.map((item) => item.json.error ?? item.json.jobTitle)).toEqual(['CEO', 'lemlist answered 404: Lead not found', 'CTO']);
	});
});

describe('failure paths in a real n8n', () => {
	it('a wrong API key fails with lemlist\'s message and the key appears nowhere', async () => {
		const outcome = await runExample(n8n, sandbox, failures.wrongKey);
		expect(outcome.ok).toBe(false);
		expect(outcome.reason).toContain('lemlist answered 401: The authentication you supplied is incorrect');
		expect(outcome.requests.map((request) => request.status)).toEqual([401]);
		const everything = JSON.stringify(outcome);
		expect(everything).not.toContain(WRONG_KEY);
		expect(everything).not.toContain(Buffer.from(`:${WRONG_KEY}`).toString('base64'));
	});

	it('a wrong Smartlead key (sent in the URL) fails with Smartlead\'s message and appears nowhere in what n8n printed', async () => {
		const outcome = await runExample(n8n, sandbox, failures.smartleadWrongKey);
		expect(outcome.reason).toContain('Smartlead answered 401: Invalid API Key');
		expect(outcome.requests.map((request) => request.status)).toEqual([401]);
		expect(JSON.stringify(outcome)).not.toContain(WRONG_SMARTLEAD_KEY);
		expect(outcome.output).not.toContain(WRONG_SMARTLEAD_KEY);
	});

	it('a value outside an enum fails before any request, naming the allowed values', async () => {
		const outcome = await runExample(n8n, sandbox, failures.badEnum);
		expect(outcome.ok).toBe(false);
		expect(outcome.reason).toContain('has an unknown value "maybe"; allowed values: deliverable, risky, undeliverable, unverified');
		expect(outcome.requests).toHaveLength(0);
	});

	it('a provider 404 carries the provider\'s message', async () => {
		const outcome = await runExample(n8n, sandbox, failures.notFound);
		expect(outcome.reason).toContain('lemlist answered 404: Campaign not found');
		expect(outcome.requests.map((request) => request.status)).toEqual([404]);
	});

	it('a 429 is waited out as Retry-After says and the update goes through', async () => {
		sandbox.mock('lemlist').inject({ status: 429, body: 'Too many requests', contentType: 'text/plain', headers: { 'Retry-After': '2' } });
		const outcome = await runExample(n8n, sandbox, failures.rateLimited);
		expect(outcome.reason).toBeUndefined();
		expect(outcome.requests.map((request) => request.status)).toEqual([429, 200]);
		expect(outcome.items[0].json).toMatchObject({ _id: 'lea_1', firstName: 'Ada' });
	});
});
