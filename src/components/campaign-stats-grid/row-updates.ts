import type { Tabulator } from 'tabulator-tables';
import type { ContactStats } from '../../data/campaign-data-source.js';
import { nextTask, taskSlices } from '../../internal/next-task.js';

/** What this module uses of Tabulator 6.5's rows (internal, untyped): their data and whether they have cells. */
interface TabulatorRow {
  data: Record<string, unknown>;
  initialized: boolean;
  element: HTMLElement | false | undefined;
  updateData(data: Record<string, unknown>): Promise<void>;
  deinitialize(): void;
}

interface TableInternals {
  rowManager?: { rows?: TabulatorRow[] };
}

/** What a refresh changed: the fields whose values moved, in how many rows. */
export interface RowChanges {
  fields: Set<string>;
  rows: number;
}

/** Why rows were not updated in place: other contacts (the caller replaces the data), or the table went meanwhile. */
export type NotUpdated = 'other-contacts' | 'superseded';

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // `clickedLinks`: a short array of ids, new at every load.
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The fields of `before` and `after` (one contact's figures) whose values differ. */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>, into: Set<string>): boolean {
  let changed = false;
  for (const field in after) {
    if (!sameValue(before[field], after[field])) {
      into.add(field);
      changed = true;
    }
  }
  for (const field in before) {
    if (!(field in after) && before[field] !== undefined) {
      into.add(field);
      changed = true;
    }
  }
  return changed;
}

/**
 * Brings the table's rows to `rows`, the same contacts with newer figures, changing only the
 * rows whose figures moved, in tasks of a few milliseconds (a `replaceData` of 100,000 rows was
 * one task of about a second): the rows on screen are updated in place, their cells (and the
 * focus on one) kept; the others get the new figures, and their cells are made again when they
 * are drawn. The row objects the table held are not changed (an export reading them keeps its
 * figures). Sort, filters and search are not applied again here: the caller does it when a
 * changed field is one of theirs.
 *
 * Gives 'other-contacts', having changed nothing, when `rows` are not the table's contacts
 * (counts or ids differ), and 'superseded' as soon as `current()` is false between two slices.
 */
export async function updateChangedRows(table: Tabulator, rows: readonly ContactStats[], current: () => boolean): Promise<RowChanges | NotUpdated> {
  const tableRows = (table as unknown as TableInternals).rowManager?.rows;
  if (!Array.isArray(tableRows) || tableRows.length !== rows.length) return 'other-contacts';
  // A task of its own: the rows' arrival and their cleaning filled the one before.
  await nextTask();
  if (!current()) return 'superseded';
  const slices = taskSlices();
  const byId = new Map<unknown, TabulatorRow>();
  for (const row of tableRows) {
    byId.set(row.data.contactId, row);
    const pause = slices.pause();
    if (pause && (await pause, !current())) return 'superseded';
  }
  const fields = new Set<string>();
  const changed: [TabulatorRow, Record<string, unknown>][] = [];
  for (const next of rows as unknown as Record<string, unknown>[]) {
    const row = byId.get(next.contactId);
    if (!row) return 'other-contacts';
    if (changedFields(row.data, next, fields)) changed.push([row, next]);
    const pause = slices.pause();
    if (pause && (await pause, !current())) return 'superseded';
  }
  for (const [row, next] of changed) {
    // A row on screen reads its layout as it is updated: a few of them fill a slice.
    const onScreen = row.element !== false && row.element !== undefined && row.element.isConnected;
    if (onScreen) {
      const update: Record<string, unknown> = { ...next };
      for (const field in row.data) if (!(field in next)) update[field] = undefined;
      row.data = { ...row.data };
      void row.updateData(update).catch(() => undefined);
    } else {
      row.data = next;
      if (row.initialized) row.deinitialize();
    }
    const pause = slices.pause(onScreen);
    if (pause && (await pause, !current())) return 'superseded';
  }
  return { fields, rows: changed.length };
}
