/** Bodies of the scenario routes that are sent differently from a plain answer (large, in pieces). */
import type { ServerResponse } from 'node:http';
import type { Answer } from './http.js';

/** `answer` with its `rows` repeated (each with a new `contactId`) until its JSON passes `bytes`. */
export function grownRows(answer: Answer, bytes: number): Answer {
  const body = answer.body as { rows?: unknown; total?: unknown } | null;
  if (answer.status !== 200 || !body || !Array.isArray(body.rows) || body.rows.length === 0) return answer;
  const model = body.rows as Record<string, unknown>[];
  const rows: Record<string, unknown>[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const row = { ...model[i % model.length], contactId: `large-${i}` };
    size += JSON.stringify(row).length + 1;
    rows.push(row);
  }
  return { ...answer, body: { ...body, rows, total: Math.max(Number(body.total) || 0, rows.length) } };
}

/**
 * Sends `answer` as JSON in pieces of `size` bytes, `every` milliseconds apart, without a
 * `Content-Length` (chunked): a slow drip, or a large body whose size is not declared.
 */
export async function sendInPieces(
  res: ServerResponse,
  answer: Answer,
  options: { size: number; every: number; wait: (ms: number, signal: AbortSignal) => Promise<void>; signal: AbortSignal },
): Promise<void> {
  const bytes = Buffer.from(JSON.stringify(answer.body));
  res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...answer.headers });
  for (let start = 0; start < bytes.length; start += options.size) {
    if (res.destroyed) return;
    if (start > 0 && options.every > 0) await options.wait(options.every, options.signal);
    // Backpressure: a large body waits for the client to read.
    if (!res.write(bytes.subarray(start, start + options.size))) {
      await new Promise<void>((resolve) => {
        const go = () => {
          res.off('drain', go);
          res.off('close', go);
          resolve();
        };
        res.on('drain', go);
        res.on('close', go);
      });
    }
  }
  res.end();
}
