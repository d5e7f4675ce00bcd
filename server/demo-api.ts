/**
 * The demo HTTP API: the `DemoDataSource` served over the JSON contract of `openapi.yaml`.
 *
 * One framework-neutral Node handler, `(req, res, next?) => Promise<void>`, used twice:
 * - by `npm start` (a Vite plugin mounts it under `/api`, see `scripts/demo-api-plugins.js`);
 * - by the tests (the web-test-runner dev server hands it `/api` and `/api-test` requests),
 *   where it also serves scenario routes that misbehave as real servers do
 *   (`demo-api-scenarios.ts`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CHANNELS, type CampaignDataSource, type Channel, type StatsQuery } from '../src/data/campaign-data-source.js';
import { DataSourceError, type DataSourceErrorKind } from '../src/data/data-source-error.js';
import { DemoDataSource, type DemoDataSourceOptions } from '../src/data/demo-data-source.js';
import { isAbortError } from '../src/internal/abort.js';
import { createScenarios } from './demo-api-scenarios.js';
import { HttpError, problem, requestUrl, send, type Answer } from './http.js';

export interface DemoApiOptions {
  /** The data served (default: a `DemoDataSource` made with `demo`). */
  dataSource?: CampaignDataSource;
  /** Options of the default `DemoDataSource` (e.g. `latency`). */
  demo?: DemoDataSourceOptions;
  /** Where the contract's paths start (default `/api`). */
  basePath?: string;
  /** Where the test scenario routes start (e.g. `/api-test`); none when omitted. */
  testBasePath?: string;
}

export interface DemoApi {
  /**
   * Answers a request under `basePath` (or `testBasePath`); any other request goes to `next`
   * (connect style), or gets a 404 without one. Resolves once the response is over.
   */
  (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): Promise<void>;
  /** Whether this API answers `url` (a request path with its query). */
  handles(url: string | undefined): boolean;
  /** Ends every request still open (held or slow scenario routes), for a clean shutdown. */
  close(): void;
}

/** The path of `url` after `base` (`''` or starting with `/`), or `undefined` when outside. */
function under(pathname: string, base: string): string | undefined {
  if (pathname === base) return '';
  return pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : undefined;
}

function trimBase(path: string): string {
  return `/${path.replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '');
}

/** `/a/b%2Fc` → `['a', 'b/c']`. */
export function pathSegments(path: string): string[] {
  if (path === '') return [];
  return path
    .slice(1)
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        throw new HttpError(400, `Malformed percent-encoding in the path segment "${segment}".`);
      }
    });
}

export function createDemoApi(options: DemoApiOptions = {}): DemoApi {
  const dataSource = options.dataSource ?? new DemoDataSource(options.demo);
  const base = trimBase(options.basePath ?? '/api');
  const testBase = options.testBasePath === undefined ? undefined : trimBase(options.testBasePath);
  const answer = (segments: string[], query: URLSearchParams, signal: AbortSignal) => answerRoute(dataSource, segments, query, signal);
  const scenarios = testBase === undefined ? undefined : createScenarios(answer);

  const api = (async (req, res, next) => {
    const url = requestUrl(req.url);
    const path = under(url.pathname, base);
    const testPath = testBase === undefined || path !== undefined ? undefined : under(url.pathname, testBase);
    if (path === undefined && testPath === undefined) {
      if (next) return next();
      return send(res, problem(404, `Nothing at ${url.pathname}.`));
    }

    // The response is over when it is sent, or when the client goes away (abort, timeout).
    const over = new Promise<void>((resolve) => {
      res.once('finish', resolve);
      res.once('close', resolve);
    });
    const controller = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, problem(405, `${req.method} is not allowed: this API is read-only.`, { allow: 'GET, HEAD' }));
      } else if (path !== undefined) {
        send(res, await answer(pathSegments(path), url.searchParams, controller.signal));
      } else {
        await scenarios!.serve(req, res, pathSegments(testPath!), url.searchParams, controller.signal);
      }
    } catch (error) {
      if (!controller.signal.aborted) send(res, errorAnswer(error));
    }
    await over;
  }) as DemoApi;

  api.handles = (url) => {
    const pathname = requestUrl(url).pathname;
    return under(pathname, base) !== undefined || (testBase !== undefined && under(pathname, testBase) !== undefined);
  };
  api.close = () => scenarios?.close();
  return api;
}

const KIND_STATUS: Record<DataSourceErrorKind, number> = {
  access: 403,
  'not-found': 404,
  'not-finished': 409,
  network: 502,
  server: 503,
  timeout: 504,
  'invalid-response': 502,
  unknown: 500,
};

/** A thrown error as an answer: `HttpError` and `DataSourceError` keep their status. */
export function errorAnswer(error: unknown): Answer {
  if (error instanceof HttpError) return problem(error.status, error.message, error.headers);
  if (error instanceof DataSourceError) return problem(error.status ?? KIND_STATUS[error.kind], error.message);
  if (isAbortError(error)) return problem(499, 'The request was aborted.');
  return problem(500, error instanceof Error ? error.message : 'Unexpected error.');
}

/** The contract's routes (paths after the base, decoded into segments). */
export async function answerRoute(
  dataSource: CampaignDataSource,
  segments: string[],
  query: URLSearchParams,
  signal: AbortSignal,
): Promise<Answer> {
  const [root, campaignId, leaf, ...extra] = segments;
  if (root !== 'campaigns' || extra.length > 0) throw new HttpError(404, `No route /${segments.map(encodeURIComponent).join('/')}.`);
  if (campaignId === undefined) {
    return { status: 200, body: await dataSource.listCampaigns(readListQuery(query), { signal }) };
  }
  const campaign = await dataSource.getCampaign(campaignId, { signal });
  switch (leaf) {
    case undefined:
      return { status: 200, body: campaign };
    case 'contact-stats': {
      if (campaign.status !== 'finished') {
        throw new DataSourceError('not-finished', `The send of "${campaignId}" is not finished: no statistics yet.`, { status: 409 });
      }
      const page = await dataSource.getContactStats(campaignId, readStatsQuery(query, campaign.channel), { signal });
      return { status: 200, body: { channel: campaign.channel, rows: page.rows, total: page.total, asOf: page.asOf } };
    }
    case 'summary': {
      if (campaign.status !== 'finished') {
        throw new DataSourceError('not-finished', `The send of "${campaignId}" is not finished: no statistics yet.`, { status: 409 });
      }
      if (!dataSource.getStatsSummary) throw new HttpError(404, 'This API computes no summary: count it from the contact statistics.');
      // The channel tells the client which figures the campaign has, as on a statistics page.
      return { status: 200, body: { channel: campaign.channel, ...(await dataSource.getStatsSummary(campaignId, { signal })) } };
    }
    case 'sarbacane-access':
      return { status: 200, body: await dataSource.getSarbacaneAccess(campaign, { signal }) };
    default:
      throw new HttpError(404, `No route /campaigns/{id}/${leaf}.`);
  }
}

function readCount(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  if (!/^\d+$/.test(value)) throw new HttpError(400, `Query parameter "${name}" must be a whole number ≥ 0 (got "${value}").`);
  return Number(value);
}

function readListQuery(query: URLSearchParams): { channel?: Channel; search?: string; offset?: number; limit?: number } {
  const result: { channel?: Channel; search?: string; offset?: number; limit?: number } = {};
  const channel = query.get('channel');
  if (channel !== null && channel !== '') {
    if (!CHANNELS.includes(channel as Channel)) throw new HttpError(400, `Query parameter "channel" must be one of ${CHANNELS.join(', ')} (got "${channel}").`);
    result.channel = channel as Channel;
  }
  const search = query.get('search');
  if (search) result.search = search;
  const offset = readCount(query, 'offset');
  const limit = readCount(query, 'limit');
  if (offset !== undefined) result.offset = offset;
  if (limit !== undefined) result.limit = limit;
  return result;
}

type FieldType = 'string' | 'number' | 'boolean';

const COMMON_FIELDS: Record<string, FieldType> = {
  contactId: 'string',
  firstName: 'string',
  lastName: 'string',
  delivery: 'string',
  clickCount: 'number',
  unsubscribed: 'boolean',
  lastActivityAt: 'string',
  // A link id: `eq` keeps the contacts who clicked that link.
  clickedLinks: 'string',
};

/** The fields `sort` and `filter` accept per channel, with the type a filter value is read as. */
export const STATS_FIELDS: Record<Channel, Record<string, FieldType>> = {
  email: { ...COMMON_FIELDS, email: 'string', opened: 'boolean', openCount: 'number', spamReported: 'boolean' },
  sms: { ...COMMON_FIELDS, phone: 'string' },
};

const FILTER_OPS = ['eq', 'like', 'gte', 'lte'] as const;
type FilterOp = (typeof FILTER_OPS)[number];

function fieldType(channel: Channel, field: string, parameter: string): FieldType {
  const type = Object.hasOwn(STATS_FIELDS[channel], field) ? STATS_FIELDS[channel][field] : undefined;
  if (!type) throw new HttpError(400, `Query parameter "${parameter}": unknown field "${field}" for ${channel} statistics.`);
  return type;
}

function typedValue(type: FieldType, raw: string, field: string): string | number | boolean {
  if (type === 'boolean') {
    if (raw !== 'true' && raw !== 'false') throw new HttpError(400, `Filter on "${field}": the value must be true or false (got "${raw}").`);
    return raw === 'true';
  }
  if (type === 'number') {
    if (!/^-?\d+(\.\d+)?$/.test(raw)) throw new HttpError(400, `Filter on "${field}": the value must be a number (got "${raw}").`);
    return Number(raw);
  }
  return raw;
}

/** `sort=a:asc,b:desc`, repeated `filter=field:op:value`, `search`, `offset`, `limit` (see `openapi.yaml`). */
export function readStatsQuery(query: URLSearchParams, channel: Channel): StatsQuery {
  const result: StatsQuery = { offset: readCount(query, 'offset') ?? 0, limit: readCount(query, 'limit') ?? Number.MAX_SAFE_INTEGER };
  const sort = query.get('sort');
  if (sort) {
    result.sort = sort.split(',').map((key) => {
      const [field = '', dir = 'asc', ...rest] = key.split(':');
      if (rest.length > 0 || (dir !== 'asc' && dir !== 'desc')) {
        throw new HttpError(400, `Query parameter "sort": "${key}" must be field:asc or field:desc.`);
      }
      fieldType(channel, field, 'sort');
      return { field, dir };
    });
  }
  const filters = query.getAll('filter');
  if (filters.length > 0) {
    result.filters = filters.map((filter) => {
      const first = filter.indexOf(':');
      const second = first < 0 ? -1 : filter.indexOf(':', first + 1);
      if (second < 0) throw new HttpError(400, `Query parameter "filter": "${filter}" must be field:op:value.`);
      const field = filter.slice(0, first);
      const op = filter.slice(first + 1, second) as FilterOp;
      if (!FILTER_OPS.includes(op)) throw new HttpError(400, `Query parameter "filter": unknown operator "${op}" (${FILTER_OPS.join(', ')}).`);
      const value = typedValue(fieldType(channel, field, 'filter'), filter.slice(second + 1), field);
      return { field, op, value };
    });
  }
  const search = query.get('search');
  if (search) result.search = search;
  return result;
}
