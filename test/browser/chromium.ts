import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where Debian's `chromium` package puts the browser; CHROMIUM_PATH overrides it. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The browser the editor tests drive: Debian's Chromium, installed with apt-get when missing (the
 * project's own set-up; Playwright's browser download cannot reach its servers from here).
 */
export function ensureChromium(log: (line: string) => void): string {
	if (existsSync(chromiumPath)) return chromiumPath;
	if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
		throw new Error(`No Chromium at ${chromiumPath}: install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH`);
	}
	log('Installing Debian\'s chromium package (first run only, about a minute)...');
	for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
		const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
		if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed with code ${result.status}`);
	}
	if (!existsSync(chromiumPath)) throw new Error(`apt-get installed chromium, but ${chromiumPath} is missing`);
	return chromiumPath;
}
