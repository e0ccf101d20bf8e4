import type { IDataObject } from 'n8n-workflow';

/**
 * An action's output item: lemlist's answer with the IDs acted on, so the next node can chain on
 * them. lemlist answers some actions with one record per campaign the lead is in: those records
 * are kept together under `leads`, so one input item still gives one output item.
 */
export function withIds(answer: unknown, ids: IDataObject): IDataObject {
	if (Array.isArray(answer)) return { ...ids, leads: answer as IDataObject[] };
	const body = typeof answer === 'object' && answer !== null ? (answer as IDataObject) : { response: answer ?? null };
	return { ...body, ...ids };
}
