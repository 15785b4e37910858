// A real Inspector2Client whose request handler answers from recorded REST-JSON bodies
// (__fixtures__/inspector/), so tests go through the SDK's own serializer and deserializer:
// the filter it sends and the shapes it parses are the wire's, not hand-made objects.
import { Inspector2Client } from '@aws-sdk/client-inspector2';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';

export interface RecordedAnswer {
  status?: number;
  /** A file in __fixtures__/inspector/, or a body. */
  file?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface SentRequest {
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string>;
}

export function inspectorFixture(file: string): string {
  return readFileSync(new URL(`./inspector/${file}`, import.meta.url), 'utf8');
}

/** A client answering each call with the next answer (the last one repeats); `sent` records the requests. */
export function recordedInspectorClient(answers: RecordedAnswer[]): { client: Inspector2Client; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  let call = 0;
  const requestHandler = {
    handle: async (request: { method: string; path: string; body?: unknown; headers: Record<string, string> }) => {
      sent.push({
        method: request.method,
        path: request.path,
        body: parseBody(request.body),
        headers: request.headers,
      });
      const answer = answers[Math.min(call, answers.length - 1)];
      call += 1;
      const text = answer.file ? inspectorFixture(answer.file) : JSON.stringify(answer.body ?? {});
      const status = answer.status ?? 200;
      return Promise.resolve({
        response: {
          statusCode: status,
          reason: undefined,
          headers: { 'content-type': 'application/json', ...answer.headers },
          body: Readable.from([Buffer.from(text)]),
        },
      });
    },
    updateHttpClientConfig: () => undefined,
    httpHandlerConfigs: () => ({}),
  };
  const client = new Inspector2Client({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIATESTTESTTEST0001', secretAccessKey: 'test' },
    requestHandler,
    maxAttempts: 1,
  });
  return { client, sent };
}

function parseBody(body: unknown): unknown {
  const text = typeof body === 'string' ? body : body instanceof Uint8Array ? new TextDecoder().decode(body) : undefined;
  return text === undefined || text === '' ? body : (JSON.parse(text) as unknown);
}
