/** Simplify on the lemlist node: each operation whose records are long, whole and simplified, through the engine. */
import { describeSimplify, type SimplifyCase } from '../unit/simplify-table';
import { useLemlist } from './lemlist-env';

const { env, run } = useLemlist({});
const campaign = (id: string) => ({ __rl: true, mode: 'id', value: id });

const EXPECTED: Record<string, Pick<SimplifyCase, 'requests' | 'full' | 'simplified'>> = {
	'Campaign → Get Stats': {
		requests: [
			{
				method: 'GET',
				path: '/api/v2/campaigns/cam_B2/stats',
				query: {
					startDate: '2024-01-01T00:00:00.000Z',
					endDate: '2024-12-31T23:59:59.999Z'
				},
				body: ''
			}
		],
		full: [
			{
				nbLeads: 250,
				nbLeadsLaunched: 215,
				nbLeadsReached: 197,
				nbLeadsOpened: 126,
				nbLeadsInteracted: 90,
				nbLeadsAnswered: 72,
				nbLeadsInterested: 18,
				nbLeadsNotInterested: 18,
				nbLeadsUnsubscribed: 18,
				nbLeadsInterrupted: 27,
				messagesSent: 215,
				messagesNotSent: 0,
				messagesBounced: 18,
				delivered: 197,
				opened: 126,
				clicked: 18,
				replied: 72,
				invitationAccepted: 17,
				meetingBooked: 18,
				steps: [],
				campaignId: 'cam_B2'
			}
		],
		simplified: [
			{
				campaignId: 'cam_B2',
				nbLeads: 250,
				nbLeadsLaunched: 215,
				nbLeadsReached: 197,
				nbLeadsOpened: 126,
				nbLeadsAnswered: 72,
				nbLeadsInterested: 18,
				nbLeadsUnsubscribed: 18,
				messagesBounced: 18,
				meetingBooked: 18
			}
		],
	},
	'Campaign Lead → Get by ID': {
		requests: [
			{
				method: 'GET',
				path: '/api/leads',
				query: {
					id: 'lea_EU002',
					version: 'v2'
				},
				body: ''
			}
		],
		full: [
			{
				firstName: 'Margaret',
				lastName: 'Hamilton',
				companyName: 'Initech',
				jobTitle: 'CTO',
				companyDomain: 'initech.example',
				email: 'margaret.hamilton.2@initech.example',
				_id: 'lea_EU002',
				isPaused: false,
				campaignId: 'cam_B2',
				contactId: 'ctc_6d1336ed1e7468fd5',
				emailStatus: 'risky'
			}
		],
		simplified: [
			{
				_id: 'lea_EU002',
				email: 'margaret.hamilton.2@initech.example',
				firstName: 'Margaret',
				lastName: 'Hamilton',
				companyName: 'Initech',
				jobTitle: 'CTO',
				campaignId: 'cam_B2',
				isPaused: false,
				emailStatus: 'risky'
			}
		],
	},
	'Campaign Lead → Get by email': {
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
		],
		simplified: [
			{
				_id: 'lea_1',
				variables: {
					email: 'ada@example.com',
					firstName: 'Ada',
					lastName: 'Lovelace',
					companyName: 'Engines Ltd'
				},
				campaign: {
					id: 'cam_A1',
					name: 'Q4 Outbound'
				},
				state: 'emailsSent',
				status: 'done',
				isPaused: false
			}
		],
	},
	'Campaign Lead → Get Many': {
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
			},
			{
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
		],
		simplified: [
			{
				_id: 'lea_EU001',
				email: 'ada@example.com',
				firstName: 'Ada',
				lastName: 'Lovelace',
				companyName: 'Engines Ltd',
				jobTitle: 'CEO',
				linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace-1',
				lastState: 'reviewed',
				status: 'review',
				emailStatus: 'deliverable'
			},
			{
				_id: 'lea_EU002',
				email: 'margaret.hamilton.2@initech.example',
				firstName: 'Margaret',
				lastName: 'Hamilton',
				companyName: 'Initech',
				jobTitle: 'CTO',
				linkedinUrl: 'https://www.linkedin.com/in/margaret-hamilton-2',
				lastState: 'emailsSent',
				status: 'done',
				emailStatus: 'risky'
			}
		],
	},
};
const CASES: SimplifyCase[] = [
	{
		title: 'Campaign → Get Stats',
		parameters: { resource: 'campaign', operation: 'getStats', campaignId: campaign('cam_B2'), startDate: '2024-01-01', endDate: '2024-12-31' },
		...expected('Campaign → Get Stats'),
	},
	{
		title: 'Campaign Lead → Get by ID',
		parameters: { resource: 'campaignLead', operation: 'get', campaignId: campaign('cam_B2'), leadId: 'lea_EU002' },
		...expected('Campaign Lead → Get by ID'),
	},
	{
		title: 'Campaign Lead → Get by email',
		parameters: { resource: 'campaignLead', operation: 'get', campaignId: campaign('cam_A1'), leadId: 'ada@example.com' },
		...expected('Campaign Lead → Get by email'),
	},
	{
		title: 'Campaign Lead → Get Many',
		parameters: { resource: 'campaignLead', operation: 'getAll', campaignId: campaign('cam_B2'), limit: 2 },
		...expected('Campaign Lead → Get Many'),
	},
];

describeSimplify('lemlist', () => env.mock, async (parameters) => await run({ parameters }), CASES);

function expected(title: string) {
	return EXPECTED[title] ?? { requests: [], full: [], simplified: [] };
}
