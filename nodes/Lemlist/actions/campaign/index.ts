import type { INodeProperties } from 'n8n-workflow';

import { describeResource, type ResourceOperations } from '../../../common/router';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getStats from './getStats.operation';
import * as pause from './pause.operation';
import * as start from './start.operation';
import * as update from './update.operation';

/** Every operation of the resource, by its value: the one list an operation is added to. */
export const operations = { get, getAll, getStats, pause, start, update } satisfies ResourceOperations;

// `update` stays the default: saved workflows omit it, so another default would change their operation.
export const description: INodeProperties[] = describeResource('campaign', operations, 'update', [
	{
		name: 'Get',
		value: 'get',
		description: 'Read-only: one campaign by its ID (cam_…). Returns the campaign with its status and senders.',
		action: 'Get a campaign',
	},
	{
		name: 'Get Many',
		value: 'getAll',
		description: "Read-only: the team's campaigns, optionally by status or creator. Returns one item per campaign.",
		action: 'Get many campaigns',
	},
	{
		name: 'Get Stats',
		value: 'getStats',
		description: "Read-only: a campaign's figures (leads reached, opened, replied, interested, bounced…, per step) between a start and an end date, both required. Returns one item with the campaign ID.",
		action: 'Get campaign statistics',
	},
	{
		name: 'Pause',
		value: 'pause',
		description: 'Stop sending the whole campaign until Start runs it again (lemlist has no resume). Returns the campaign ID and its new state.',
		action: 'Pause a campaign',
	},
	{
		name: 'Start',
		value: 'start',
		description: 'Start sending a campaign, or run a paused one again. Returns the campaign ID and its new state.',
		action: 'Start a campaign',
	},
	{
		name: 'Update',
		value: 'update',
		description: "Change a campaign's name, senders, tracking and reply, click or meeting handling; only the settings given change. Returns the fields lemlist changed, not the whole campaign.",
		action: 'Update a campaign',
	},
]);
