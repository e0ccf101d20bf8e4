import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { HttpMock } from '../../sandbox/providers/http-mock';
import { runNode, shutdownEngine } from '../../sandbox/engine';
import { registerPack } from './pack';

/**
 * A provider mock for the whole test file, with fresh state before each test, and the engine shut
 * down after the file (so jest exits on its own).
 */
export function useProviderMock<Mock extends HttpMock>(start: () => Promise<Mock>): { mock: Mock } {
	const env = { mock: undefined as unknown as Mock };
	beforeAll(async () => {
		registerPack();
		env.mock = await start();
	});
	beforeEach(() => env.mock.reset());
	afterAll(async () => {
		await env.mock.close();
		await shutdownEngine();
	});
	return env;
}

export interface NodeRunOptions {
	parameters?: Record<string, unknown>;
	items?: object[];
	continueOnFail?: boolean;
}

/** Runs one of the pack's nodes with default parameters, overridden per run. */
export async function runPackNode(
	type: string,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	defaults: Record<string, unknown>,
	{ parameters = {}, items, continueOnFail }: NodeRunOptions,
) {
	return await runNode({
		type,
		credentials,
		items: items as never,
		continueOnFail,
		parameters: { ...defaults, ...parameters } as never,
	});
}
