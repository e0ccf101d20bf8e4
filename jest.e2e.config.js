/** End-to-end tests: the examples and failure paths in a real n8n (npm run test:e2e). */
// The unit config's transform, with its handling of colour under CI.
const { transform } = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
	transform,
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	// Installs n8n (N8N_E2E_VERSION, default 2.8.4) into .cache on the first run (4 to 8 minutes).
	globalSetup: '<rootDir>/test/e2e/global-setup.ts',
	// Each file runs real n8n processes (~600 MB for a server): one file at a time.
	maxWorkers: 1,
	// Each n8n command is a cold start of a few seconds.
	testTimeout: 300_000,
};
