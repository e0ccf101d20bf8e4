/** The value after `--name` on the command line, if the option is there. */
export function optionValue(argv: string[], name: string): string | undefined {
	const at = argv.indexOf(name);
	return at === -1 ? undefined : argv[at + 1];
}

/** Every value of an option that may be given more than once (`--only a --only b`). */
export function optionValues(argv: string[], name: string): string[] {
	return argv.flatMap((arg, n) => (argv[n - 1] === name ? [arg] : []));
}

/** Exits 0 when `work` is done, or prints its error and exits 1 (child processes and timers would keep a script alive). */
export function exitWhenDone(work: Promise<unknown>): void {
	work.then(
		() => process.exit(0),
		(error) => {
			console.error(error);
			process.exit(1);
		},
	);
}
