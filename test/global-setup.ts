import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One temporary folder for the whole jest run, which global-teardown.ts removes: test/setup.ts gives
 * each test file its own n8n user folder inside it, so none is left behind in the system temp folder.
 * Test files see what globalSetup puts in process.env.
 */
export default function globalSetup() {
	process.env.N8N_OUTREACH_TEST_TMP = mkdtempSync(join(tmpdir(), 'n8n-outreach-test-'));
}
