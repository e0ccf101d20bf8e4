import type { INodeProperties } from 'n8n-workflow';

import { describeResource, type ResourceOperations } from '../../../common/router';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getStats from './getStats.operation';
import * as pause from './pause.operation';
import * as resume from './resume.operation';
import * as start from './start.operation';
import * as update from './update.operation';

/** Every operation of the resource, by its value: the one list an operation is added to. */
export const operations = { get, getAll, getStats, pause, resume, start, update } satisfies ResourceOperations;

// `update` stays the default: saved workflows omit it, so another default would change their operation.
export const description: INodeProperties[] = describeResource('campaign', operations, 'update', [
	{
		name: 'Get',
		value: 'get',
		description: 'Read-only: one campaign by its ID. Returns the campaign with its lead counts and sending stats.',
		action: 'Get a campaign',
	},
	{
		name: 'Get Many',
		value: 'getAll',
		description: "Read-only: the workspace's campaigns, optionally by status or name. Returns one item per campaign.",
		action: 'Get many campaigns',
	},
	{
		name: 'Get Stats',
		value: 'getStats',
		description: "Read-only: a campaign's analytics (sent, opened, clicked, replied, bounced, per step and lead status), all-time or between optional dates. Returns one item with the campaign ID.",
		action: 'Get campaign stats',
	},
	{
		name: 'Pause',
		value: 'pause',
		description: "Stop sending an active campaign until it is resumed. Returns SendKit's answer with the campaign ID.",
		action: 'Pause a campaign',
	},
	{
		name: 'Resume',
		value: 'resume',
		description: 'Continue sending a paused campaign from where it stopped. Returns the campaign ID and its new status.',
		action: 'Resume a campaign',
	},
	{
		name: 'Start',
		value: 'start',
		description: "Start sending a campaign; SendKit needs a mailbox, a sequence step and a lead in it. Returns SendKit's answer with the campaign ID.",
		action: 'Start a campaign',
	},
	{
		name: 'Update',
		value: 'update',
		description: "Change a campaign's name, sending settings and schedule; only those given change. Returns the updated campaign.",
		action: 'Update a campaign',
	},
]);
