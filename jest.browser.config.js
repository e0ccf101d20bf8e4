/** The editor in a real browser (npm run test:browser): Chromium driven through n8n's UI. */
const { transform } = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
	transform,
	testEnvironment: 'node',
	roots: ['<rootDir>/test/browser'],
	testMatch: ['**/*.browser.ts'],
	// Installs n8n (N8N_E2E_VERSION, default 2.8.4) into .cache on the first run.
	globalSetup: '<rootDir>/test/e2e/global-setup.ts',
	maxWorkers: 1,
	testTimeout: 300_000,
};
