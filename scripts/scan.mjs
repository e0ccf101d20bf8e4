/**
 * `npm run scan`: n8n's community-package scanner (`@n8n/scan-community-package`) on this package,
 * as n8n runs it before a package can be verified: its lint of the source (package.json, nodes/,
 * credentials/) and of the files `npm pack` ships, with every `eslint-disable` comment ignored.
 * n8n's own entry point takes a published name; this runs the same analysis on the local build.
 * Then the same two legs on each service package (`npm run pack:services`, run from here): its
 * staged source (the renamed credential and node files as they are compiled) and its tarball.
 * Exits non-zero when any leg fails. Run `npm run build` first (the umbrella's tarball ships dist/).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

import { packServices } from './pack-services.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

function report(leg, result) {
	console.log(`${leg}: ${result.passed ? 'passed' : 'FAILED'}`);
	if (!result.passed) console.log(result.details ?? result.message);
	return result.passed;
}

/** Unpacks a tarball into its own folder under `work` and runs the scanner's tarball leg on it. */
async function scanTarball(tarball, work) {
	const into = join(work, basename(tarball, '.tgz'));
	mkdirSync(into);
	execFileSync('tar', ['-xzf', tarball, '-C', into]);
	const unpacked = join(into, 'package');
	const shipped = readdirSync(join(unpacked, 'dist'), { recursive: true }).filter((file) => String(file).endsWith('.js')).length;
	return report(`tarball ${basename(tarball)} (${shipped} .js files)`, await analyzePackage(unpacked, TARBALL_FILE_PATTERNS));
}

const work = mkdtempSync(join(tmpdir(), 'n8n-outreach-scan-'));
try {
	const source = await analyzePackage(root, SOURCE_FILE_PATTERNS);
	const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop();
	const passed = [report('source (package.json, nodes/, credentials/)', source), await scanTarball(join(work, packed), work)];

	for (const { name, tarball, stage, template } of packServices()) {
		passed.push(report(`source of ${name} (staged: package.json, nodes/, credentials/)`, await analyzePackage(stage, SOURCE_FILE_PATTERNS)));
		// What n8n's scan of the published package lints in this repository: the folder whose
		// package.json has the package's name.
		passed.push(report(`${relative(root, template)} (where n8n's scan finds ${name} in the repository)`, await analyzePackage(template, SOURCE_FILE_PATTERNS)));
		passed.push(await scanTarball(tarball, work));
	}
	process.exitCode = passed.every(Boolean) ? 0 : 1;
} finally {
	rmSync(work, { recursive: true, force: true });
}
