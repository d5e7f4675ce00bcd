/** Small HTTP helpers of the demo API (Node, no framework). */
import { STATUS_CODES, type ServerResponse } from 'node:http';

/** An answer before it is written. `body` is sent as JSON unless it is a string. */
export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Thrown while reading a request: answered as a problem with this status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function problem(status: number, detail: string, headers: Record<string, string> = {}): Answer {
  return {
    status,
    body: { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail },
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers },
  };
}

/** Writes `answer` unless the client has gone. */
export function send(res: ServerResponse, answer: Answer): void {
  if (res.headersSent || res.destroyed) return;
  const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': String(Buffer.byteLength(text)),
    ...answer.headers,
  });
  res.end(text);
}

/** Parses a request URL without letting a `//host` path be read as an authority. */
export function requestUrl(url: string | undefined): URL {
  return new URL(`http://localhost${url?.startsWith('/') ? url : `/${url ?? ''}`}`);
}

