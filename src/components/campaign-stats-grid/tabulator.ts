/**
 * Tabulator with only the modules the grid uses (its full build is more than twice the size).
 * Loaded lazily, while the statistics are being fetched: the list and the link never need it.
 * `PageModule` and `AjaxModule` serve server-side mode: pages asked of the data source, through
 * a request function (never a URL fetch). No `KeybindingsModule`: the keyboard is
 * `GridKeyboardController`'s (Tabulator's scrolls the body, it moves no focus). No
 * `TooltipModule` nor `PopupModule`: the whole text of a cut cell is the grid's own tooltip, on
 * focus and on hover (`CellTooltip`, `CellHoverTooltip`), and its menus are its own (Floating
 * UI); Tabulator's tooltip could not be dismissed with Escape nor hovered.
 *
 * Two modules are narrowed so that no text is ever written as HTML, and no string reaches an
 * `innerHTML` sink (which a page under Trusted Types refuses, the empty string included): see
 * `TextPageModule` and `ArrowSortModule`. `KnownRowHeightModule` spares a forced layout per
 * batch of rows drawn.
 */
import {
  Tabulator,
  AjaxModule,
  FilterModule,
  FormatModule,
  InteractionModule,
  Module,
  PageModule,
  ResizeColumnsModule,
  ResizeTableModule,
  SortModule,
} from 'tabulator-tables';

/**
 * The option that turns the narrowing on, for the grid's tables only: a host's own Tabulator
 * tables on the page share these modules, and may want HTML labels.
 */
export const TEXT_ONLY = 'campaignStatsTextOnly';

/** The option that turns `KnownRowHeightModule` on (with `rowHeight`), for the grid's tables only. */
export const KNOWN_ROW_HEIGHT = 'campaignStatsKnownRowHeight';

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

/** What `KnownRowHeightModule` uses of Tabulator 6.5's rows (untyped). */
interface RowInternals {
  height: number;
  heightStyled: string;
  outerHeight: number;
  calcHeight(force?: boolean): void;
}

/**
 * Tabulator reads each drawn row's `offsetHeight` in `Row.calcHeight`, even when it is told the
 * row height: in the virtual renderer's fill, that read lays out the batch of rows just
 * appended, which then sets its cells' heights and is laid out again a moment later (a third of
 * a scroll jump's main-thread time in the bench's traces, inside a shadow root). Rows of one
 * height have one outer height: it is read from the table's first row drawn, and given to the
 * others.
 */
class KnownRowHeightModule extends (Module as unknown as ModuleClass<{ subscribe(event: string, callback: (row: RowInternals) => void): void }>) {
  static moduleName = 'campaignStatsKnownRowHeight';
  /** The outer height of the table's rows, once a row has been laid out. */
  private outerHeight = 0;

  constructor(table: unknown) {
    super(table);
    this.registerTableOption(KNOWN_ROW_HEIGHT, false);
  }

  initialize(): void {
    const rowHeight = this.table.options.rowHeight;
    if (!this.table.options[KNOWN_ROW_HEIGHT] || typeof rowHeight !== 'number' || rowHeight <= 0) return;
    // One function for all the table's rows (a closure per row would stay with every row drawn).
    const known = this;
    const height = rowHeight;
    function calcHeight(this: RowInternals, force?: boolean): void {
      if (!known.outerHeight) {
        Object.getPrototypeOf(this).calcHeight.call(this, force);
        // A row not in the document measures 0: the next one is measured instead.
        known.outerHeight = this.outerHeight;
        return;
      }
      this.height = height;
      this.heightStyled = `${height}px`;
      this.outerHeight = known.outerHeight;
    }
    this.subscribe('row-init', (row) => {
      row.calcHeight = calcHeight;
    });
  }
}

Tabulator.registerModule([
  AjaxModule,
  FilterModule,
  FormatModule,
  InteractionModule,
  TextPageModule,
  ResizeColumnsModule,
  ResizeTableModule,
  ArrowSortModule,
  KnownRowHeightModule,
] as unknown as Parameters<typeof Tabulator.registerModule>[0]);

export { Tabulator };
