
/**
 * What SendKit's batched operations share: their maximums and the counts SendKit answers. The facts are in
 * docs/providers/sendkit.md, "Adding and removing leads" and "Do-not-contact list".
 */

/** The most leads one `POST /v1/campaigns/{id}/leads` takes [docs]. */
export const MAX_LEADS_PER_ADD = 5_000;

/** Campaign leads per `POST …/leads/action`: SendKit publishes no maximum [inferred]. */
export const MAX_LEADS_PER_ACTION = 1_000;

/** Entries per `POST /v1/dnc` or `DELETE /v1/dnc`: no maximum is published for either [inferred]. */
export const MAX_DNC_PER_REQUEST = 1_000;

/** A count in SendKit's answer: a whole number of at least 0, or undefined when it is missing or odd. */
export function countOf(value: unknown): number | undefined {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isInteger(number) && number >= 0 ? number : undefined;
}

/** The values of a batch, each once, in order: the same address twice in one request is one entry. */
export function distinct(values: string[]): string[] {
	return [...new Set(values)];
}
