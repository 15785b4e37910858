// Small HTTP helpers shared by the ECR and GitHub stand-ins (plain node:http, no framework).
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Reads the whole request body; rejects bodies over `limit` bytes. */
export async function readBody(req: IncomingMessage, limit = 64 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new Error(`request body over ${limit} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON body; an empty body is `{}`. Throws SyntaxError on bad JSON. */
export function parseJsonBody(body: Buffer): unknown {
  const text = body.toString('utf8').trim();
  return text === '' ? {} : JSON.parse(text);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Port and bind address from the environment (start.sh sets them); 127.0.0.1 only. */
export function listenAddress(defaultPort: number): { host: string; port: number } {
  const host = process.env.STANDIN_HOST ?? '127.0.0.1';
  if (host !== '127.0.0.1' && host !== 'localhost') {
    throw new Error(`STANDIN_HOST=${host}: the stand-ins listen on 127.0.0.1 only`);
  }
  return { host, port: Number(process.env.STANDIN_PORT ?? defaultPort) };
}

/** Ends the process cleanly on SIGTERM/SIGINT (stop.sh sends SIGTERM). */
export function exitOnSignals(close: () => void): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      close();
      // Open keep-alive sockets must not keep the process alive.
      setTimeout(() => process.exit(0), 200).unref();
    });
  }
}
