import { join } from 'node:path';
import type { ICredentialType, INodeType } from 'n8n-workflow';

import { registerCredentialType, registerNodeType } from '../../sandbox/engine';

const root = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require(join(root, 'package.json')) as { name: string; n8n: { nodes: string[]; credentials: string[] } };

/** The source file behind a `dist/…js` entry of package.json's n8n section. */
const sourceOf = (distPath: string) => join(root, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));

/** Each class a module exports, as n8n finds them: the module's exported constructors. */
function exportedClasses<T>(file: string): T[] {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exports = require(file) as Record<string, new () => T>;
	return Object.values(exports).filter((value) => typeof value === 'function').map((Class) => new Class());
}

/**
 * Registers every node and credential listed in package.json, typed as n8n names them for a
 * community package (`<package name>.<node name>`), so tests and users see the same type names.
 */
export function registerPack() {
	for (const file of pkg.n8n.credentials) {
		for (const credential of exportedClasses<ICredentialType>(sourceOf(file))) registerCredentialType(credential);
	}
	for (const file of pkg.n8n.nodes) {
		for (const node of exportedClasses<INodeType>(sourceOf(file))) {
			registerNodeType(`${pkg.name}.${node.description.name}`, node);
		}
	}
}
