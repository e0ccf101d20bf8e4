import type { IDataObject } from 'n8n-workflow';

/** A JSON object (not a list, not null): the shape of a record in a provider's answer. */
export const isRecord = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** A string with something in it, or undefined. */
export const nonEmptyText = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** The records of an answer that is one record or a list of them; anything else in it is dropped. */
export const recordsOf = (answer: unknown): IDataObject[] => (Array.isArray(answer) ? answer : [answer]).filter(isRecord);
