import type { CellComponent, ColumnComponent, ColumnDefinition, Formatter } from 'tabulator-tables';
import { compareValues, foldText, isEmptyValue, type StatsFilter } from '../../data/stats-query.js';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import type { Messages } from '../../i18n/messages.js';
import type { StatsColumn } from './stats-columns.js';

/**
 * Tabulator's column definitions for the grid's column model (stats-columns.ts): formatters
 * that write text nodes (never HTML), native header filters, sorters that keep empty values
 * last, and the header filters' meaning as data-source filters for server-side mode.
 */

/** Periods of the "last activity" filter, in hours: last hour, day, week, month. */
export const ACTIVITY_PERIODS = [1, 24, 168, 720] as const;
const NO_ACTIVITY = 'none';

/** What the definitions read at the time they run. */
export interface ColumnContext {
  localize: LocalizeController;
  /** The time the figures are from (ms): activity periods count back from it. */
  referenceTime: () => number;
  /** The width in px of a text in the table's font, bold for a title (0 when it cannot be measured). */
  measure: (text: string, bold: boolean) => number;
}

/** A cell's padding and a margin, around its text. */
const CELL_EXTRA = 24;
/** A header's padding, the room kept for the sort arrow (18 px, see the styles) and a margin, around a title's word. */
const TITLE_EXTRA = 40;
/** A delivery badge's dot and gap. */
const BADGE_EXTRA = 18;

/**
 * The width a column needs to show its widest formatted value and the longest word of its
 * title whole (clear of the sort arrow), in the user's language: "11/28/2026, 10:58 PM" is
 * wider than "28/11/2026 22:58", "Unsubscribed" than "Désinscrit". Free text (names,
 * addresses) keeps its model's width.
 */
function contentWidth(column: StatsColumn, title: string, ctx: ColumnContext): number {
  const m = ctx.localize.messages;
  const values: string[] = [];
  switch (column.kind) {
    case 'date':
      values.push(ctx.localize.dateTime(new Date(2026, 11, 28, 22, 58)));
      break;
    case 'boolean':
      values.push(m.yes, m.no);
      break;
    case 'number':
      values.push(ctx.localize.number(88_888));
      break;
    case 'label':
      for (const choice of column.choices ?? []) values.push(m.delivery[choice as keyof typeof m.delivery] ?? choice);
      break;
  }
  const titleWidth = Math.max(0, ...title.split(/\s+/).map((word) => ctx.measure(word, true))) + TITLE_EXTRA;
  const valueWidth = Math.max(0, ...values.map((text) => ctx.measure(text, false))) + CELL_EXTRA + (column.kind === 'label' ? BADGE_EXTRA : 0);
  return Math.ceil(Math.max(titleWidth, valueWidth));
}

type Sorter = Extract<NonNullable<ColumnDefinition['sorter']>, (...args: never[]) => number>;

/** A sorter by `compare`; empty values stay at the bottom whatever the direction. */
function sorterBy(compare: (a: unknown, b: unknown, params: SorterParams) => number = compareValues): Sorter {
  return (a, b, _aRow, _bRow, _column, dir, params) => {
    const last = dir === 'asc' ? 1 : -1;
    if (isEmptyValue(a)) return isEmptyValue(b) ? 0 : last;
    if (isEmptyValue(b)) return -last;
    return compare(a, b, params as SorterParams);
  };
}

/** What Tabulator passes a sorter, made once per sort by `sorterParams`. */
interface SorterParams {
  ranks?: Map<unknown, number>;
}

/**
 * Sorts a text column by ranks: each sort first orders the column's distinct texts (a
 * campaign repeats names, labels, domains, sets of links) with `compareValues`, then compares
 * rows by rank, which is many times quicker than collating every pair of rows. `key` is the
 * text a value sorts by, worked out once per distinct value.
 */
function rankedTextSort(key: (value: unknown) => unknown): Pick<ColumnDefinition, 'sorter' | 'sorterParams'> {
  return {
    sorter: sorterBy((a, b, { ranks }) => ranks!.get(a)! - ranks!.get(b)!),
    sorterParams: ((column: ColumnComponent) => {
      const field = column.getField();
      const keys = new Map<unknown, unknown>();
      for (const row of column.getTable().getData() as Record<string, unknown>[]) {
        const value = row[field];
        if (!keys.has(value)) keys.set(value, key(value));
      }
      const ordered = [...new Set(keys.values())].sort(compareValues);
      // Texts the collation holds equal ("Élodie", "elodie") share a rank, keeping their rows' order.
      const keyRanks = new Map<unknown, number>();
      let rank = 0;
      ordered.forEach((text, i) => {
        if (i > 0 && compareValues(ordered[i - 1], text) !== 0) rank++;
        keyRanks.set(text, rank);
      });
      const ranks = new Map<unknown, number>();
      for (const [value, text] of keys) ranks.set(value, keyRanks.get(text)!);
      return { ranks } satisfies SorterParams;
    }) as unknown as ColumnDefinition['sorterParams'],
  };
}

/** A list cell's text: the labels of its values ("Programme de la formation, Prendre rendez-vous"). */
function listText(value: unknown, labels: Record<string, string> | undefined): string {
  return Array.isArray(value) ? value.map((item) => labels?.[String(item)] ?? String(item)).join(', ') : String(value ?? '');
}

function textNode(text: string): Text {
  return document.createTextNode(text);
}

export function columnDefinitions(columns: readonly StatsColumn[], ctx: ColumnContext): ColumnDefinition[] {
  const m = ctx.localize.messages;
  return columns.map((column) => {
    const title = column.title(m);
    const definition: ColumnDefinition = {
      title,
      // A node: Tabulator writes a string title as HTML, and the host's `strings` may hold markup.
      titleFormatter: (() => textNode(title)) as unknown as Formatter,
      field: column.field,
      minWidth: Math.max(column.minWidth, contentWidth(column, title, ctx)),
      ...(column.kind === 'label'
        ? rankedTextSort((value) => m.delivery[value as keyof typeof m.delivery] ?? value)
        : column.kind === 'text'
          ? rankedTextSort((value) => value)
          : column.kind === 'list'
            ? rankedTextSort((value) => listText(value, column.labels))
            : { sorter: sorterBy() }),
      headerFilter: headerFilter(column, title, ctx) as unknown as ColumnDefinition['headerFilter'],
      headerFilterFunc: headerFilterFunc(column, ctx) as unknown as ColumnDefinition['headerFilterFunc'],
      headerFilterPlaceholder: column.filter === 'text' ? m.filterPlaceholder : column.filter === 'min' ? m.filterMin : '',
      // Tabulator appends Node results as they are (text nodes included).
      formatter: formatter(column, ctx) as unknown as Formatter,
      cssClass: `col-${column.kind}`,
    };
    if (column.kind === 'number') definition.hozAlign = 'right';
    return definition;
  });
}

/**
 * Cells are DOM nodes or text nodes, never strings, not even empty ones: Tabulator writes a
 * string with `innerHTML` (data could inject markup, and Trusted Types refuse it).
 */
function formatter(column: StatsColumn, ctx: ColumnContext): (cell: CellComponent) => Node {
  const m = ctx.localize.messages;
  switch (column.kind) {
    case 'number':
      return (cell) => {
        const value = cell.getValue();
        return textNode(typeof value === 'number' ? ctx.localize.number(value) : '');
      };
    case 'date':
      return (cell) => {
        const value = cell.getValue();
        const date = value ? new Date(value) : undefined;
        return textNode(date && !Number.isNaN(date.getTime()) ? ctx.localize.dateTime(date) : '');
      };
    case 'boolean':
      return (cell) => {
        const yes = cell.getValue() === true;
        const badge = document.createElement('span');
        badge.className = yes ? 'flag flag-yes' : 'flag flag-no';
        badge.textContent = yes ? m.yes : m.no;
        return badge;
      };
    case 'label':
      return (cell) => {
        const value = String(cell.getValue() ?? '');
        const badge = document.createElement('span');
        badge.className = `delivery delivery-${value.replace(/[^a-z_]/g, '')}`;
        badge.textContent = m.delivery[value as keyof typeof m.delivery] ?? value;
        return badge;
      };
    case 'list':
      return (cell) => {
        const value = cell.getValue();
        return textNode(isEmptyValue(value) ? '' : listText(value, column.labels));
      };
    default:
      return (cell) => {
        const value = cell.getValue();
        return textNode(isEmptyValue(value) ? '' : String(value));
      };
  }
}

/** Native controls as header filters: accessible, and no popup outside the shadow root. */
function headerFilter(column: StatsColumn, title: string, ctx: ColumnContext) {
  const m = ctx.localize.messages;
  return (cell: { getValue(): unknown }, _onRendered: unknown, success: (value: unknown) => void) => {
    let control: HTMLInputElement | HTMLSelectElement;
    if (column.filter === 'text' || column.filter === 'min') {
      const input = document.createElement('input');
      input.type = column.filter === 'min' ? 'number' : 'text';
      if (column.filter === 'min') input.min = '0';
      input.addEventListener('input', () => success(input.value));
      control = input;
    } else {
      const select = document.createElement('select');
      for (const [value, label] of filterChoices(column, m)) select.add(new Option(label, value));
      select.addEventListener('change', () => success(select.value));
      control = select;
    }
    // A rebuilt header shows the filter it keeps.
    control.value = String(cell.getValue() ?? '');
    control.setAttribute('aria-label', m.filterLabel(title));
    control.className = 'header-filter';
    return control;
  };
}

/** The options of a select filter: choices, yes/no, or periods of activity. */
function filterChoices(column: StatsColumn, m: Messages): [string, string][] {
  const any: [string, string] = ['', m.filterAny];
  switch (column.filter) {
    case 'boolean':
      return [any, ['true', m.yes], ['false', m.no]];
    case 'since':
      return [any, ...ACTIVITY_PERIODS.map((hours): [string, string] => [String(hours), m.activityWithin[hours]]), [NO_ACTIVITY, m.noActivity]];
    case 'link':
      return [any, ...(column.choices ?? []).map((id): [string, string] => [id, column.labels?.[id] ?? id])];
    default:
      return [any, ...(column.choices ?? []).map((c): [string, string] => [c, m.delivery[c as keyof typeof m.delivery] ?? c])];
  }
}

function headerFilterFunc(column: StatsColumn, ctx: ColumnContext) {
  switch (column.filter) {
    case 'choice':
      return (wanted: string, value: unknown) => value === wanted;
    case 'link':
      return (wanted: string, value: unknown) => Array.isArray(value) && value.includes(wanted);
    case 'boolean':
      return (wanted: string, value: unknown) => String(value === true) === wanted;
    case 'min':
      return (wanted: string, value: unknown) => typeof value === 'number' && value >= Number(wanted);
    case 'since':
      return (wanted: string, value: unknown) => {
        if (wanted === NO_ACTIVITY) return isEmptyValue(value);
        if (isEmptyValue(value)) return false;
        return new Date(String(value)).getTime() >= ctx.referenceTime() - Number(wanted) * 3_600_000;
      };
    default: {
      // Tabulator asks row by row with the same text: it is folded once per text typed.
      let typed: string | undefined;
      let needle = '';
      return (wanted: string, value: unknown) => {
        if (wanted !== typed) {
          typed = wanted;
          needle = foldText(wanted).trim();
        }
        return foldText(value).includes(needle);
      };
    }
  }
}

/** A header filter's value as the data source's filters (ops like/eq/gte; the contract of `openapi.yaml`). */
export function statsFilters(column: StatsColumn | undefined, raw: unknown, referenceTime: number): StatsFilter[] {
  if (!column) return [];
  const field = column.field;
  const value = String(raw ?? '');
  switch (column?.filter) {
    case 'text': {
      const text = value.trim();
      return text ? [{ field, op: 'like', value: text }] : [];
    }
    case 'choice':
    case 'link':
      return value ? [{ field, op: 'eq', value }] : [];
    case 'boolean':
      return value === 'true' || value === 'false' ? [{ field, op: 'eq', value: value === 'true' }] : [];
    case 'min': {
      const min = Number(value);
      return value.trim() !== '' && Number.isFinite(min) ? [{ field, op: 'gte', value: min }] : [];
    }
    case 'since': {
      // "No activity" is an absent value, which `eq ''` matches.
      if (value === NO_ACTIVITY) return [{ field, op: 'eq', value: '' }];
      const hours = Number(value);
      if (!hours) return [];
      return [{ field, op: 'gte', value: new Date(referenceTime - hours * 3_600_000).toISOString() }];
    }
    default:
      return [];
  }
}

/** A header filter's value as the user reads it ("Délivré", "Oui", "≥ 2", "Dernières 24 h"), for the export's "Campagne" sheet. */
export function filterText(column: StatsColumn, raw: unknown, m: Messages): string {
  const value = String(raw ?? '');
  if (column.filter === 'text') return value.trim();
  if (column.filter === 'min') return `≥ ${value.trim()}`;
  return filterChoices(column, m).find(([choice]) => choice === value)?.[1] ?? value;
}
