/** The triggers in n8n's queue mode with webhook processes, Redis and Postgres (npm run test:e2e:queue). */
const { transform } = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
	transform,
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e-queue'],
	testMatch: ['**/*.queue.ts'],
	// The same n8n install as the other end-to-end tests (N8N_E2E_VERSION, default 2.8.4).
	globalSetup: '<rootDir>/test/e2e/global-setup.ts',
	// Five n8n processes at once (main, 2 workers, 2 webhook processes): one file at a time.
	maxWorkers: 1,
	testTimeout: 300_000,
};
