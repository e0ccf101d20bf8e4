import { configs as communityNodes } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

/**
 * Shipped code (nodes/, credentials/, package.json) gets the rules n8n applies to a community package:
 * `@n8n/eslint-plugin-community-nodes` (n8n Cloud's restrictions included) and
 * `eslint-plugin-n8n-nodes-base`, as n8n's node CLI and its package scanner configure them. `npm run
 * lint` reads shipped code with --no-inline-config, as the scanner does: no rule can be switched off
 * in a comment. Scripts, the sandbox and tests get ordinary TypeScript rules.
 */
const shipped = ['nodes/**/*.ts', 'credentials/**/*.ts'];

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', '.cache/**', '*.js', '*.mjs', 'package-lock.json'] },
	{
		files: ['**/*.ts'],
		languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
	},
	{
		files: [...shipped, 'package.json'],
		extends: [communityNodes.recommended],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { 'no-console': 'error' },
	},
	{
		files: ['package.json'],
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
		rules: { ...n8nNodesBase.configs.community.rules },
	},
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Off in n8n's node CLI and scanner too: the links point at each provider's own docs.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// Off in n8n's node CLI and scanner too: they predate NodeConnectionTypes.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	{
		files: ['scripts/**/*.ts', 'sandbox/**/*.ts', 'test/**/*.ts'],
		extends: [tseslint.configs.recommended],
		rules: {
			// A leading underscore names what is left unused on purpose (e.g. a field taken out of a rest).
			'@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true }],
		},
	},
);
