import type { IDataObject } from 'n8n-workflow';

import { withIds as answerWithIds } from '../../common/items';

/**
 * lemlist answers some actions with one record per campaign the lead is in: those records are
 * kept together under `leads`, so one input item still gives one output item.
 */
export const withIds = (answer: unknown, ids: IDataObject): IDataObject => answerWithIds(answer, ids, 'leads');
