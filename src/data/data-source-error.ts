/**
 * What went wrong, in terms a user can act on. Data sources throw it; elements turn its
 * `kind` into a localized message (and offer a retry where one can help).
 */
export type DataSourceErrorKind =
  | 'access' // 401/403: not signed in or not allowed
  | 'not-found' // 404: the campaign does not exist (any more)
  | 'not-finished' // 409: statistics asked before the campaign's send is finished
  | 'network' // no answer from the network
  | 'server' // 5xx or a failure on the other side
  | 'timeout' // no answer in time
  | 'invalid-response' // an answer of the wrong shape
  | 'unknown';

/**
 * Marks a `DataSourceError` of any copy of the library on the page: a host's module may throw
 * one from its own bundle, which `instanceof` on this copy's class alone would not recognise.
 */
const BRAND = Symbol.for('hub3e.campaign-stats.data-source-error');

export class DataSourceError extends Error {
  /** `instanceof DataSourceError` is true for an error of any copy of the library. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  override name = 'DataSourceError';
  readonly kind: DataSourceErrorKind;
  readonly status: number | undefined;

  constructor(kind: DataSourceErrorKind, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
  }

  get [BRAND](): true {
    return true;
  }

  /** Whether trying again may help (an access or not-found error will not go away by itself). */
  get retryable(): boolean {
    return this.kind !== 'access' && this.kind !== 'not-found';
  }
}
