/**
 * A small MCP client for n8n's MCP Server Trigger, so tests and scripts can list and call the tools of
 * a workflow without a language model. Streamable HTTP transport only: every JSON-RPC message is a
 * POST to the trigger's URL (`<n8n>/mcp/<path>`), the answer comes SSE-framed or as plain JSON, and the
 * session is the `mcp-session-id` header of the initialize answer. Node's fetch, no dependencies.
 */
export interface McpTool {
	name: string;
	description: string;
	inputSchema: {
		type: 'object';
		properties?: Record<string, { type?: string; description?: string }>;
		required?: string[];
		[keyword: string]: unknown;
	};
}

export interface McpToolResult {
	content: Array<{ type: string; text: string }>;
	isError?: boolean;
}

interface JsonRpcMessage {
	id?: number;
	result?: unknown;
	error?: { code: number; message: string };
}

/** The JSON-RPC messages of a body: `text/event-stream` events (their `data:` lines) or one JSON value. */
function messagesOf(text: string, contentType: string): JsonRpcMessage[] {
	if (!contentType.includes('text/event-stream')) return text.trim() ? [JSON.parse(text) as JsonRpcMessage] : [];
	return text
		.split(/\r?\n\r?\n/)
		.map((event) =>
			event
				.split(/\r?\n/)
				.filter((line) => line.startsWith('data:'))
				.map((line) => line.slice(5).trimStart())
				.join('\n'),
		)
		.filter(Boolean)
		.map((data) => JSON.parse(data) as JsonRpcMessage);
}

/** The text parts of a tool result, joined: n8n puts the tool's output (or its error) there as JSON text. */
export const textOf = (result: McpToolResult): string => result.content.map((part) => part.text).join('');

export class McpClient {
	private sessionId?: string;
	private protocolVersion?: string;
	private nextId = 1;
	/** The server's name from initialize (n8n: the trigger node's name as a tool name, e.g. `MCP_Server_Trigger`). */
	serverName = '';

	private constructor(
		readonly url: string,
		private readonly headers: Record<string, string>,
	) {}

	/** Opens a session: initialize, then the initialized notification the protocol asks for before any call. */
	static async connect(url: string, { headers = {}, clientName = 'n8n-nodes-outreach' }: { headers?: Record<string, string>; clientName?: string } = {}): Promise<McpClient> {
		const client = new McpClient(url, headers);
		const init = await client.request<{ protocolVersion: string; serverInfo: { name: string } }>('initialize', {
			protocolVersion: '2025-03-26',
			capabilities: {},
			clientInfo: { name: clientName, version: '0.0.1' },
		});
		client.protocolVersion = init.protocolVersion;
		client.serverName = init.serverInfo.name;
		await client.post({ jsonrpc: '2.0', method: 'notifications/initialized' });
		return client;
	}

	private async post(message: Record<string, unknown>): Promise<JsonRpcMessage[]> {
		const response = await fetch(this.url, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				// The MCP SDK's server transport inside n8n answers 406 unless both are accepted.
				Accept: 'application/json, text/event-stream',
				...(this.sessionId ? { 'mcp-session-id': this.sessionId } : {}),
				...(this.protocolVersion ? { 'mcp-protocol-version': this.protocolVersion } : {}),
				...this.headers,
			},
			body: JSON.stringify(message),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`POST ${this.url} (${String(message.method)}) answered ${response.status}: ${text.slice(0, 300)}`);
		this.sessionId ??= response.headers.get('mcp-session-id') ?? undefined;
		return messagesOf(text, response.headers.get('content-type') ?? '');
	}

	/** One JSON-RPC request; its result, or an Error carrying the JSON-RPC error. */
	async request<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
		const id = this.nextId++;
		const answer = (await this.post({ jsonrpc: '2.0', id, method, params })).find((message) => message.id === id);
		if (!answer) throw new Error(`MCP ${method}: no answer with id ${id}`);
		if (answer.error) throw new Error(`MCP ${method} failed: ${JSON.stringify(answer.error)}`);
		return answer.result as T;
	}

	async listTools(): Promise<McpTool[]> {
		return (await this.request<{ tools: McpTool[] }>('tools/list')).tools;
	}

	/** A tool's failure (bad arguments, the node's error) is a result with `isError`, not a thrown error. */
	async callTool(name: string, args: Record<string, unknown>): Promise<McpToolResult> {
		return await this.request<McpToolResult>('tools/call', { name, arguments: args });
	}

	/** Ends the session on the server, which otherwise keeps it until n8n stops. */
	async close(): Promise<void> {
		if (!this.sessionId) return;
		const response = await fetch(this.url, { method: 'DELETE', headers: { 'mcp-session-id': this.sessionId, ...this.headers } });
		await response.text();
		this.sessionId = undefined;
	}
}
