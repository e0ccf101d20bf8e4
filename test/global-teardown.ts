import { rmSync } from 'node:fs';

/** Removes the run's temporary folder (global-setup.ts), with every test file's n8n user folder in it. */
export default function globalTeardown() {
	const folder = process.env.N8N_OUTREACH_TEST_TMP;
	if (folder) rmSync(folder, { recursive: true, force: true });
}
