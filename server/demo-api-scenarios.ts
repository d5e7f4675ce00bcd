/**
 * Test routes of the demo API, under its `testBasePath` (e.g. `/api-test`): a real server that
 * misbehaves as real servers do. Most take the rest of the path as a contract path, so that a
 * `RestDataSource` whose `baseUrl` is the scenario prefix meets them on every endpoint:
 *
 * - `status/{code}/…`       answers `code` with a problem body;
 * - `retry-after/{value}/{code}/…`  the same, with `Retry-After: value` (seconds or an HTTP date);
 * - `html-status/{code}/…`  answers `code` with an HTML page (a proxy's "502 Bad Gateway");
 * - `invalid-json/…`        answers 200 with a truncated JSON text;
 * - `html/…`                answers 200 with an HTML page (a login page behind a proxy);
 * - `content-type/{type}/…` answers the real answer labelled `type` (e.g. `text%2Fplain`);
 * - `wrong-shape/…`         answers the real answer, broken: a campaign without `status`, a list
 *                           whose `total` is text, `rows` an object, `hasAccount` a string, a
 *                           summary whose `clickers` is text;
 * - `drop/{field}/…`        answers the real answer without its top-level `field`;
 * - `reset/…`               closes the connection without an answer (a network failure);
 * - `reset-body/…`          sends the status, the headers and half the real body, then closes
 *                           the connection;
 * - `drip/{ms}/…`           sends the real answer 16 bytes every `ms` milliseconds;
 * - `large/{MB}/…`          the real answer, its `rows` repeated (new ids) up to `MB` megabytes,
 *                           with a `Content-Length`; `large-chunked/{MB}/…` the same, sent
 *                           in 64 KiB chunks without one;
 * - `hang/…`                never answers: holds the request until the client aborts, or `close()`;
 * - `slow/{ms}/…`           answers the real answer after `ms` milliseconds;
 * - `record/{token}/…`      answers the real answer and records the request (method, raw URL,
 *                           query, headers, cookies) under `token`;
 * - `requests/{token}`      the requests recorded under `token`, oldest first (read by tests
 *                           with a plain `fetch`);
 * - `set-fault/{token}/{count}/{scenario…}`  the next `count` requests (`*`: all) of
 *                           `fault/{token}/…` are served by that scenario route; `count` 0 clears;
 * - `fault/{token}/…`       served as `set-fault` said, else the real answer; each request
 *                           recorded under `token`. One address that answers well, then badly,
 *                           then well again: what an element meets when a server fails and recovers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, problem, requestUrl, send, type Answer } from './http.js';
import { grownRows, sendInPieces } from './scenario-bodies.js';
import type { RecordedRequest } from './test-shared.js';

type AnswerRoute = (segments: string[], query: URLSearchParams, signal: AbortSignal) => Promise<Answer>;

const MAX_TOKENS = 200;

export function createScenarios(answer: AnswerRoute) {
  const held = new Set<ServerResponse>();
  const closing = new AbortController();
  const recorded = new Map<string, RecordedRequest[]>();
  const faults = new Map<string, { scenario: string[]; left: number }>();

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
      at: Date.now(),
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
        return send(res, problem(status, `Scenario: answered ${status}.`));
      }
      case 'retry-after': {
        const [value = '', code = ''] = rest;
        return send(res, problem(errorStatus(code, 'retry-after/{value}/{code}'), `Scenario: answered ${code}, retry after ${value}.`, { 'retry-after': value }));
      }
      case 'html-status': {
        const status = errorStatus(rest[0] ?? '', 'html-status/{code}');
        return send(res, {
          status,
          body: `<html><head><title>${status} Bad Gateway</title></head><body><center><h1>${status} Bad Gateway</h1></center><hr><center>nginx</center></body></html>`,
          headers: { 'content-type': 'text/html' },
        });
      }
      case 'content-type': {
        const [type = '', ...path] = rest;
        const real = await answer(path, query, signal);
        return send(res, { ...real, headers: { ...real.headers, 'content-type': type } });
      }
      case 'reset-body': {
        const real = await answer(rest, query, signal);
        const text = JSON.stringify(real.body);
        res.writeHead(real.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) });
        res.write(text.slice(0, Math.floor(text.length / 2)), () => req.socket.destroy());
        return;
      }
      case 'drip': {
        const [ms = '', ...path] = rest;
        if (!/^\d+$/.test(ms)) throw new HttpError(400, `drip/{ms}: "${ms}" is not a number of milliseconds.`);
        return sendInPieces(res, await answer(path, query, signal), { size: 16, every: Number(ms), wait, signal });
      }
      case 'large':
      case 'large-chunked': {
        const [mb = '', ...path] = rest;
        if (!/^\d+(\.\d+)?$/.test(mb)) throw new HttpError(400, `${scenario}/{MB}: "${mb}" is not a number of megabytes.`);
        const real = grownRows(await answer(path, query, signal), Number(mb) * 1e6);
        if (scenario === 'large') return send(res, real);
        return sendInPieces(res, real, { size: 64 * 1024, every: 0, wait, signal });
      }
      case 'set-fault': {
        const [token = '', count = '', ...faultScenario] = rest;
        if (!/^(\d+|\*)$/.test(count)) throw new HttpError(400, `set-fault/{token}/{count}: "${count}" is not a count or *.`);
        const left = count === '*' ? Infinity : Number(count);
        if (left === 0) faults.delete(token);
        else {
          if (!faults.has(token) && faults.size >= MAX_TOKENS) faults.delete(faults.keys().next().value!);
          faults.set(token, { scenario: faultScenario, left });
        }
        return send(res, { status: 200, body: { token, left: count, scenario: faultScenario.join('/') } });
      }
      case 'fault': {
        const [token = '', ...path] = rest;
        record(req, token);
        const fault = faults.get(token);
        if (!fault || fault.left <= 0) return send(res, await answer(path, query, signal));
        fault.left--;
        return serve(req, res, [...fault.scenario, ...path], query, signal);
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

/** An error status (400–599) from a path segment. */
function errorStatus(code: string, route: string): number {
  if (!/^[45]\d\d$/.test(code)) throw new HttpError(400, `${route}: "${code}" is not a status code from 400 to 599.`);
  return Number(code);
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
