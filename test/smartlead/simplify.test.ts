/** Simplify on the Smartlead node: each operation whose records are long, whole and simplified, through the engine. */
import { describeSimplify, type SimplifyCase } from '../unit/simplify-table';
import { campaign, useSmartlead } from './smartlead-env';

const { env, run } = useSmartlead({});

/** Campaign 101 with the settings a Smartlead campaign reads back with (its own record is long). */
function withSettings() {
	Object.assign(env.mock.state.campaigns.get(101)!.settings, {
		updated_at: '2024-03-01T10:00:00.000Z',
		track_settings: ['DONT_TRACK_LINK_CLICK'],
		stop_lead_settings: 'REPLY_TO_AN_EMAIL',
		unsubscribe_text: 'Reply STOP to opt out',
		send_as_plain_text: false,
		follow_up_percentage: 40,
		enable_ai_esp_matching: true,
		max_leads_per_day: 50,
		min_time_btwn_emails: 10,
		scheduler_cron_value: { tz: 'Europe/Paris', days: [1, 2, 3, 4, 5], startHour: '09:00', endHour: '17:00' },
	});
}

const EXPECTED: Record<string, Pick<SimplifyCase, 'requests' | 'full' | 'simplified'>> = {
	'Campaign → Get': {
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
				id: 101,
				name: 'Q4 Outbound',
				status: 'ACTIVE',
				created_at: '2025-01-01T00:00:00.000Z',
				client_id: null,
				updated_at: '2024-03-01T10:00:00.000Z',
				track_settings: [
					'DONT_TRACK_LINK_CLICK'
				],
				stop_lead_settings: 'REPLY_TO_AN_EMAIL',
				unsubscribe_text: 'Reply STOP to opt out',
				send_as_plain_text: false,
				follow_up_percentage: 40,
				enable_ai_esp_matching: true,
				max_leads_per_day: 50,
				min_time_btwn_emails: 10,
				scheduler_cron_value: {
					tz: 'Europe/Paris',
					days: [
						1,
						2,
						3,
						4,
						5
					],
					startHour: '09:00',
					endHour: '17:00'
				}
			}
		],
		simplified: [
			{
				id: 101,
				name: 'Q4 Outbound',
				status: 'ACTIVE',
				created_at: '2025-01-01T00:00:00.000Z',
				updated_at: '2024-03-01T10:00:00.000Z',
				client_id: null,
				track_settings: [
					'DONT_TRACK_LINK_CLICK'
				],
				stop_lead_settings: 'REPLY_TO_AN_EMAIL',
				max_leads_per_day: 50,
				min_time_btwn_emails: 10
			}
		],
	},
	'Campaign → Get Many': {
		requests: [
			{
				method: 'GET',
				path: '/api/v1/campaigns/',
				query: {
					api_key: 'sl_3f9a1c7e-b2d4-4e8a-9c61-5d7e2f0a4b83'
				},
				body: ''
			}
		],
		full: [
			{
				id: 101,
				name: 'Q4 Outbound',
				status: 'ACTIVE',
				created_at: '2025-01-01T00:00:00.000Z',
				client_id: null
			},
			{
				id: 102,
				name: 'Founders EU',
				status: 'PAUSED',
				created_at: '2025-01-02T00:00:00.000Z',
				client_id: null
			}
		],
		simplified: [
			{
				id: 101,
				name: 'Q4 Outbound',
				status: 'ACTIVE',
				created_at: '2025-01-01T00:00:00.000Z',
				client_id: null
			},
			{
				id: 102,
				name: 'Founders EU',
				status: 'PAUSED',
				created_at: '2025-01-02T00:00:00.000Z',
				client_id: null
			}
		],
	},
	'Campaign → Get Stats': {
		requests: [
			{
				method: 'GET',
				path: '/api/v1/campaigns/104/analytics',
				query: {
					api_key: 'sl_3f9a1c7e-b2d4-4e8a-9c61-5d7e2f0a4b83'
				},
				body: ''
			}
		],
		full: [
			{
				id: 104,
				user_id: 4242,
				created_at: '2025-01-04T00:00:00.000Z',
				status: 'ACTIVE',
				name: 'Enterprise Q1',
				sent_count: '240',
				open_count: '119',
				click_count: '21',
				reply_count: '41',
				block_count: '0',
				total_count: '250',
				drafted_count: '0',
				bounce_count: '5',
				unsubscribed_count: '0',
				campaign_lead_stats: {
					total: 250,
					paused: 30,
					blocked: 0,
					stopped: 9,
					completed: 100,
					inprogress: 101,
					interested: 8,
					notStarted: 10
				},
				campaignId: 104
			}
		],
		simplified: [
			{
				campaignId: 104,
				name: 'Enterprise Q1',
				status: 'ACTIVE',
				total_count: '250',
				sent_count: '240',
				open_count: '119',
				click_count: '21',
				reply_count: '41',
				bounce_count: '5',
				unsubscribed_count: '0'
			}
		],
	},
	'Campaign Lead → Get by ID': {
		requests: [
			{
				method: 'GET',
				path: '/api/v1/campaigns/101/leads',
				query: {
					offset: '0',
					limit: '100',
					api_key: 'sl_3f9a1c7e-b2d4-4e8a-9c61-5d7e2f0a4b83'
				},
				body: ''
			}
		],
		full: [
			{
				campaign_lead_map_id: 880001,
				lead_category_id: null,
				status: 'INPROGRESS',
				created_at: '2025-01-11T09:00:00.000Z',
				lead: {
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
					is_unsubscribed: false
				}
			}
		],
		simplified: [
			{
				campaign_lead_map_id: 880001,
				status: 'INPROGRESS',
				lead_category_id: null,
				lead: {
					id: 5001,
					email: 'ada@example.com',
					first_name: null,
					last_name: null,
					company_name: null,
					is_unsubscribed: false
				}
			}
		],
	},
	'Campaign Lead → Get by email': {
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
		],
		simplified: [
			{
				id: 5001,
				email: 'ada@example.com',
				first_name: null,
				last_name: null,
				company_name: null,
				is_unsubscribed: false,
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
		],
	},
	'Campaign Lead → Get Many': {
		requests: [
			{
				method: 'GET',
				path: '/api/v1/campaigns/104/leads',
				query: {
					offset: '0',
					limit: '2',
					api_key: 'sl_3f9a1c7e-b2d4-4e8a-9c61-5d7e2f0a4b83'
				},
				body: ''
			}
		],
		full: [
			{
				campaign_lead_map_id: 880004,
				lead_category_id: 1,
				status: 'INPROGRESS',
				created_at: '2025-01-01T08:00:00.000Z',
				lead: {
					id: 6001,
					first_name: 'Maya',
					last_name: 'Okafor',
					email: 'maya.okafor0@northwind.example',
					phone_number: null,
					company_name: 'Northwind Ltd',
					website: null,
					location: 'Toronto',
					linkedin_profile: null,
					company_url: null,
					custom_fields: {
						seat_count: '10'
					},
					is_unsubscribed: false
				}
			},
			{
				campaign_lead_map_id: 880005,
				lead_category_id: null,
				status: 'STARTED',
				created_at: '2025-01-02T08:00:00.000Z',
				lead: {
					id: 6002,
					first_name: 'Liam',
					last_name: 'Okafor',
					email: 'liam.okafor1@contoso.example',
					phone_number: null,
					company_name: 'Contoso Ltd',
					website: null,
					location: 'Berlin',
					linkedin_profile: null,
					company_url: null,
					custom_fields: {
						seat_count: '11'
					},
					is_unsubscribed: false
				}
			}
		],
		simplified: [
			{
				campaign_lead_map_id: 880004,
				status: 'INPROGRESS',
				lead_category_id: 1,
				lead: {
					id: 6001,
					email: 'maya.okafor0@northwind.example',
					first_name: 'Maya',
					last_name: 'Okafor',
					company_name: 'Northwind Ltd',
					is_unsubscribed: false
				}
			},
			{
				campaign_lead_map_id: 880005,
				status: 'STARTED',
				lead_category_id: null,
				lead: {
					id: 6002,
					email: 'liam.okafor1@contoso.example',
					first_name: 'Liam',
					last_name: 'Okafor',
					company_name: 'Contoso Ltd',
					is_unsubscribed: false
				}
			}
		],
	},
	'Email Account → Get Many': {
		requests: [
			{
				method: 'GET',
				path: '/api/v1/email-accounts/',
				query: {
					offset: '0',
					limit: '2',
					api_key: 'sl_3f9a1c7e-b2d4-4e8a-9c61-5d7e2f0a4b83'
				},
				body: ''
			}
		],
		full: [
			{
				id: 7001,
				created_at: '2025-01-01T07:00:00.000Z',
				updated_at: '2025-02-10T07:00:00.000Z',
				user_id: 4242,
				from_name: 'Maya at Acme',
				from_email: 'maya.0@send0.acme.test',
				username: 'maya.0@send0.acme.test',
				smtp_host: 'smtp.acme.test',
				smtp_port: 587,
				smtp_port_type: 'TLS',
				message_per_day: 40,
				is_different_imap_account: false,
				imap_username: 'maya.0@send0.acme.test',
				imap_host: 'imap.acme.test',
				imap_port: 993,
				imap_port_type: 'SSL',
				is_smtp_success: true,
				is_imap_success: true,
				type: 'GMAIL',
				daily_sent_count: 0,
				client_id: null,
				campaign_count: 0,
				warmup_details: {
					status: 'INACTIVE',
					total_sent_count: 300,
					total_spam_count: 0,
					warmup_reputation: '90%'
				}
			},
			{
				id: 7002,
				created_at: '2025-01-02T07:00:00.000Z',
				updated_at: '2025-02-11T07:00:00.000Z',
				user_id: 4242,
				from_name: 'Liam at Acme',
				from_email: 'liam.1@send1.acme.test',
				username: 'liam.1@send1.acme.test',
				smtp_host: 'smtp.acme.test',
				smtp_port: 587,
				smtp_port_type: 'TLS',
				message_per_day: 50,
				is_different_imap_account: false,
				imap_username: 'liam.1@send1.acme.test',
				imap_host: 'imap.acme.test',
				imap_port: 993,
				imap_port_type: 'SSL',
				is_smtp_success: true,
				is_imap_success: true,
				type: 'OUTLOOK',
				daily_sent_count: 1,
				client_id: null,
				campaign_count: 1,
				warmup_details: {
					status: 'ACTIVE',
					total_sent_count: 301,
					total_spam_count: 1,
					warmup_reputation: '91%'
				}
			}
		],
		simplified: [
			{
				id: 7001,
				from_name: 'Maya at Acme',
				from_email: 'maya.0@send0.acme.test',
				type: 'GMAIL',
				is_smtp_success: true,
				is_imap_success: true,
				message_per_day: 40,
				daily_sent_count: 0,
				campaign_count: 0,
				warmup_details: {
					status: 'INACTIVE'
				}
			},
			{
				id: 7002,
				from_name: 'Liam at Acme',
				from_email: 'liam.1@send1.acme.test',
				type: 'OUTLOOK',
				is_smtp_success: true,
				is_imap_success: true,
				message_per_day: 50,
				daily_sent_count: 1,
				campaign_count: 1,
				warmup_details: {
					status: 'ACTIVE'
				}
			}
		],
	},
};
const CASES: SimplifyCase[] = [
	{ title: 'Campaign → Get', parameters: { resource: 'campaign', operation: 'get', campaignId: campaign(101) }, arrange: withSettings, ...expected('Campaign → Get') },
	{ title: 'Campaign → Get Many', parameters: { resource: 'campaign', operation: 'getAll', limit: 2, filters: {} }, ...expected('Campaign → Get Many') },
	{ title: 'Campaign → Get Stats', parameters: { resource: 'campaign', operation: 'getStats', campaignId: campaign(104) }, ...expected('Campaign → Get Stats') },
	{ title: 'Campaign Lead → Get by ID', parameters: { resource: 'campaignLead', operation: 'get', campaignId: campaign(101), leadId: '5001' }, ...expected('Campaign Lead → Get by ID') },
	{ title: 'Campaign Lead → Get by email', parameters: { resource: 'campaignLead', operation: 'get', campaignId: campaign(101), leadId: 'ada@example.com' }, ...expected('Campaign Lead → Get by email') },
	{ title: 'Campaign Lead → Get Many', parameters: { resource: 'campaignLead', operation: 'getAll', campaignId: campaign(104), limit: 2 }, ...expected('Campaign Lead → Get Many') },
	{ title: 'Email Account → Get Many', parameters: { resource: 'emailAccount', operation: 'getAll', limit: 2 }, ...expected('Email Account → Get Many') },
];

describeSimplify('Smartlead', () => env.mock, async (parameters) => await run({ parameters }), CASES);

function expected(title: string) {
	return EXPECTED[title] ?? { requests: [], full: [], simplified: [] };
}
