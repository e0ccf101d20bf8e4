import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core writes its config to the user folder on first use; keep it out of $HOME.
process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'n8n-outreach-test-'));
process.env.N8N_ENCRYPTION_KEY = 'n8n-outreach-test-encryption-key';
