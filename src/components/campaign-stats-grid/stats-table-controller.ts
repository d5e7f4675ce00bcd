import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CellComponent, ColumnDefinition, Filter, Formatter, Tabulator } from 'tabulator-tables';
import type { ContactStats } from '../../data/campaign-data-source.js';
import { compareValues, foldText, matchesSearch } from '../../data/stats-query.js';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import type { StatsColumn } from './stats-columns.js';

let tabulatorModule: Promise<typeof import('./tabulator.js')> | undefined;

/** Starts loading Tabulator (once); the grid calls it as soon as it starts fetching. */
export function loadTabulator(): Promise<typeof import('./tabulator.js')> {
  tabulatorModule ??= import('./tabulator.js');
  return tabulatorModule;
}

/** Periods of the "last activity" filter, in hours: last hour, day, week, month. */
export const ACTIVITY_PERIODS = [1, 24, 168, 720] as const;
const NO_ACTIVITY = 'none';

export interface StatsTableConfig {
  columns: readonly StatsColumn[];
  rows: ContactStats[];
  height: string;
  /** The time the figures are from: activity periods count back from it. */
  asOf: string;
  /** Element inside the shadow root where Tabulator's popups go (page CSS does not reach the body). */
  popupContainer: HTMLElement;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

type Sorter = Extract<NonNullable<ColumnDefinition['sorter']>, (...args: never[]) => number>;

/** A sorter on `key(value)`; empty values stay at the bottom whatever the direction. */
function sorterBy(key: (value: unknown) => unknown = (value) => value): Sorter {
  return (a, b, _aRow, _bRow, _column, dir) => {
    const last = dir === 'asc' ? 1 : -1;
    if (isEmpty(a)) return isEmpty(b) ? 0 : last;
    if (isEmpty(b)) return -last;
    return compareValues(key(a), key(b));
  };
}

function textNode(text: string): Text {
  return document.createTextNode(text);
}

/**
 * Owns the Tabulator instance of a `<campaign-stats-grid>`: column definitions (formatters,
 * header filters, sorters) from the column model, data updates that keep the user's view,
 * the global search, and the rows the user sees, for the export.
 */
export class StatsTableController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly localize: LocalizeController;
  private table: Tabulator | undefined;
  private element: HTMLElement | undefined;
  private columns: readonly StatsColumn[] = [];
  private search = '';
  private builtLang = '';
  private referenceTime = Date.now();
  /** Rows shown after filters and search; null while no table is built. */
  shownCount: number | null = null;
  totalCount = 0;

  constructor(host: ReactiveControllerHost, localize: LocalizeController) {
    this.host = host;
    this.localize = localize;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.destroy();
  }

  get built(): boolean {
    return this.table !== undefined;
  }

  /** Builds the table in `element`; resolves once Tabulator has rendered it. */
  async build(element: HTMLElement, config: StatsTableConfig): Promise<void> {
    const { Tabulator } = await loadTabulator();
    // The campaign may have changed while Tabulator loaded: nothing to build then.
    if (!element.isConnected) return;
    this.destroy();
    this.element = element;
    this.columns = config.columns;
    this.totalCount = config.rows.length;
    this.referenceTime = new Date(config.asOf).getTime();
    this.builtLang = this.localize.locale;
    const table = new Tabulator(element, {
      data: config.rows,
      index: 'contactId',
      columns: this.columnDefinitions(),
      height: config.height,
      layout: 'fitColumns',
      renderVertical: 'virtual',
      placeholder: '',
      headerFilterLiveFilterDelay: 250,
      popupContainer: config.popupContainer,
      columnDefaults: { headerSortTristate: true, resizable: true, headerWordWrap: true },
    });
    this.table = table;
    await new Promise<void>((resolve) => table.on('tableBuilt', () => resolve()));
    if (this.table !== table) return;
    table.on('dataFiltered', (_filters: unknown, rows: unknown[]) => {
      this.shownCount = rows.length;
      this.host.requestUpdate();
    });
    this.applySearch();
    this.shownCount = table.getDataCount('active');
    this.host.requestUpdate();
  }

  /** New figures for the same contacts: sort, filters, search and scroll position stay. */
  async replaceRows(rows: ContactStats[], asOf: string): Promise<void> {
    if (!this.table) return;
    this.referenceTime = new Date(asOf).getTime();
    const holder = this.element?.querySelector<HTMLElement>('.tabulator-tableholder');
    const scroll = holder ? { top: holder.scrollTop, left: holder.scrollLeft } : undefined;
    this.totalCount = rows.length;
    await this.table.replaceData(rows);
    if (holder && scroll) {
      holder.scrollTop = scroll.top;
      holder.scrollLeft = scroll.left;
    }
    this.shownCount = this.table.getDataCount('active');
    this.host.requestUpdate();
  }

  /** Re-labels headers and cells when the language changes, keeping sort and filters. */
  relocalize(): void {
    if (!this.table || this.builtLang === this.localize.locale) return;
    this.builtLang = this.localize.locale;
    const sorters = this.table.getSorters().map((s) => ({ column: s.field, dir: s.dir }));
    const filters = this.table.getHeaderFilters();
    this.table.setColumns(this.columnDefinitions());
    for (const filter of filters) this.table.setHeaderFilterValue(filter.field, filter.value as string);
    if (sorters.length) this.table.setSort(sorters);
  }

  setHeight(height: string): void {
    this.table?.setHeight(height);
  }

  /** Names the table (Tabulator gives its element the grid role) for screen readers. */
  setLabel(label: string): void {
    this.element?.setAttribute('aria-label', label);
  }

  setSearch(search: string): void {
    this.search = search;
    this.applySearch();
  }

  private applySearch(): void {
    if (!this.table) return;
    const needle = this.search.trim();
    if (needle) this.table.setFilter(((row: ContactStats) => matchesSearch(row, needle)) as unknown as Filter['field']);
    else this.table.clearFilter(false);
  }

  /** The rows the user sees, in order: filters, search and sort applied. */
  activeRows(): Record<string, unknown>[] {
    return (this.table?.getData('active') ?? []) as Record<string, unknown>[];
  }

  /** The columns shown, in their current order. */
  visibleColumns(): StatsColumn[] {
    if (!this.table) return [];
    const byField = new Map(this.columns.map((c) => [c.field, c]));
    return this.table
      .getColumns()
      .filter((c) => c.isVisible())
      .map((c) => byField.get(c.getField()))
      .filter((c): c is StatsColumn => c !== undefined);
  }

  destroy(): void {
    this.table?.destroy();
    this.table = undefined;
    this.element = undefined;
    this.shownCount = null;
  }

  private columnDefinitions(): ColumnDefinition[] {
    const m = this.localize.messages;
    return this.columns.map((column) => {
      const title = column.title(m);
      const definition: ColumnDefinition = {
        title,
        field: column.field,
        minWidth: column.minWidth,
        sorter: column.kind === 'label' ? sorterBy((value) => m.delivery[value as keyof typeof m.delivery] ?? value) : sorterBy(),
        headerFilter: this.headerFilter(column, title) as unknown as ColumnDefinition['headerFilter'],
        headerFilterFunc: this.headerFilterFunc(column) as unknown as ColumnDefinition['headerFilterFunc'],
        headerFilterPlaceholder: column.filter === 'text' ? m.filterPlaceholder : column.filter === 'min' ? m.filterMin : '',
        // Tabulator appends Node results as they are (text nodes included).
        formatter: this.formatter(column) as Formatter,
        cssClass: `col-${column.kind}`,
      };
      if (column.kind === 'number') definition.hozAlign = 'right';
      return definition;
    });
  }

  /** Cells are DOM nodes or text nodes, never HTML strings: data can never inject markup. */
  private formatter(column: StatsColumn): (cell: CellComponent) => Node | string {
    const m = this.localize.messages;
    switch (column.kind) {
      case 'number':
        return (cell) => {
          const value = cell.getValue();
          return typeof value === 'number' ? textNode(this.localize.number(value)) : '';
        };
      case 'date':
        return (cell) => {
          const value = cell.getValue();
          const date = value ? new Date(value) : undefined;
          return date && !Number.isNaN(date.getTime()) ? textNode(this.localize.dateTime(date)) : '';
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
      default:
        return (cell) => {
          const value = cell.getValue();
          return isEmpty(value) ? '' : textNode(String(value));
        };
    }
  }

  /** Native controls as header filters: accessible, and no popup outside the shadow root. */
  private headerFilter(column: StatsColumn, title: string) {
    const m = this.localize.messages;
    return (_cell: unknown, _onRendered: unknown, success: (value: unknown) => void) => {
      let control: HTMLInputElement | HTMLSelectElement;
      if (column.filter === 'text' || column.filter === 'min') {
        const input = document.createElement('input');
        input.type = column.filter === 'min' ? 'number' : 'text';
        if (column.filter === 'min') input.min = '0';
        input.addEventListener('input', () => success(input.value));
        control = input;
      } else {
        const select = document.createElement('select');
        for (const [value, label] of this.filterChoices(column)) select.add(new Option(label, value));
        select.addEventListener('change', () => success(select.value));
        control = select;
      }
      control.setAttribute('aria-label', m.filterLabel(title));
      control.className = 'header-filter';
      return control;
    };
  }

  /** The options of a select filter: choices, yes/no, or periods of activity. */
  private filterChoices(column: StatsColumn): [string, string][] {
    const m = this.localize.messages;
    const any: [string, string] = ['', m.filterAny];
    switch (column.filter) {
      case 'boolean':
        return [any, ['true', m.yes], ['false', m.no]];
      case 'since':
        return [any, ...ACTIVITY_PERIODS.map((hours): [string, string] => [String(hours), m.activityWithin[hours]]), [NO_ACTIVITY, m.noActivity]];
      default:
        return [any, ...(column.choices ?? []).map((c): [string, string] => [c, m.delivery[c as keyof typeof m.delivery] ?? c])];
    }
  }

  private headerFilterFunc(column: StatsColumn) {
    switch (column.filter) {
      case 'choice':
        return (wanted: string, value: unknown) => value === wanted;
      case 'boolean':
        return (wanted: string, value: unknown) => String(value === true) === wanted;
      case 'min':
        return (wanted: string, value: unknown) => typeof value === 'number' && value >= Number(wanted);
      case 'since':
        return (wanted: string, value: unknown) => {
          if (wanted === NO_ACTIVITY) return isEmpty(value);
          if (isEmpty(value)) return false;
          return new Date(String(value)).getTime() >= this.referenceTime - Number(wanted) * 3_600_000;
        };
      default:
        return (wanted: string, value: unknown) => foldText(value).includes(foldText(wanted).trim());
    }
  }
}
