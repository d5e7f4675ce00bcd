/** What the test API (Node) and the browser tests share: no Node import here. */

/**
 * The fixed clock of the test API: the server's `DemoDataSource` and a test's own
 * `DemoDataSource` made with it lay out the same campaigns and the same figures.
 */
export const TEST_CLOCK = {
  /** The instant campaign dates are laid out from. */
  referenceTime: '2026-11-26T20:30:00.000Z',
  /** The time the statistics are read at (two hours later). */
  now: '2026-11-26T22:30:00.000Z',
} as const;

/** A request recorded by the `record/{token}/…` scenario route, as `requests/{token}` answers it. */
export interface RecordedRequest {
  method: string;
  /** The request's URL as received: path still percent-encoded, with its query. */
  url: string;
  /** The query as received, one `[name, value]` pair per occurrence, decoded. */
  query: [string, string][];
  headers: Record<string, string | string[] | undefined>;
  cookies: Record<string, string>;
  /** When the server received it (`Date.now()`, the server's clock). */
  at: number;
}
