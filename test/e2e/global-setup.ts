import { ensureN8n } from '../../scripts/lib/n8n';

/** Installs n8n once, before any test file, so no two files install it into .cache/n8n at once. */
export default async function globalSetup() {
	await ensureN8n((line) => process.stdout.write(`${line}\n`));
}
