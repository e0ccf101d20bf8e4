import type { INodeProperties } from 'n8n-workflow';

import { describeResource, type ResourceOperations } from '../../../common/router';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getStats from './getStats.operation';
import * as pause from './pause.operation';
import * as start from './start.operation';
import * as stop from './stop.operation';
import * as update from './update.operation';
import * as updateSchedule from './updateSchedule.operation';

/** Every operation of the resource, by its value: the one list an operation is added to. */
export const operations = { get, getAll, getStats, pause, start, stop, update, updateSchedule } satisfies ResourceOperations;

// `update` stays the default: saved workflows omit it, so another default would change their operation.
export const description: INodeProperties[] = describeResource('campaign', operations, 'update', [
	{
		name: 'Get',
		value: 'get',
		description: 'Read-only: one campaign by its numeric ID. Returns the campaign with its status and settings.',
		action: 'Get a campaign',
	},
	{
		name: 'Get Many',
		value: 'getAll',
		description: "Read-only: the account's campaigns, optionally by status or client. Returns one item per campaign.",
		action: 'Get many campaigns',
	},
	{
		name: 'Get Stats',
		value: 'getStats',
		description: "Read-only: a campaign's figures (sent, opened, clicked, replied, bounced…), for its whole life or between two dates. Returns one item with the campaign ID.",
		action: 'Get campaign stats',
	},
	{
		name: 'Pause',
		value: 'pause',
		description: "Pause sending the whole campaign; Start runs it again. Returns Smartlead's answer with the campaign ID.",
		action: 'Pause a campaign',
	},
	{
		name: 'Start',
		value: 'start',
		description: "Start a drafted campaign or restart a paused one. Returns Smartlead's answer with the campaign ID.",
		action: 'Start a campaign',
	},
	{
		name: 'Stop',
		value: 'stop',
		description: "Stop a campaign for good: Smartlead keeps it stopped, so this cannot be undone. Returns Smartlead's answer with the campaign ID.",
		action: 'Stop a campaign',
	},
	{
		name: 'Update',
		value: 'update',
		description: "Change a campaign's settings (name, tracking, stop conditions, plain text, AI options); only the settings given change, for future sends. Returns Smartlead's answer with the campaign ID.",
		action: 'Update a campaign',
	},
	{
		name: 'Update Schedule',
		value: 'updateSchedule',
		description: "Change a campaign's sending days, hours, time zone, gap between emails and new leads per day; only the fields given change. Returns Smartlead's answer with the campaign ID.",
		action: 'Update a campaign schedule',
	},
]);
