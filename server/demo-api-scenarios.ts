/**
 * Test routes of the demo API, under its `testBasePath` (e.g. `/api-test`): a real server that
 * misbehaves as real servers do. Most take the rest of the path as a contract path, so that a
 * `RestDataSource` whose `baseUrl` is the scenario prefix meets them on every endpoint:
 *
 * - `status/{code}/…`       answers `code` with a problem body (`503` adds `Retry-After`);
 * - `invalid-json/…`        answers 200 with a truncated JSON text;
 * - `html/…`                answers 200 with an HTML page (a login page behind a proxy);
 * - `wrong-shape/…`         answers the real answer, broken: a campaign without `status`, a list
 *                           whose `total` is text, `rows` an object, `hasAccount` a string, a
 *                           summary whose `clickers` is text;
 * - `drop/{field}/…`        answers the real answer without its top-level `field`;
 * - `reset/…`               closes the connection without an answer (a network failure);
 * - `hang/…`                never answers: holds the request until the client aborts, or `close()`;
 * - `slow/{ms}/…`           answers the real answer after `ms` milliseconds;
 * - `record/{token}/…`      answers the real answer and records the request (method, raw URL,
 *                           query, headers, cookies) under `token`;
 * - `requests/{token}`      the requests recorded under `token`, oldest first (read by tests
 *                           with a plain `fetch`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, problem, requestUrl, send, type Answer } from './http.js';
import type { RecordedRequest } from './test-shared.js';

type AnswerRoute = (segments: string[], query: URLSearchParams, signal: AbortSignal) => Promise<Answer>;

const MAX_TOKENS = 200;

export function createScenarios(answer: AnswerRoute) {
  const held = new Set<ServerResponse>();
  const closing = new AbortController();
  const recorded = new Map<string, RecordedRequest[]>();

  /** Waits `ms`, or until the client goes away or the API closes. */
  const wait = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const stop = () => {
        clearTimeout(timer);
        reject(new DOMException('Aborted', 'AbortError'));
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', stop);
        closing.signal.removeEventListener('abort', stop);
        resolve();
      }, ms);
      signal.addEventListener('abort', stop, { once: true });
      closing.signal.addEventListener('abort', stop, { once: true });
    });

  const record = (req: IncomingMessage, token: string) => {
    if (!recorded.has(token) && recorded.size >= MAX_TOKENS) recorded.delete(recorded.keys().next().value!);
    const list = recorded.get(token) ?? [];
    list.push({
      method: req.method ?? '',
      url: req.url ?? '',
      query: [...requestUrl(req.url).searchParams],
      headers: { ...req.headers },
      cookies: parseCookies(req.headers.cookie),
    });
    recorded.set(token, list);
  };

  async function serve(req: IncomingMessage, res: ServerResponse, segments: string[], query: URLSearchParams, signal: AbortSignal): Promise<void> {
    const [scenario, ...rest] = segments;
    switch (scenario) {
      case 'status': {
        const [code = '', ...path] = rest;
        const status = Number(code);
        if (!/^[1-5]\d\d$/.test(code) || status < 200) throw new HttpError(400, `status/{code}: "${code}" is not a status code from 200 to 599.`);
        if (status < 400) return send(res, await answer(path, query, signal));
        return send(res, problem(status, `Scenario: answered ${status}.`, status === 503 ? { 'retry-after': '1' } : {}));
      }
      case 'invalid-json':
        return send(res, { status: 200, body: '{"campaigns": [{"id": "em-1", "name": "Newsl' });
      case 'html':
        return send(res, {
          status: 200,
          body: '<!doctype html><title>Connexion</title><form action="/login"></form>',
          headers: { 'content-type': 'text/html; charset=utf-8' },
        });
      case 'wrong-shape':
        return send(res, breakShape(await answer(rest, query, signal), rest));
      case 'drop': {
        const [field = '', ...path] = rest;
        const real = await answer(path, query, signal);
        if (real.status === 200 && isRecord(real.body)) delete real.body[field];
        return send(res, real);
      }
      case 'reset':
        req.socket.destroy();
        return;
      case 'hang':
        // Never answered: the client's abort (or timeout) closes it, or `close()` does.
        held.add(res);
        res.once('close', () => held.delete(res));
        if (closing.signal.aborted) res.destroy();
        return;
      case 'slow': {
        const [ms = '', ...path] = rest;
        if (!/^\d+$/.test(ms)) throw new HttpError(400, `slow/{ms}: "${ms}" is not a number of milliseconds.`);
        await wait(Number(ms), signal);
        return send(res, await answer(path, query, signal));
      }
      case 'record': {
        const [token = '', ...path] = rest;
        record(req, token);
        return send(res, await answer(path, query, signal));
      }
      case 'requests': {
        const [token = ''] = rest;
        return send(res, { status: 200, body: recorded.get(token) ?? [] });
      }
      default:
        throw new HttpError(404, `No test scenario "${scenario ?? ''}".`);
    }
  }

  function close(): void {
    closing.abort();
    for (const res of held) res.destroy();
    held.clear();
    recorded.clear();
  }

  return { serve, close };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The real answer with one structural fault, per endpoint. */
function breakShape(real: Answer, path: string[]): Answer {
  const body = real.body;
  if (real.status !== 200 || !isRecord(body)) return real;
  const [, campaignId, leaf] = path;
  if (campaignId === undefined) {
    body.total = 'many';
  } else if (leaf === undefined) {
    delete body.status;
  } else if (leaf === 'contact-stats') {
    body.rows = { length: 1 };
  } else if (leaf === 'sarbacane-access') {
    body.hasAccount = 'yes';
  } else if (leaf === 'summary') {
    body.clickers = 'many';
  }
  return real;
}

function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const value = part.slice(eq + 1).trim();
    try {
      cookies[part.slice(0, eq).trim()] = decodeURIComponent(value);
    } catch {
      cookies[part.slice(0, eq).trim()] = value;
    }
  }
  return cookies;
}
