/**
 * Tabulator with only the modules the grid uses (its full build is more than twice the size).
 * Loaded lazily, while the statistics are being fetched: the list and the link never need it.
 * `PageModule` and `AjaxModule` serve server-side mode: pages asked of the data source, through
 * a request function (never a URL fetch). `TooltipModule` (with the `PopupModule` it draws
 * with) shows the whole text of a cell cut by its column's width. No `KeybindingsModule`: the
 * keyboard is `GridKeyboardController`'s (Tabulator's scrolls the body, it moves no focus).
 *
 * Three modules are narrowed so that no text is ever written as HTML, and no string reaches an
 * `innerHTML` sink (which a page under Trusted Types refuses, the empty string included): see
 * `TextPageModule`, `TextTooltipModule` and `ArrowSortModule`.
 */
import {
  Tabulator,
  AjaxModule,
  FilterModule,
  FormatModule,
  InteractionModule,
  PageModule,
  PopupModule,
  ResizeColumnsModule,
  ResizeTableModule,
  SortModule,
  TooltipModule,
} from 'tabulator-tables';

/**
 * The option that turns the narrowing on, for the grid's tables only: a host's own Tabulator
 * tables on the page share these modules, and may want HTML labels and tooltips.
 */
export const TEXT_ONLY = 'campaignStatsTextOnly';

/** What these subclasses use of Tabulator 6.5's module internals (untyped). */
interface ModuleInternals {
  table: { options: Record<string, unknown> };
  registerTableOption(key: string, value: unknown): void;
}

type ModuleClass<T> = new (table: unknown) => ModuleInternals & T;

const PAGE_BUTTONS: Record<string, 'firstBut' | 'prevBut' | 'nextBut' | 'lastBut'> = {
  'pagination|first': 'firstBut',
  'pagination|prev': 'prevBut',
  'pagination|next': 'nextBut',
  'pagination|last': 'lastBut',
};

/** The paginator's First / Previous / Next / Last labels (the host's `strings`) written as text; Tabulator writes them as HTML. */
class TextPageModule extends (PageModule as unknown as ModuleClass<{ langBind(path: string, callback: (text: string) => void): void } & Record<(typeof PAGE_BUTTONS)[string], HTMLElement>>) {
  constructor(table: unknown) {
    super(table);
    this.registerTableOption(TEXT_ONLY, false);
  }

  override langBind(path: string, callback: (text: string) => void): void {
    const button = this.table.options[TEXT_ONLY] ? PAGE_BUTTONS[path] : undefined;
    super.langBind(path, button ? (text) => (this[button]!.textContent = text) : callback);
  }
}

/**
 * Only element tooltips (the grid's are): Tabulator writes any other tooltip, the empty one of
 * a cell shown whole included, with `innerHTML`.
 */
class TextTooltipModule extends (TooltipModule as unknown as ModuleClass<{ loadTooltip(event: Event, component: unknown, tooltip: unknown): void }>) {
  override loadTooltip(event: Event, component: { getComponent(): unknown }, tooltip: unknown): void {
    if (!this.table.options[TEXT_ONLY]) return super.loadTooltip(event, component, tooltip);
    const contents = typeof tooltip === 'function' ? tooltip(event, component.getComponent(), () => undefined) : tooltip;
    if (contents instanceof HTMLElement) super.loadTooltip(event, component, contents);
  }
}

/**
 * Tabulator writes its `headerSortElement` option into each sortable header with `innerHTML`,
 * whatever its type: the grid gives it an empty (trusted) HTML value, and the arrow that the
 * styles draw is added here as an element.
 */
class ArrowSortModule extends (SortModule as unknown as ModuleClass<{ initializeColumn(column: unknown): void }>) {
  override initializeColumn(column: { modules: { sort?: { element?: HTMLElement } } }): void {
    super.initializeColumn(column);
    const sorter = column.modules.sort?.element;
    if (this.table.options[TEXT_ONLY] && sorter && !sorter.firstChild) {
      const arrow = document.createElement('div');
      arrow.className = 'tabulator-arrow';
      sorter.append(arrow);
    }
  }
}

Tabulator.registerModule([
  AjaxModule,
  FilterModule,
  FormatModule,
  InteractionModule,
  TextPageModule,
  PopupModule,
  ResizeColumnsModule,
  ResizeTableModule,
  ArrowSortModule,
  TextTooltipModule,
] as unknown as Parameters<typeof Tabulator.registerModule>[0]);

export { Tabulator };
