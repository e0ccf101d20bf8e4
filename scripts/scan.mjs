/**
 * `npm run scan`: n8n's community-package scanner (`@n8n/scan-community-package`) on this package,
 * as n8n runs it before a package can be verified: its lint of the source (package.json, nodes/,
 * credentials/) and of the files `npm pack` ships, with every `eslint-disable` comment ignored.
 * n8n's own entry point takes a published name; this runs the same analysis on the local build.
 * Exits non-zero when either leg fails. Run `npm run build` first (the tarball ships dist/).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

function report(leg, result) {
	console.log(`${leg}: ${result.passed ? 'passed' : 'FAILED'}`);
	if (!result.passed) console.log(result.details ?? result.message);
	return result.passed;
}

const work = mkdtempSync(join(tmpdir(), 'n8n-outreach-scan-'));
try {
	const source = await analyzePackage(root, SOURCE_FILE_PATTERNS);

	const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop();
	const unpacked = join(work, 'package');
	execFileSync('tar', ['-xzf', join(work, packed), '-C', work]);
	const shipped = readdirSync(join(unpacked, 'dist'), { recursive: true }).filter((file) => String(file).endsWith('.js')).length;
	const tarball = await analyzePackage(unpacked, TARBALL_FILE_PATTERNS);

	const sourcePassed = report('source (package.json, nodes/, credentials/)', source);
	const tarballPassed = report(`tarball ${packed} (${shipped} .js files)`, tarball);
	process.exitCode = sourcePassed && tarballPassed ? 0 : 1;
} finally {
	rmSync(work, { recursive: true, force: true });
}
