/**
 * Simplify on the Outreach node: every lead and campaign item carries `raw`, the provider's whole
 * record; simplified, the item is the shared shape without it.
 */
import type { HttpMock } from '../../sandbox/providers/http-mock';
import { startLemlistMock } from '../../sandbox/providers/lemlist';
import { SENDKIT_SEED, startSendKitMock } from '../../sandbox/providers/sendkit';
import { startSmartleadMock } from '../../sandbox/providers/smartlead';
import { runPackNode, useProviderMock } from '../harness/provider-env';
import { describeSimplify, type SimplifyCase } from '../unit/simplify-table';

const OUTREACH = 'n8n-nodes-outreach.outreach';
const campaign = (id: string | number) => ({ __rl: true, mode: 'id', value: String(id) });

const lemlist = useProviderMock(async () => await startLemlistMock());
const smartlead = useProviderMock(async () => await startSmartleadMock());
const sendKit = useProviderMock(async () => await startSendKitMock());

const credentials = {
	lemlist: () => ({ lemlistOutreachApi: { apiKey: lemlist.mock.apiKey, baseUrl: lemlist.mock.url } }),
	smartlead: () => ({ smartleadOutreachApi: { apiKey: smartlead.mock.apiKey, baseUrl: smartlead.mock.url } }),
	sendKit: () => ({
		sendKitOutreachApi: { apiKey: SENDKIT_SEED.workspaceKey, workspaceId: '', baseUrl: sendKit.mock.url, maxRequestsPerSecond: 10 },
	}),
};

const EXPECTED: Record<string, Pick<SimplifyCase, 'requests' | 'full' | 'simplified'>> = {
	'lemlist Lead → Get': {
		requests: [
			{
				method: 'GET',
				path: '/api/leads/ada%40example.com',
				query: {
					version: 'v2'
				},
				body: ''
			}
		],
		full: [
			{
				provider: 'lemlist',
				campaignId: 'cam_A1',
				leadId: 'lea_1',
				email: 'ada@example.com',
				firstName: 'Ada',
				lastName: 'Lovelace',
				companyName: 'Engines Ltd',
				status: 'active',
				providerStatus: 'emailsSent',
				raw: {
					_id: 'lea_1',
					updatedAt: '2024-06-03T09:30:00.000Z',
					isPaused: false,
					state: 'emailsSent',
					status: 'done',
					personalized: false,
					source: 'api',
					variables: {
						firstName: 'Ada',
						lastName: 'Lovelace',
						companyName: 'Engines Ltd',
						email: 'ada@example.com'
					},
					contactId: 'ctc_b5fc85e55755f9e0d',
					enrichment: {},
					campaign: {
						id: 'cam_A1',
						name: 'Q4 Outbound',
						status: 'running'
					},
					sendingUser: {}
				}
			}
		],
		simplified: [
			{
				provider: 'lemlist',
				campaignId: 'cam_A1',
				leadId: 'lea_1',
				email: 'ada@example.com',
				firstName: 'Ada',
				lastName: 'Lovelace',
				companyName: 'Engines Ltd',
				status: 'active',
				providerStatus: 'emailsSent'
			}
		],
	},
	'lemlist Lead → Get Many': {
		requests: [
			{
				method: 'GET',
				path: '/api/campaigns/cam_B2/export/leads',
				query: {
					state: 'all',
					format: 'json'
				},
				body: ''
			}
		],
		full: [
			{
				provider: 'lemlist',
				campaignId: null,
				leadId: 'lea_EU001',
				email: 'ada@example.com',
				firstName: 'Ada',
				lastName: 'Lovelace',
				companyName: 'Engines Ltd',
				status: 'unknown',
				providerStatus: 'reviewed',
				raw: {
					emailStatus: 'deliverable',
					email: 'ada@example.com',
					firstName: 'Ada',
					lastName: 'Lovelace',
					linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace-1',
					companyName: 'Engines Ltd',
					companyDomain: 'enginesltd.example',
					jobTitle: 'CEO',
					lastState: 'reviewed',
					status: 'review',
					_id: 'lea_EU001'
				}
			},
			{
				provider: 'lemlist',
				campaignId: null,
				leadId: 'lea_EU002',
				email: 'margaret.hamilton.2@initech.example',
				firstName: 'Margaret',
				lastName: 'Hamilton',
				companyName: 'Initech',
				status: 'active',
				providerStatus: 'emailsSent',
				raw: {
					emailStatus: 'risky',
					email: 'margaret.hamilton.2@initech.example',
					firstName: 'Margaret',
					lastName: 'Hamilton',
					linkedinUrl: 'https://www.linkedin.com/in/margaret-hamilton-2',
					companyName: 'Initech',
					companyDomain: 'initech.example',
					jobTitle: 'CTO',
					lastState: 'emailsSent',
					status: 'done',
					_id: 'lea_EU002'
				}
			}
		],
		simplified: [
			{
				provider: 'lemlist',
				campaignId: null,
				leadId: 'lea_EU001',
				email: 'ada@example.com',
				firstName: 'Ada',
				lastName: 'Lovelace',
				companyName: 'Engines Ltd',
				status: 'unknown',
				providerStatus: 'reviewed'
			},
			{
				provider: 'lemlist',
				campaignId: null,
				leadId: 'lea_EU002',
				email: 'margaret.hamilton.2@initech.example',
				firstName: 'Margaret',
				lastName: 'Hamilton',
				companyName: 'Initech',
				status: 'active',
				providerStatus: 'emailsSent'
			}
		],
	},
	'lemlist Lead → Pause': {
		requests: [
			{
				method: 'POST',
				path: '/api/leads/pause/lea_1',
				query: {
					campaignId: 'cam_A1'
				},
				body: ''
			}
		],
		full: [
			{
				provider: 'lemlist',
				campaignId: 'cam_A1',
				leadId: 'lea_1',
				email: null,
				firstName: null,
				lastName: null,
				companyName: null,
				status: 'paused',
				providerStatus: null,
				raw: {
					campaignId: 'cam_A1',
					leadId: 'lea_1',
					leads: [
						{
							firstName: 'Ada',
							lastName: 'Lovelace',
							companyName: 'Engines Ltd',
							email: 'ada@example.com',
							_id: 'lea_1',
							isPaused: true,
							campaignId: 'cam_A1',
							contactId: 'ctc_b5fc85e55755f9e0d'
						}
					]
				}
			}
		],
		simplified: [
			{
				provider: 'lemlist',
				campaignId: 'cam_A1',
				leadId: 'lea_1',
				email: null,
				firstName: null,
				lastName: null,
				companyName: null,
				status: 'paused',
				providerStatus: null
			}
		],
	},
	'lemlist Campaign → Get': {
		requests: [
			{
				method: 'GET',
				path: '/api/campaigns/cam_A1',
				query: {},
				body: ''
			}
		],
		full: [
			{
				provider: 'lemlist',
				campaignId: 'cam_A1',
				name: 'Q4 Outbound',
				status: 'running',
				raw: {
					_id: 'cam_A1',
					name: 'Q4 Outbound',
					createdAt: '2024-01-01T00:00:00.000Z',
					status: 'running',
					creator: {
						userId: 'usr_2aBCdEfGHiJkLmNOp',
						userEmail: 'grace@acme.test'
					},
					senders: []
				}
			}
		],
		simplified: [
			{
				provider: 'lemlist',
				campaignId: 'cam_A1',
				name: 'Q4 Outbound',
				status: 'running'
			}
		],
	},
	'lemlist Campaign → Get Many': {
		requests: [
			{
				method: 'GET',
				path: '/api/campaigns',
				query: {
					version: 'v2',
					offset: '0',
					limit: '2'
				},
				body: ''
			}
		],
		full: [
			{
				provider: 'lemlist',
				campaignId: 'cam_A1',
				name: 'Q4 Outbound',
				status: 'running',
				raw: {
					_id: 'cam_A1',
					name: 'Q4 Outbound',
					status: 'running',
					createdAt: '2024-01-01T00:00:00.000Z',
					createdBy: 'usr_2aBCdEfGHiJkLmNOp'
				}
			},
			{
				provider: 'lemlist',
				campaignId: 'cam_B2',
				name: 'Founders EU',
				status: 'paused',
				raw: {
					_id: 'cam_B2',
					name: 'Founders EU',
					status: 'paused',
					createdAt: '2024-01-01T01:00:00.000Z',
					createdBy: 'usr_7xYzAbCdEfGhIjKlM'
				}
			}
		],
		simplified: [
			{
				provider: 'lemlist',
				campaignId: 'cam_A1',
				name: 'Q4 Outbound',
				status: 'running'
			},
			{
				provider: 'lemlist',
				campaignId: 'cam_B2',
				name: 'Founders EU',
				status: 'paused'
			}
		],
	},
	'smartlead Lead → Get': {
		requests: [
			{
				method: 'GET',
				path: '/api/v1/leads/',
				query: {
					email: 'ada@example.com',
					api_key: 'sl_3f9a1c7e-b2d4-4e8a-9c61-5d7e2f0a4b83'
				},
				body: ''
			}
		],
		full: [
			{
				provider: 'smartlead',
				campaignId: '101',
				leadId: '5001',
				email: 'ada@example.com',
				firstName: null,
				lastName: null,
				companyName: null,
				status: 'unknown',
				providerStatus: null,
				raw: {
					id: 5001,
					first_name: null,
					last_name: null,
					email: 'ada@example.com',
					phone_number: null,
					company_name: null,
					website: null,
					location: null,
					linkedin_profile: null,
					company_url: null,
					custom_fields: {},
					is_unsubscribed: false,
					unsubscribed_client_id_map: null,
					created_at: '2025-01-11T09:00:00.000Z',
					lead_campaign_data: [
						{
							campaign_lead_map_id: 880001,
							campaign_id: 101,
							campaign_name: 'Q4 Outbound',
							client_id: null,
							client_email: null,
							lead_category_id: null
						}
					]
				}
			}
		],
		simplified: [
			{
				provider: 'smartlead',
				campaignId: '101',
				leadId: '5001',
				email: 'ada@example.com',
				firstName: null,
				lastName: null,
				companyName: null,
				status: 'unknown',
				providerStatus: null
			}
		],
	},
	'smartlead Lead → Add': {
		requests: [
			{
				method: 'POST',
				path: '/api/v1/campaigns/101/leads',
				query: {
					api_key: 'sl_3f9a1c7e-b2d4-4e8a-9c61-5d7e2f0a4b83'
				},
				body: {
					lead_list: [
						{
							email: 'new.lead@example.org',
							first_name: 'Nia'
						}
					],
					settings: {
						ignore_global_block_list: false,
						ignore_unsubscribe_list: false,
						ignore_duplicate_leads_in_other_campaign: false
					}
				}
			}
		],
		full: [
			{
				provider: 'smartlead',
				campaignId: '101',
				leadId: null,
				email: 'new.lead@example.org',
				firstName: 'Nia',
				lastName: null,
				companyName: null,
				status: 'active',
				providerStatus: 'added',
				raw: {
					campaignId: 101,
					email: 'new.lead@example.org',
					status: 'added',
					lead: {
						email: 'new.lead@example.org',
						first_name: 'Nia'
					},
					batch: {
						size: 1,
						ok: true,
						upload_count: 1,
						total_leads: 1,
						block_count: 0,
						duplicate_count: 0,
						invalid_email_count: 0,
						invalid_emails: [],
						already_added_to_campaign: 0,
						unsubscribed_leads: [],
						is_lead_limit_exhausted: false,
						lead_import_stopped_count: 0,
						bounce_count: 0
					}
				}
			}
		],
		simplified: [
			{
				provider: 'smartlead',
				campaignId: '101',
				leadId: null,
				email: 'new.lead@example.org',
				firstName: 'Nia',
				lastName: null,
				companyName: null,
				status: 'active',
				providerStatus: 'added'
			}
		],
	},
	'smartlead Campaign → Get': {
		requests: [
			{
				method: 'GET',
				path: '/api/v1/campaigns/101',
				query: {
					api_key: 'sl_3f9a1c7e-b2d4-4e8a-9c61-5d7e2f0a4b83'
				},
				body: ''
			}
		],
		full: [
			{
				provider: 'smartlead',
				campaignId: '101',
				name: 'Q4 Outbound',
				status: 'ACTIVE',
				raw: {
					id: 101,
					name: 'Q4 Outbound',
					status: 'ACTIVE',
					created_at: '2025-01-01T00:00:00.000Z',
					client_id: null
				}
			}
		],
		simplified: [
			{
				provider: 'smartlead',
				campaignId: '101',
				name: 'Q4 Outbound',
				status: 'ACTIVE'
			}
		],
	},
	'sendKit Lead → Get': {
		requests: [
			{
				method: 'GET',
				path: '/v1/campaigns/665a1b2c3d4e5f6a7b8c9d0e/leads',
				query: {
					limit: '100'
				},
				body: ''
			}
		],
		full: [
			{
				provider: 'sendKit',
				campaignId: '665a1b2c3d4e5f6a7b8c9d0e',
				leadId: '666a1b2c3d4e5f6a7b8c9d01',
				email: 'ada@example.com',
				firstName: 'Ada',
				lastName: 'Lovelace',
				companyName: 'Analytical Engines',
				status: 'active',
				providerStatus: 'active',
				raw: {
					_id: '666a1b2c3d4e5f6a7b8c9d01',
					campaignId: '665a1b2c3d4e5f6a7b8c9d0e',
					leadId: {
						_id: '667000000000000000000001',
						email: 'ada@example.com',
						firstName: 'Ada',
						lastName: 'Lovelace',
						company: 'Analytical Engines'
					},
					status: 'active',
					aiTag: null,
					currentSequenceStep: 1,
					replied: false,
					addedAt: '2025-06-15T09:00:00.000Z'
				}
			}
		],
		simplified: [
			{
				provider: 'sendKit',
				campaignId: '665a1b2c3d4e5f6a7b8c9d0e',
				leadId: '666a1b2c3d4e5f6a7b8c9d01',
				email: 'ada@example.com',
				firstName: 'Ada',
				lastName: 'Lovelace',
				companyName: 'Analytical Engines',
				status: 'active',
				providerStatus: 'active'
			}
		],
	},
	'sendKit Campaign → Get': {
		requests: [
			{
				method: 'GET',
				path: '/v1/campaigns/665a1b2c3d4e5f6a7b8c9d0e',
				query: {},
				body: ''
			}
		],
		full: [
			{
				provider: 'sendKit',
				campaignId: '665a1b2c3d4e5f6a7b8c9d0e',
				name: 'Q1 Outreach Campaign',
				status: 'active',
				raw: {
					_id: '665a1b2c3d4e5f6a7b8c9d0e',
					workspaceId: '664f0a1b2c3d4e5f6a7b8c9e',
					name: 'Q1 Outreach Campaign',
					status: 'active',
					settings: {
						trackOpens: true,
						trackClicks: true,
						stopOnReply: true,
						dailySendLimit: 50
					},
					schedule: {
						timezone: 'America/New_York',
						startTime: '09:00',
						endTime: '17:00',
						workingDays: [
							1,
							2,
							3,
							4,
							5
						]
					},
					createdAt: '2025-06-01T00:00:00.000Z',
					updatedAt: '2025-06-01T00:00:00.000Z',
					leadCounts: {
						total: 250,
						active: 84
					},
					stats: {
						sent: 416,
						replied: 21,
						bounced: 21,
						unsubscribed: 21
					}
				}
			}
		],
		simplified: [
			{
				provider: 'sendKit',
				campaignId: '665a1b2c3d4e5f6a7b8c9d0e',
				name: 'Q1 Outreach Campaign',
				status: 'active'
			}
		],
	},
};
const expected = (title: string) => EXPECTED[title] ?? { requests: [], full: [], simplified: [] };

function describeProvider(provider: keyof typeof credentials, mock: () => HttpMock, cases: Array<Omit<SimplifyCase, 'requests' | 'full' | 'simplified'>>) {
	describeSimplify(
		`Outreach on ${provider}`,
		mock,
		async (parameters) => await runPackNode(OUTREACH, credentials[provider](), { provider }, { parameters }),
		cases.map((entry) => ({ ...entry, ...expected(`${provider} ${entry.title}`) })),
	);
}

describeProvider('lemlist', () => lemlist.mock, [
	{ title: 'Lead → Get', parameters: { resource: 'lead', operation: 'get', campaignId: campaign('cam_A1'), lead: 'ada@example.com' } },
	{ title: 'Lead → Get Many', parameters: { resource: 'lead', operation: 'getAll', campaignId: campaign('cam_B2'), limit: 2 } },
	{ title: 'Lead → Pause', parameters: { resource: 'lead', operation: 'pause', campaignId: campaign('cam_A1'), lead: 'lea_1' } },
	{ title: 'Campaign → Get', parameters: { resource: 'campaign', operation: 'get', campaignId: campaign('cam_A1') } },
	{ title: 'Campaign → Get Many', parameters: { resource: 'campaign', operation: 'getAll', limit: 2 } },
]);

describeProvider('smartlead', () => smartlead.mock, [
	{ title: 'Lead → Get', parameters: { resource: 'lead', operation: 'get', campaignId: campaign(101), lead: 'ada@example.com' } },
	{ title: 'Lead → Add', parameters: { resource: 'lead', operation: 'add', campaignId: campaign(101), email: 'new.lead@example.org', fields: { firstName: 'Nia' } } },
	{ title: 'Campaign → Get', parameters: { resource: 'campaign', operation: 'get', campaignId: campaign(101) } },
]);

describeProvider('sendKit', () => sendKit.mock, [
	{ title: 'Lead → Get', parameters: { resource: 'lead', operation: 'get', campaignId: campaign(SENDKIT_SEED.campaignId), lead: SENDKIT_SEED.leadEmail } },
	{ title: 'Campaign → Get', parameters: { resource: 'campaign', operation: 'get', campaignId: campaign(SENDKIT_SEED.campaignId) } },
]);
