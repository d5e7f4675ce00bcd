import { DataSourceError } from '../data/data-source-error.js';
import type { Messages } from '../i18n/messages.js';
import { TimeoutError } from './abort.js';
import { ExportTooLargeError } from './contact-pages.js';

/** The user-facing message for an error thrown by a data source, and whether a retry may help. */
export function describeError(error: unknown, m: Messages): { message: string; retryable: boolean } {
  // Another copy (or version) of the library may know a kind this one does not.
  if (error instanceof DataSourceError) return { message: m.errors[error.kind] ?? m.errors.unknown, retryable: error.retryable !== false };
  if (error instanceof TimeoutError) return { message: m.errors.timeout, retryable: true };
  // The same export again would be just as large: only fewer rows help.
  if (error instanceof ExportTooLargeError) return { message: m.exportTooLarge, retryable: false };
  return { message: m.errors.unknown, retryable: true };
}

/** Anything thrown, as an `Error` (a data source may reject with a string or nothing). */
export function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(typeof error === 'string' ? error : 'Unknown error');
}
