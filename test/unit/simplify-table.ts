import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { HttpMock, RecordedRequest } from '../../sandbox/providers/http-mock';

/** A request as the provider received it. */
export interface Wire {
	method: string;
	path: string;
	query: Record<string, string>;
	body?: unknown;
}

const wire = (request: RecordedRequest): Wire => ({
	method: request.method,
	path: request.path,
	query: request.query,
	...(request.body === undefined ? {} : { body: request.body }),
});

/** One operation that offers Simplify: its parameters, the requests it sends, and its items whole and simplified. */
export interface SimplifyCase {
	title: string;
	parameters: Record<string, unknown>;
	/** Puts the provider's state as the case needs it, before each run. */
	arrange?: () => void;
	requests: Wire[];
	full: IDataObject[];
	simplified: IDataObject[];
}

type RunResult = { items: INodeExecutionData[]; error: unknown };

/** The fields of a record as a person counts them: a nested object's fields one by one, a list as one field. */
export function fieldCount(value: IDataObject): number {
	return Object.values(value).reduce<number>(
		(sum, field) => sum + (field !== null && typeof field === 'object' && !Array.isArray(field) ? fieldCount(field as IDataObject) : 1),
		0,
	);
}

/**
 * For each case: Simplify left unset gives the whole record (what saved workflows got before it
 * existed), Simplify off the same, Simplify on only the fields the operation keeps, at most ten;
 * each run sends the same requests.
 */
export function describeSimplify(
	label: string,
	mock: () => HttpMock,
	run: (parameters: Record<string, unknown>) => Promise<RunResult>,
	cases: SimplifyCase[],
) {
	describe.each(cases)(`${label} $title`, ({ parameters, arrange, requests, full, simplified }) => {
		const runCase = async (simplify: Record<string, unknown>) => {
			arrange?.();
			const { items, error } = await run({ ...parameters, ...simplify });
			expect(error).toBeUndefined();
			expect(mock().requests.map(wire)).toEqual(requests);
			expect(items.map((item) => item.pairedItem)).toEqual(items.map(() => ({ item: 0 })));
			return items.map((item) => item.json);
		};

		it('returns the whole record when Simplify is not set, as before the option existed', async () => {
			expect(await runCase({})).toEqual(full);
		});

		it('returns the whole record with Simplify off', async () => {
			expect(await runCase({ simplify: false })).toEqual(full);
		});

		it('returns only the fields it keeps, at most ten, with Simplify on', async () => {
			const items = await runCase({ simplify: true });
			expect(items).toEqual(simplified);
			for (const item of items) expect(fieldCount(item)).toBeLessThanOrEqual(10);
		});
	});
}
