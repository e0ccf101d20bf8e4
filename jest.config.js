const { createDefaultPreset } = require('ts-jest');

// CI logs are plain text: no ANSI colour when CI is set. The test workers and the n8n processes they
// start inherit these; CI alone turns colour on in picocolors (jest's code frames, n8n), and
// FORCE_COLOR=0 turns it off in chalk.
if (process.env.CI) Object.assign(process.env, { NO_COLOR: '1', FORCE_COLOR: '0' });
// ts-jest's "pretty" type errors are always coloured: only on a terminal.
const pretty = Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;

/** @type {import('jest').Config} */
module.exports = {
	...createDefaultPreset({ diagnostics: { pretty } }),
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// One temporary folder per run, removed at its end; each test file's n8n user folder is inside it.
	globalSetup: '<rootDir>/test/global-setup.ts',
	globalTeardown: '<rootDir>/test/global-teardown.ts',
	setupFiles: ['<rootDir>/test/setup.ts'],
	testTimeout: 30000,
};
