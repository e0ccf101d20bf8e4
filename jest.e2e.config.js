/** End-to-end tests: the examples and failure paths in a real n8n (npm run test:e2e). */
/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	// The first run installs n8n into .cache/n8n (about 4 minutes); each n8n command is a cold start.
	testTimeout: 900_000,
};
