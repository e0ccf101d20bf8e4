import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the balancer passed on: which backend (index into `backends`) took it and what it answered. */
export interface Forwarded {
	backend: number;
	method: string;
	path: string;
	status: number;
}

export interface RoundRobin {
	origin: string;
	/** The origins requests go to, in turn; set before the first request arrives. */
	backends: string[];
	forwarded: Forwarded[];
	close(): Promise<void>;
}

/**
 * A load balancer in front of n8n's webhook processes, as production puts one: each request goes
 * to the next backend in turn, so consecutive deliveries reach different processes.
 */
export async function startRoundRobin(): Promise<RoundRobin> {
	const forwarded: Forwarded[] = [];
	const balancer: RoundRobin = { origin: '', backends: [], forwarded, close: async () => undefined };
	let turn = 0;
	const server: Server = createServer((incoming, outgoing) => {
		if (!balancer.backends.length) {
			outgoing.writeHead(503).end('No backend yet');
			return;
		}
		const backend = turn++ % balancer.backends.length;
		const target = new URL(incoming.url ?? '/', balancer.backends[backend]);
		const onward = httpRequest(target, { method: incoming.method, headers: { ...incoming.headers, host: target.host } });
		onward.on('response', (answer) => {
			forwarded.push({ backend, method: incoming.method ?? 'GET', path: incoming.url ?? '/', status: answer.statusCode ?? 0 });
			outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(outgoing);
		});
		// A backend that is down answers 502, as a balancer would.
		onward.on('error', () => {
			forwarded.push({ backend, method: incoming.method ?? 'GET', path: incoming.url ?? '/', status: 502 });
			if (!outgoing.headersSent) outgoing.writeHead(502).end('Bad gateway');
			else outgoing.destroy();
		});
		incoming.pipe(onward);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	balancer.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	balancer.close = async () => {
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	};
	return balancer;
}
