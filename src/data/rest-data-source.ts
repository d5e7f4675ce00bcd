import {
  CHANNELS,
  type Campaign,
  type CampaignDataSource,
  type CampaignListQuery,
  type Channel,
  type ContactStatsPage,
  type Options,
  type SarbacaneAccess,
  type StatsQuery,
  type StatsSummary,
} from './campaign-data-source.js';
import { DataSourceError, type DataSourceErrorKind } from './data-source-error.js';
import { validateCampaign, validateCampaignList, validateSarbacaneAccess, validateStatsPage, validateStatsSummary } from './validate.js';
import { isJsonType, readText, retryAfterMs } from './http-answer.js';
import { abortError, delay } from '../internal/abort.js';
import { timerDelay } from '../internal/timer-delay.js';

export interface RestDataSourceOptions {
  /**
   * Where the API lives: a path (`/api`) or an absolute URL (`https://hub3e.example/api`).
   * The paths of the contract (`openapi.yaml`) are appended to it.
   */
  baseUrl: string;
  /** Extra request headers (e.g. `Authorization`); a function is called before every request. */
  headers?: Record<string, string> | (() => Record<string, string>);
  /**
   * Whether cookies are sent (default `'same-origin'`: to the page's own origin only). An API
   * on another origin that authenticates with cookies needs `'include'` (and CORS with
   * credentials on the server).
   */
  credentials?: RequestCredentials;
  /**
   * Milliseconds before a call (answer, body, and any wait a `Retry-After` asked for) gives up
   * with a `timeout` error (default 30,000; `0` = never).
   */
  timeout?: number;
  /**
   * The most bytes of an answer's body read (default 16 MiB; `Infinity`: no limit). A larger
   * answer is an `invalid-response` error, refused before it is parsed: parsing and cleaning
   * 50 MB holds the page's main thread for 0.7 s here and several seconds on a slow machine.
   */
  maxResponseBytes?: number;
  /** A `fetch` to use instead of the global one, e.g. an instrumented one. */
  fetch?: typeof fetch;
}

/** Sort and filter fields are identifiers: they are written unescaped in `field:dir` and `field:op:value`. */
const FIELD = /^[A-Za-z][A-Za-z0-9_]*$/;
const FILTER_OPS = ['eq', 'like', 'gte', 'lte'] as const;
const DEFAULT_TIMEOUT = 30_000;
const DETAIL_MAX = 300;
/** 3 times the largest answer the elements ask for (20,000 contacts: 5 MB of the demo's rows). */
const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
/** An error body is read for its `detail` only. */
const ERROR_BODY_MAX = 64 * 1024;
/** Statuses whose `Retry-After` is honoured (RFC 9110 §10.2.3, RFC 6585 §4). */
const RETRY_AFTER_STATUSES = new Set([429, 503]);
/** Requests per call, the first included, when the server answers `Retry-After`. */
const MAX_ATTEMPTS = 3;
/** The longest a call waits for a `Retry-After` before asking again; a longer one fails the call at once. */
const MAX_RETRY_WAIT = 10_000;
/** A `Retry-After` holds this instance's requests back this long at most, whatever it says. */
const MAX_RETRY_AFTER = 60_000;

/**
 * `fetch` over the JSON HTTP contract described in `openapi.yaml`: timeouts, abort, response
 * validation and one error kind per HTTP status.
 *
 * - `signal` aborts → the promise rejects with an `AbortError` `DOMException`;
 * - no complete answer within `timeout` → `DataSourceError` `timeout`;
 * - 401/403 → `access`, 404 → `not-found`, 409 (send not finished) → `not-finished`,
 *   408 → `timeout`, 429 and 5xx → `server`, other statuses → `unknown`;
 * - fetch fails (offline, DNS, CORS refused) → `network`;
 * - invalid JSON, another content type than JSON, an answer larger than `maxResponseBytes`,
 *   or a wrong shape → `invalid-response`, naming the field;
 * - 429 or 503 with `Retry-After`: no request is sent before that time (at most 60 s on), the
 *   call waits for it and asks again (3 requests in all) when it is at most 10 s away and
 *   within `timeout`, else fails at once with `server`; a later call, such as an element's
 *   retry, waits for it too.
 *
 * Error messages are for developers (English); the elements localize by `kind`.
 */
export class RestDataSource implements CampaignDataSource {
  readonly options: Readonly<RestDataSourceOptions>;
  /** No request is sent before this time (`Date.now()`), which a `Retry-After` set. */
  private notBefore = 0;

  constructor(options: RestDataSourceOptions) {
    if (typeof options?.baseUrl !== 'string') throw new TypeError('RestDataSource: `baseUrl` must be a string.');
    this.options = { ...options };
  }

  async listCampaigns(q: CampaignListQuery = {}, o: Options = {}): Promise<{ campaigns: Campaign[]; total: number }> {
    const params = new URLSearchParams();
    if (q.channel !== undefined) params.set('channel', q.channel);
    if (q.search) params.set('search', q.search);
    setCount(params, 'offset', q.offset);
    setCount(params, 'limit', q.limit);
    return validateCampaignList(await this.get(['campaigns'], params, o.signal));
  }

  async getCampaign(campaignId: string, o: Options = {}): Promise<Campaign> {
    return validateCampaign(await this.get(['campaigns', campaignId], undefined, o.signal), 'response');
  }

  async getContactStats(campaignId: string, q: StatsQuery, o: Options = {}): Promise<ContactStatsPage> {
    const body = await this.get(['campaigns', campaignId, 'contact-stats'], statsParams(q), o.signal);
    return validateStatsPage(body, answerChannel(body));
  }

  /** `GET /campaigns/{id}/summary`: the campaign's figures, which the answer's `channel` tells. */
  async getStatsSummary(campaignId: string, o: Options = {}): Promise<StatsSummary> {
    const body = await this.get(['campaigns', campaignId, 'summary'], undefined, o.signal);
    return validateStatsSummary(body, answerChannel(body));
  }

  async getSarbacaneAccess(campaign: Campaign, o: Options = {}): Promise<SarbacaneAccess> {
    return validateSarbacaneAccess(await this.get(['campaigns', campaign.id, 'sarbacane-access'], undefined, o.signal));
  }

  /** The URL of a path of the contract: segments percent-encoded, one slash after the base. */
  private url(segments: readonly string[], params?: URLSearchParams): string {
    const base = this.options.baseUrl.replace(/\/+$/, '');
    const query = params?.toString();
    return `${base}/${segments.map(pathSegment).join('/')}${query ? `?${query}` : ''}`;
  }

  /** GET `segments`, answered JSON; every failure turned into a `DataSourceError` or an `AbortError`. */
  private async get(segments: readonly string[], params: URLSearchParams | undefined, signal?: AbortSignal): Promise<unknown> {
    if (signal?.aborted) throw abortError();
    const url = this.url(segments, params);
    const headers = new Headers({ Accept: 'application/json' });
    const extra = typeof this.options.headers === 'function' ? this.options.headers() : this.options.headers;
    for (const [name, value] of Object.entries(extra ?? {})) headers.set(name, value);

    // One controller for the call: the caller's signal and the timeout both abort it, and
    // `abortedBy` tells which one did (a timeout is an error, a caller's abort is not).
    const controller = new AbortController();
    let abortedBy: 'caller' | 'timeout' | undefined;
    const onAbort = () => {
      abortedBy ??= 'caller';
      controller.abort(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const timeout = this.options.timeout ?? DEFAULT_TIMEOUT;
    const timed = timeout > 0 && Number.isFinite(timeout);
    const deadline = timed ? Date.now() + timeout : Infinity;
    const timer = timed
      ? setTimeout(() => {
          abortedBy ??= 'timeout';
          controller.abort(new DOMException('The request timed out.', 'TimeoutError'));
        }, timerDelay(timeout))
      : undefined;
    const failed = (error: unknown, during: string): Error => {
      if (abortedBy === 'caller') return abortError();
      if (abortedBy === 'timeout') return new DataSourceError('timeout', `GET ${url}: no answer within ${timeout} ms.`, { cause: error });
      if (error instanceof DataSourceError) return error;
      return new DataSourceError('network', `GET ${url}: ${during} failed (${describe(error)}).`, { cause: error });
    };

    try {
      for (let attempt = 1; ; attempt++) {
        try {
          await this.waitRetryAfter(url, deadline, controller.signal);
        } catch (error) {
          throw failed(error, 'waiting for Retry-After');
        }
        const response = await this.fetchOnce(url, headers, controller.signal).catch((error: unknown) => {
          throw failed(error, 'the request');
        });
        if (!response.ok) {
          const body = await readText(response, ERROR_BODY_MAX).catch(() => ({ text: '' }));
          const retryAfter = RETRY_AFTER_STATUSES.has(response.status) ? retryAfterMs(response.headers.get('retry-after'), Date.now()) : undefined;
          if (retryAfter !== undefined) this.notBefore = Math.max(this.notBefore, Date.now() + Math.min(retryAfter, MAX_RETRY_AFTER));
          const error = statusError(response.status, url, body.text, retryAfter);
          if (retryAfter !== undefined && attempt < MAX_ATTEMPTS && this.mayWait(deadline)) continue;
          throw error;
        }
        return await readJson(response, url, this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES).catch((error: unknown) => {
          throw failed(error, 'reading the answer');
        });
      }
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  private async fetchOnce(url: string, headers: Headers, signal: AbortSignal): Promise<Response> {
    // Resolved now, not at construction, so that a fetch instrumented later is used; called
    // as a plain function (a method call on `this.options` would be an illegal invocation).
    const doFetch = this.options.fetch ?? globalThis.fetch;
    return doFetch(url, {
      method: 'GET',
      headers,
      credentials: this.options.credentials ?? 'same-origin',
      // Statistics evolve: always revalidate with the server, never reuse a stale answer.
      cache: 'no-cache',
      signal,
    });
  }

  /** Whether the wait a `Retry-After` asks for is short enough, and ends before `deadline`. */
  private mayWait(deadline: number): boolean {
    const now = Date.now();
    return this.notBefore - now <= MAX_RETRY_WAIT && this.notBefore < deadline;
  }

  /** Waits until the time a `Retry-After` named, or fails at once with `server` when that is too far. */
  private async waitRetryAfter(url: string, deadline: number, signal: AbortSignal): Promise<void> {
    const wait = this.notBefore - Date.now();
    if (wait <= 0) return;
    if (!this.mayWait(deadline)) {
      throw new DataSourceError('server', `GET ${url}: not sent, the server asked to wait ${Math.ceil(wait / 1000)} s more (Retry-After).`);
    }
    await delay(wait, signal);
  }
}

/** The JSON of a successful answer, within `maxBytes`. */
async function readJson(response: Response, url: string, maxBytes: number): Promise<unknown> {
  const type = response.headers.get('content-type');
  if (!isJsonType(type)) {
    void response.body?.cancel().catch(() => undefined);
    throw new DataSourceError('invalid-response', `Invalid response: GET ${url} answered ${type}, not JSON.`, { status: response.status });
  }
  const { text, complete } = await readText(response, maxBytes);
  if (!complete) {
    throw new DataSourceError(
      'invalid-response',
      `Invalid response: GET ${url} answered more than ${maxBytes} bytes, the most read (maxResponseBytes); ask for smaller pages.`,
      { status: response.status },
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new DataSourceError('invalid-response', `Invalid response: GET ${url} did not answer JSON (${describe(error)}).`, {
      status: response.status,
      cause: error,
    });
  }
}

function pathSegment(segment: string): string {
  // `.` and `..` (even percent-encoded) are path navigation for every URL parser.
  if (segment === '' || segment === '.' || segment === '..') {
    throw new DataSourceError('not-found', `No campaign can have the id "${segment}".`);
  }
  return encodeURIComponent(segment);
}

function setCount(params: URLSearchParams, name: string, value: number | undefined): void {
  if (value === undefined || !Number.isFinite(value)) return;
  params.set(name, String(Math.max(0, Math.floor(value))));
}

/** `offset`, `limit`, `sort=a:asc,b:desc`, repeated `filter=field:op:value`, `search` (see `openapi.yaml`). */
function statsParams(q: StatsQuery): URLSearchParams {
  const params = new URLSearchParams();
  setCount(params, 'offset', q.offset ?? 0);
  setCount(params, 'limit', q.limit);
  if (q.sort?.length) {
    params.set('sort', q.sort.map(({ field, dir }) => `${checkField(field, 'sort')}:${dir === 'desc' ? 'desc' : 'asc'}`).join(','));
  }
  for (const { field, op, value } of q.filters ?? []) {
    if (!FILTER_OPS.includes(op)) throw new TypeError(`RestDataSource: unknown filter operator "${String(op)}".`);
    params.append('filter', `${checkField(field, 'filter')}:${op}:${filterValue(value, field)}`);
  }
  if (q.search) params.set('search', q.search);
  return params;
}

function checkField(field: string, what: string): string {
  if (typeof field !== 'string' || !FIELD.test(field)) throw new TypeError(`RestDataSource: invalid ${what} field "${String(field)}".`);
  return field;
}

function filterValue(value: unknown, field: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new TypeError(`RestDataSource: the filter value of "${field}" must be a string, a finite number or a boolean.`);
}

/** The channel a statistics page or summary says it is of (its rows' shape and figures depend on it). */
function answerChannel(body: unknown): Channel {
  // Anything but an object is left to the validation, which names the fault.
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'email';
  const channel = (body as { channel?: unknown }).channel;
  if (!CHANNELS.includes(channel as Channel)) {
    throw new DataSourceError(
      'invalid-response',
      `Invalid response: response.channel must be one of ${CHANNELS.join(', ')} (got ${JSON.stringify(channel) ?? 'undefined'}).`,
    );
  }
  return channel as Channel;
}

const STATUS_KINDS: Record<number, [DataSourceErrorKind, string]> = {
  401: ['access', 'not signed in'],
  403: ['access', 'access denied'],
  404: ['not-found', 'not found'],
  408: ['timeout', 'the server timed out'],
  409: ['not-finished', "the campaign's send is not finished: no statistics yet"],
  429: ['server', 'too many requests'],
};

function statusError(status: number, url: string, body: string, retryAfter: number | undefined): DataSourceError {
  const [kind, what] = STATUS_KINDS[status] ?? (status >= 500 ? ['server', 'server error'] : ['unknown', 'unexpected status']);
  const detail = problemDetail(body);
  const wait = retryAfter === undefined ? '' : ` Retry-After: ${Math.ceil(retryAfter / 1000)} s.`;
  return new DataSourceError(kind, `GET ${url} answered ${status} (${what})${detail ? `: ${detail}` : '.'}${wait}`, { status });
}

/** The `detail` (else `title`, `message`, `error`) of an error body, shortened; never markup-bearing HTML pages. */
function problemDetail(body: string): string | undefined {
  let text: unknown;
  try {
    const parsed = JSON.parse(body) as Record<string, unknown> | null;
    text = parsed?.detail ?? parsed?.title ?? parsed?.message ?? parsed?.error;
  } catch {
    return undefined;
  }
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > DETAIL_MAX ? `${clean.slice(0, DETAIL_MAX)}…` : clean;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
