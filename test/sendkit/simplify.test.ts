/** Simplify on the SendKit node: each operation whose records are long, whole and simplified, through the engine. */
import { SENDKIT_SEED } from '../../sandbox/providers/sendkit';
import { describeSimplify, type SimplifyCase } from '../unit/simplify-table';
import { useSendKit } from './sendkit-env';

const { env, run } = useSendKit({});
const campaign = (id: string) => ({ __rl: true, mode: 'id', value: id });

const EXPECTED: Record<string, Pick<SimplifyCase, 'requests' | 'full' | 'simplified'>> = {
	'Campaign → Get': {
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
		],
		simplified: [
			{
				_id: '665a1b2c3d4e5f6a7b8c9d0e',
				name: 'Q1 Outreach Campaign',
				status: 'active',
				createdAt: '2025-06-01T00:00:00.000Z',
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
		],
	},
	'Campaign → Get Stats': {
		requests: [
			{
				method: 'GET',
				path: '/v1/campaigns/665a1b2c3d4e5f6a7b8c9d0e/analytics',
				query: {},
				body: ''
			}
		],
		full: [
			{
				campaign: {
					id: '665a1b2c3d4e5f6a7b8c9d0e',
					name: 'Q1 Outreach Campaign',
					status: 'active',
					startedAt: '2025-06-01T00:00:00.000Z'
				},
				stats: {
					sent: 416,
					delivered: 395,
					opened: 208,
					clicked: 52,
					replied: 21,
					bounced: 21,
					unsubscribed: 21
				},
				stepAnalytics: [
					{
						_id: {
							sequenceStep: 0,
							variant: null
						},
						sent: 209,
						opened: 104,
						clicked: 26,
						bounced: 0
					},
					{
						_id: {
							sequenceStep: 1,
							variant: null
						},
						sent: 145,
						opened: 72,
						clicked: 18,
						bounced: 0
					},
					{
						_id: {
							sequenceStep: 2,
							variant: null
						},
						sent: 62,
						opened: 31,
						clicked: 7,
						bounced: 0
					}
				],
				statusBreakdown: {
					pending: 41,
					active: 84,
					paused: 21,
					completed: 21,
					bounced: 21,
					unsubscribed: 21,
					replied: 21,
					removed: 20
				},
				totalReplied: 21,
				campaignId: '665a1b2c3d4e5f6a7b8c9d0e'
			}
		],
		simplified: [
			{
				campaignId: '665a1b2c3d4e5f6a7b8c9d0e',
				campaign: {
					name: 'Q1 Outreach Campaign',
					status: 'active'
				},
				stats: {
					sent: 416,
					delivered: 395,
					opened: 208,
					clicked: 52,
					replied: 21,
					bounced: 21,
					unsubscribed: 21
				}
			}
		],
	},
	'Campaign Lead → Get': {
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
		],
		simplified: [
			{
				_id: '666a1b2c3d4e5f6a7b8c9d01',
				status: 'active',
				aiTag: null,
				currentSequenceStep: 1,
				replied: false,
				leadId: {
					_id: '667000000000000000000001',
					email: 'ada@example.com',
					firstName: 'Ada',
					lastName: 'Lovelace',
					company: 'Analytical Engines'
				}
			}
		],
	},
	'Campaign Lead → Get Many': {
		requests: [
			{
				method: 'GET',
				path: '/v1/campaigns/665a1b2c3d4e5f6a7b8c9d0e/leads',
				query: {
					limit: '2'
				},
				body: ''
			}
		],
		full: [
			{
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
			},
			{
				_id: '666a1b2c3d4e5f6a7b8c9d02',
				campaignId: '665a1b2c3d4e5f6a7b8c9d0e',
				leadId: {
					_id: '667000000000000000000002',
					email: 'Grace.Hopper@example.com',
					firstName: 'Grace',
					lastName: 'Hopper',
					company: 'Compiler Works'
				},
				status: 'active',
				aiTag: 'Interested',
				currentSequenceStep: 1,
				replied: false,
				addedAt: '2025-06-15T09:00:00.000Z'
			}
		],
		simplified: [
			{
				_id: '666a1b2c3d4e5f6a7b8c9d01',
				status: 'active',
				aiTag: null,
				currentSequenceStep: 1,
				replied: false,
				leadId: {
					_id: '667000000000000000000001',
					email: 'ada@example.com',
					firstName: 'Ada',
					lastName: 'Lovelace',
					company: 'Analytical Engines'
				}
			},
			{
				_id: '666a1b2c3d4e5f6a7b8c9d02',
				status: 'active',
				aiTag: 'Interested',
				currentSequenceStep: 1,
				replied: false,
				leadId: {
					_id: '667000000000000000000002',
					email: 'Grace.Hopper@example.com',
					firstName: 'Grace',
					lastName: 'Hopper',
					company: 'Compiler Works'
				}
			}
		],
	},
};
const CASES: SimplifyCase[] = [
	{ title: 'Campaign → Get', parameters: { resource: 'campaign', operation: 'get', campaignId: campaign(SENDKIT_SEED.campaignId) }, ...expected('Campaign → Get') },
	{ title: 'Campaign → Get Stats', parameters: { resource: 'campaign', operation: 'getStats', campaignId: campaign(SENDKIT_SEED.campaignId) }, ...expected('Campaign → Get Stats') },
	{
		title: 'Campaign Lead → Get',
		parameters: { resource: 'campaignLead', operation: 'get', campaignId: campaign(SENDKIT_SEED.campaignId), campaignLeadId: SENDKIT_SEED.leadEmail },
		...expected('Campaign Lead → Get'),
	},
	{
		title: 'Campaign Lead → Get Many',
		parameters: { resource: 'campaignLead', operation: 'getAll', campaignId: campaign(SENDKIT_SEED.campaignId), limit: 2 },
		...expected('Campaign Lead → Get Many'),
	},
];

describeSimplify('SendKit', () => env.mock, async (parameters) => await run({ parameters }), CASES);

function expected(title: string) {
	return EXPECTED[title] ?? { requests: [], full: [], simplified: [] };
}
