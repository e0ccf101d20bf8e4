import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';

// n8n-core writes its config to the user folder on first use; keep it out of $HOME, and give each test
// file its own. They live in the run's folder from test/global-setup.ts, which the teardown removes.
const runFolder = process.env.N8N_OUTREACH_TEST_TMP;
if (!runFolder) throw new Error('N8N_OUTREACH_TEST_TMP is not set: run the tests with jest.config.js (its globalSetup creates it)');
process.env.N8N_USER_FOLDER = mkdtempSync(join(runFolder, 'user-'));
process.env.N8N_ENCRYPTION_KEY = 'n8n-outreach-test-encryption-key';
