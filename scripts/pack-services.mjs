/**
 * `npm run pack:services`: the one-service packages n8n can verify (and so offer on n8n Cloud),
 * built from this repository's own sources: n8n-nodes-smartlead-outreach and
 * n8n-nodes-sendkit-outreach, written to .cache/packages/<name>-<version>.tgz. lemlist has none:
 * n8n ships a Lemlist node, and verification takes no second node for a service n8n already has.
 *
 * For each service: the node, its trigger, the credential and everything they import (nodes/common
 * and the provider's folder) are copied into .cache/packages/staging/<name>/, a short explicit list
 * of names is rewritten there (credential type and class, display names, codex node type), the
 * project's tsc compiles only what the two nodes and the credential reach, icons and codex files
 * go beside the compiled nodes, and `npm pack` packs it with packaging/<service>/package.json
 * (whose version must be the umbrella's), packaging/<service>/README.md and the LICENSE.
 *
 * Why the renames: credential type names are global in an n8n instance, so a service package
 * installed next to the umbrella must not reuse smartleadOutreachApi / sendKitOutreachApi; nor
 * `smartleadApi` / `sendKitApi`, the names n8n itself (or another community package) would take.
 * "Standalone" names the package that holds the service alone. Node types are prefixed with the
 * package name by n8n, so those need no rename; display names drop "Outreach" so the picker tells
 * the service package's nodes from the umbrella's.
 *
 * Every rewrite must match: a source change that breaks one fails the pack instead of shipping
 * the umbrella's names. Exits non-zero on any failure.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, '.cache', 'packages');
const umbrella = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

export const SERVICES = [
	{
		folder: 'smartlead',
		provider: 'Smartlead',
		nodes: ['Smartlead', 'SmartleadTrigger'],
		credential: { from: 'SmartleadOutreachApi', to: 'SmartleadStandaloneApi' },
		rewrites: [
			['smartleadOutreachApi', 'smartleadStandaloneApi'],
			['SmartleadOutreachApi', 'SmartleadStandaloneApi'],
			['Smartlead Outreach API', 'Smartlead API'],
			['Smartlead Outreach Trigger', 'Smartlead Trigger'],
			["'Smartlead Outreach'", "'Smartlead'"],
		],
	},
	{
		folder: 'sendkit',
		provider: 'SendKit',
		nodes: ['SendKit', 'SendKitTrigger'],
		credential: { from: 'SendKitOutreachApi', to: 'SendKitStandaloneApi' },
		rewrites: [
			['sendKitOutreachApi', 'sendKitStandaloneApi'],
			['SendKitOutreachApi', 'SendKitStandaloneApi'],
			['SendKit Outreach API', 'SendKit API'],
			['SendKit Outreach Trigger', 'SendKit Trigger'],
			["'SendKit Outreach'", "'SendKit'"],
		],
	},
];

/** Every .ts file under `dir`, relative to it. */
const tsFiles = (dir) => readdirSync(dir, { recursive: true }).map(String).filter((file) => file.endsWith('.ts'));

/** Applies each rewrite to every staged source file; throws for a rewrite that matched nowhere. */
function rewrite(stage, rewrites) {
	const matched = new Set();
	for (const file of tsFiles(stage)) {
		const path = join(stage, file);
		let text = readFileSync(path, 'utf8');
		for (const [from, to] of rewrites) {
			if (!text.includes(from)) continue;
			matched.add(from);
			text = text.split(from).join(to);
		}
		writeFileSync(path, text);
	}
	const unmatched = rewrites.map(([from]) => from).filter((from) => !matched.has(from));
	if (unmatched.length) throw new Error(`These rewrites matched nothing (did the sources change?): ${unmatched.join(', ')}`);
}

/**
 * Stages, compiles and packs one service. Returns the package's name, its tarball, its staged
 * source and its template folder in packaging/.
 */
export function packService(service, log = console.log) {
	const manifest = JSON.parse(readFileSync(join(root, 'packaging', service.folder, 'package.json'), 'utf8'));
	if (manifest.dependencies || manifest.devDependencies) throw new Error(`packaging/${service.folder}/package.json must not declare dependencies`);
	// One version for all packages built from one commit. The template carries it (rather than
	// getting it here) because n8n's scan of the published package lints that file, and wants one.
	if (manifest.version !== umbrella.version) {
		throw new Error(`packaging/${service.folder}/package.json has version ${manifest.version}, package.json ${umbrella.version}: they must match`);
	}
	const stage = join(out, 'staging', manifest.name);
	rmSync(stage, { recursive: true, force: true });
	mkdirSync(join(stage, 'credentials'), { recursive: true });

	// Sources, tests left out. Only nodes/common and the provider's folder are staged, so an import of
	// another provider or of nodes/Outreach fails to compile; only what the entries import is compiled.
	for (const folder of ['common', service.provider]) {
		cpSync(join(root, 'nodes', folder), join(stage, 'nodes', folder), { recursive: true, filter: (path) => !path.endsWith('.test.ts') });
	}
	const { from, to } = service.credential;
	copyFileSync(join(root, 'credentials', `${from}.credentials.ts`), join(stage, 'credentials', `${to}.credentials.ts`));
	rewrite(stage, service.rewrites);

	// The project's compiler options, with this stage's entries and output; n8n-workflow and the Node
	// types resolve from the project's node_modules above.
	const entries = [...service.nodes.map((node) => `nodes/${service.provider}/${node}.node.ts`), `credentials/${to}.credentials.ts`];
	writeFileSync(
		join(stage, 'tsconfig.json'),
		JSON.stringify({ extends: join(root, 'tsconfig.json'), compilerOptions: { rootDir: '.', outDir: 'dist', declaration: false, sourceMap: false }, include: [], files: entries }, null, 2),
	);
	execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(stage, 'tsconfig.json')], { stdio: 'inherit' });

	// Icons (light and dark) and codex files beside the compiled nodes; the codex names the node by its new package.
	const providerDist = join(stage, 'dist', 'nodes', service.provider);
	for (const file of readdirSync(join(stage, 'nodes', service.provider))) {
		if (file.endsWith('.svg')) copyFileSync(join(stage, 'nodes', service.provider, file), join(providerDist, file));
		if (file.endsWith('.node.json')) {
			const codex = JSON.parse(readFileSync(join(stage, 'nodes', service.provider, file), 'utf8'));
			codex.node = codex.node.replace(/^[^.]+\./, `${manifest.name}.`);
			writeFileSync(join(providerDist, file), `${JSON.stringify(codex, null, '\t')}\n`);
		}
	}

	const missing = [...manifest.n8n.nodes, ...manifest.n8n.credentials].filter((file) => !existsSync(join(stage, file)));
	if (missing.length) throw new Error(`${manifest.name}: package.json names files the build did not write: ${missing.join(', ')}`);
	writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
	copyFileSync(join(root, 'packaging', service.folder, 'README.md'), join(stage, 'README.md'));
	copyFileSync(join(root, 'LICENSE'), join(stage, 'LICENSE'));
	copyFileSync(join(root, 'index.js'), join(stage, 'index.js'));

	const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', out], { cwd: stage, encoding: 'utf8' }).trim().split('\n').pop();
	log(`${join('.cache', 'packages', packed)}: ${service.nodes.join(', ')}, ${to}`);
	return { name: manifest.name, tarball: join(out, packed), stage, template: join(root, 'packaging', service.folder) };
}

/** Packs every service package; returns what packService returns for each. */
export function packServices(log = console.log) {
	mkdirSync(out, { recursive: true });
	return SERVICES.map((service) => packService(service, log));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) packServices();
