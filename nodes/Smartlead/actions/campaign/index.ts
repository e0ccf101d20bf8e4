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
		description: "Get a campaign's status and settings",
		action: 'Get a campaign',
	},
	{
		name: 'Get Many',
		value: 'getAll',
		description: "List the account's campaigns, optionally by status or client",
		action: 'Get many campaigns',
	},
	{
		name: 'Get Stats',
		value: 'getStats',
		description: "Get a campaign's figures (sent, opened, clicked, replied, bounced…), for its whole life or a period",
		action: 'Get campaign stats',
	},
	{
		name: 'Pause',
		value: 'pause',
		description: 'Pause a campaign; it can be started again',
		action: 'Pause a campaign',
	},
	{
		name: 'Start',
		value: 'start',
		description: 'Start a drafted campaign or restart a paused one',
		action: 'Start a campaign',
	},
	{
		name: 'Stop',
		value: 'stop',
		description: 'Stop a campaign for good',
		action: 'Stop a campaign',
	},
	{
		name: 'Update',
		value: 'update',
		description: "Change a campaign's settings: tracking, stop conditions, plain text, AI options",
		action: 'Update a campaign',
	},
	{
		name: 'Update Schedule',
		value: 'updateSchedule',
		description: "Change a campaign's sending schedule and sending limits",
		action: 'Update a campaign schedule',
	},
]);
