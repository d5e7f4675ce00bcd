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
import { abortError } from '../internal/abort.js';
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
  /** Milliseconds before a request (answer and body) gives up with a `timeout` error (default 30,000; `0` = never). */
  timeout?: number;
  /** A `fetch` to use instead of the global one, e.g. an instrumented one. */
  fetch?: typeof fetch;
}

/** Sort and filter fields are identifiers: they are written unescaped in `field:dir` and `field:op:value`. */
const FIELD = /^[A-Za-z][A-Za-z0-9_]*$/;
const FILTER_OPS = ['eq', 'like', 'gte', 'lte'] as const;
const DEFAULT_TIMEOUT = 30_000;
const DETAIL_MAX = 300;

/**
 * `fetch` over the JSON HTTP contract described in `openapi.yaml`: timeouts, abort, response
 * validation and one error kind per HTTP status.
 *
 * - `signal` aborts → the promise rejects with an `AbortError` `DOMException`;
 * - no complete answer within `timeout` → `DataSourceError` `timeout`;
 * - 401/403 → `access`, 404 → `not-found`, 409 (send not finished) → `not-finished`,
 *   408 → `timeout`, 429 and 5xx → `server`, other statuses → `unknown`;
 * - fetch fails (offline, DNS, CORS refused) → `network`;
 * - invalid JSON or a wrong shape → `invalid-response`, naming the field.
 *
 * Error messages are for developers (English); the elements localize by `kind`.
 */
export class RestDataSource implements CampaignDataSource {
  readonly options: Readonly<RestDataSourceOptions>;

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

    // One controller for the request: the caller's signal and the timeout both abort it, and
    // `abortedBy` tells which one did (a timeout is an error, a caller's abort is not).
    const controller = new AbortController();
    let abortedBy: 'caller' | 'timeout' | undefined;
    const onAbort = () => {
      abortedBy ??= 'caller';
      controller.abort(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const timeout = this.options.timeout ?? DEFAULT_TIMEOUT;
    const timer =
      timeout > 0 && Number.isFinite(timeout)
        ? setTimeout(() => {
            abortedBy ??= 'timeout';
            controller.abort(new DOMException('The request timed out.', 'TimeoutError'));
          }, timerDelay(timeout))
        : undefined;
    const failed = (error: unknown, during: string): Error => {
      if (abortedBy === 'caller') return abortError();
      if (abortedBy === 'timeout') return new DataSourceError('timeout', `GET ${url}: no answer within ${timeout} ms.`, { cause: error });
      return new DataSourceError('network', `GET ${url}: ${during} failed (${describe(error)}).`, { cause: error });
    };

    try {
      // Resolved now, not at construction, so that a fetch instrumented later is used; called
      // as a plain function (a method call on `this.options` would be an illegal invocation).
      const doFetch = this.options.fetch ?? globalThis.fetch;
      let response: Response;
      try {
        response = await doFetch(url, {
          method: 'GET',
          headers,
          credentials: this.options.credentials ?? 'same-origin',
          // Statistics evolve: always revalidate with the server, never reuse a stale answer.
          cache: 'no-cache',
          signal: controller.signal,
        });
      } catch (error) {
        throw failed(error, 'the request');
      }
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        throw failed(error, 'reading the answer');
      }
      if (!response.ok) throw statusError(response.status, url, text);
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        throw new DataSourceError('invalid-response', `Invalid response: GET ${url} did not answer JSON (${describe(error)}).`, {
          status: response.status,
          cause: error,
        });
      }
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
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

function statusError(status: number, url: string, body: string): DataSourceError {
  const [kind, what] = STATUS_KINDS[status] ?? (status >= 500 ? ['server', 'server error'] : ['unknown', 'unexpected status']);
  const detail = problemDetail(body);
  return new DataSourceError(kind, `GET ${url} answered ${status} (${what})${detail ? `: ${detail}` : '.'}`, { status });
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
