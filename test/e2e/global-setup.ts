import { ensureN8n } from '../../sandbox/n8n';

/** Installs n8n (and Node 24 if it needs it) once, before any test file, so no two files install it at once. */
export default async function globalSetup() {
	await ensureN8n((line) => process.stdout.write(`${line}\n`));
}
