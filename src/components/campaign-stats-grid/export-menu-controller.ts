import type { Middleware, Placement, ReferenceElement, VirtualElement } from '@floating-ui/dom';
import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import type { ExportFormat } from '../../export/export-types.js';
import type { Messages } from '../../i18n/messages.js';
import { loadFloatingUi, place, VIEWPORT_PADDING, type FloatingUi } from './floating-ui.js';

export interface ExportMenuOptions {
  messages: () => Messages;
  /** The element the menu is rendered in: where a pointer position is taken to be (its scrolling and clipping ancestors). */
  container: () => HTMLElement | null;
  onExport: (format: ExportFormat) => void;
  /** Whether an export can start now (an export already running cannot start twice). */
  canExport: () => boolean;
}

/** The Exporter submenu's items, in order. */
const FORMATS: readonly [ExportFormat, 'exportExcel' | 'exportCsv'][] = [
  ['xlsx', 'exportExcel'],
  ['csv', 'exportCsv'],
];

/**
 * Beside a point or an item (`*-start`), else on the other side, else ending there (a menu
 * opened low grows upwards, as native ones do); then pushed inside the viewport on both axes.
 */
const besideMiddleware = ({ offset, flip, shift }: FloatingUi, gap: number, align: number): Middleware[] => [
  offset({ mainAxis: gap, alignmentAxis: align }),
  flip({ fallbackPlacements: ['left-start', 'right-end', 'left-end'], padding: VIEWPORT_PADDING }),
  shift({ padding: VIEWPORT_PADDING, crossAxis: true }),
];

/** Under a button, its right edges aligned, else above it; then pushed inside the viewport. */
const underMiddleware = ({ offset, flip, shift }: FloatingUi): Middleware[] => [offset(2), flip({ padding: VIEWPORT_PADDING }), shift({ padding: VIEWPORT_PADDING })];

/** A zero-size reference at a point of the viewport. */
function pointAt(x: number, y: number, contextElement: HTMLElement | undefined): VirtualElement {
  return { getBoundingClientRect: () => new DOMRect(x, y, 0, 0), contextElement };
}

/**
 * The grid's export menus, following the WAI-ARIA menu pattern. The context menu, Exporter ▸
 * Excel (.xlsx) | CSV (.csv), opens at the pointer on a right-click, or on the focused element
 * with Shift+F10 or the ContextMenu key; the toolbar button's menu holds the formats directly,
 * under (or above) the button. Both are placed with Floating UI inside the viewport; focus goes
 * to the first item; arrows, Home/End, Enter/Space, → ← between levels; Escape closes a level
 * and focus returns to where it was; Tab closes.
 */
export class ExportMenuController implements ReactiveController {
  private readonly host: ReactiveElement;
  private readonly options: ExportMenuOptions;
  isOpen = false;
  private fromButton = false;
  private submenuOpen = false;
  private invoker: HTMLElement | null = null;
  private openedByKeyAt = 0;
  /** Counts openings, so that a placement finishing after the menu was closed or reopened is dropped. */
  private openings = 0;
  /** Stop Floating UI's `autoUpdate` of a menu anchored to an element: the toolbar's, the submenu. */
  private stopFollowingMenu?: () => void;
  private stopFollowingSubmenu?: () => void;

  constructor(host: ReactiveElement, options: ExportMenuOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  /** Whether the open menu is the toolbar button's (its `aria-expanded`). */
  get openedFromButton(): boolean {
    return this.isOpen && this.fromButton;
  }

  hostDisconnected(): void {
    this.close(false);
  }

  /** `contextmenu` on the table: rows and header alike. */
  readonly onContextMenu = (event: MouseEvent): void => {
    event.preventDefault();
    // The ContextMenu key fires keydown, then contextmenu: the menu is already open.
    if (Date.now() - this.openedByKeyAt < 500) return;
    const invoker = event.composedPath().find((n): n is HTMLElement => n instanceof HTMLElement && n.tabIndex >= 0) ?? null;
    void this.open(pointAt(event.clientX, event.clientY, this.options.container() ?? undefined), invoker, false);
  };

  /** Shift+F10 and the ContextMenu key on the focused table: the menu opens just inside the focused element. */
  readonly onTableKeydown = (event: KeyboardEvent): void => {
    const isMenuKey = event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey);
    const target = event.composedPath()[0] as HTMLElement;
    // In a filter box, Shift+F10 keeps its native menu (paste…).
    if (!isMenuKey || target instanceof HTMLInputElement) return;
    event.preventDefault();
    this.openedByKeyAt = Date.now();
    const rect = target.getBoundingClientRect();
    void this.open(pointAt(rect.left + Math.min(16, rect.width / 2), rect.top + Math.min(16, rect.height / 2), target), target, false);
  };

  /** The toolbar button: opens the formats under it, or closes them when they are open. */
  toggleUnder(button: HTMLElement): void {
    if (this.openedFromButton) this.close();
    else void this.open(button, button, true);
  }

  private async open(anchor: ReferenceElement, invoker: HTMLElement | null, fromButton: boolean): Promise<void> {
    this.stopFollowing();
    const opening = ++this.openings;
    // Loaded before the menu renders, so that it never shows unplaced.
    const ui = await loadFloatingUi();
    if (opening !== this.openings) return;
    this.invoker = invoker;
    this.fromButton = fromButton;
    this.isOpen = true;
    this.submenuOpen = false;
    document.addEventListener('pointerdown', this.onOutsidePointer, true);
    this.host.requestUpdate();
    await this.host.updateComplete;
    const menu = this.menu();
    if (!menu || opening !== this.openings) return;
    const [placement, middleware]: [Placement, Middleware[]] = fromButton ? ['bottom-end', underMiddleware(ui)] : ['right-start', besideMiddleware(ui, 0, 0)];
    // Placed before focus, so that focusing never scrolls to where the menu was first rendered.
    await place(ui, anchor, menu, placement, middleware);
    if (opening !== this.openings) return;
    // The button may move (a resize, a toolbar that wraps): followed. A pointer's position is
    // placed once; the menu then scrolls with the table.
    if (fromButton) this.stopFollowingMenu = ui.autoUpdate(anchor, menu, () => void place(ui, anchor, menu, placement, middleware));
    this.items(0)[0]?.focus();
  }

  /** Closes both levels; focus returns to what opened the menu unless `restoreFocus` is false. */
  close(restoreFocus = true): void {
    if (!this.isOpen) return;
    this.openings++;
    this.stopFollowing();
    this.isOpen = false;
    this.submenuOpen = false;
    document.removeEventListener('pointerdown', this.onOutsidePointer, true);
    this.host.requestUpdate();
    if (restoreFocus) this.invoker?.focus();
  }

  private stopFollowing(): void {
    this.stopFollowingMenu?.();
    this.stopFollowingSubmenu?.();
    this.stopFollowingMenu = this.stopFollowingSubmenu = undefined;
  }

  private readonly onOutsidePointer = (event: PointerEvent): void => {
    const path = event.composedPath();
    const menu = this.menu();
    // A press on the toolbar button is left to its click, which toggles the menu.
    if (this.fromButton && this.invoker && path.includes(this.invoker)) return;
    if (menu && !path.includes(menu)) this.close(false);
  };

  private menu(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('[data-export-menu]');
  }

  private items(level: 0 | 1): HTMLElement[] {
    return [...(this.menu()?.querySelectorAll<HTMLElement>(`[role="menuitem"][data-level="${level}"]`) ?? [])];
  }

  private async openSubmenu(focus: boolean): Promise<void> {
    if (this.submenuOpen) {
      if (focus) this.items(1)[0]?.focus();
      return;
    }
    const opening = this.openings;
    this.submenuOpen = true;
    this.host.requestUpdate();
    const [ui] = await Promise.all([loadFloatingUi(), this.host.updateComplete]);
    const parent = this.items(0)[0];
    const submenu = this.menu()?.querySelector<HTMLElement>('[data-submenu]');
    if (!parent || !submenu) return;
    // Its first item level with the parent item: the menu's padding and border above it.
    const middleware = besideMiddleware(ui, 4, -5);
    await place(ui, parent, submenu, 'right-start', middleware);
    if (opening !== this.openings || !this.submenuOpen) return;
    this.stopFollowingSubmenu = ui.autoUpdate(parent, submenu, () => void place(ui, parent, submenu, 'right-start', middleware));
    if (focus) this.items(1)[0]?.focus();
  }

  private closeSubmenu(): void {
    this.stopFollowingSubmenu?.();
    this.stopFollowingSubmenu = undefined;
    this.submenuOpen = false;
    this.host.requestUpdate();
    this.items(0)[0]?.focus();
  }

  private activate(format: ExportFormat): void {
    if (!this.options.canExport()) return;
    this.close();
    this.options.onExport(format);
  }

  private readonly onMenuKeydown = (event: KeyboardEvent): void => {
    const item = event.target as HTMLElement;
    const level = Number(item.dataset.level ?? 0) as 0 | 1;
    const items = this.items(level);
    const index = items.indexOf(item);
    const move = (to: number) => items[(to + items.length) % items.length]?.focus();
    const hasSubmenu = item.getAttribute('aria-haspopup') === 'menu';
    switch (event.key) {
      case 'ArrowDown':
        move(index + 1);
        break;
      case 'ArrowUp':
        move(index - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(items.length - 1);
        break;
      case 'ArrowRight':
        if (hasSubmenu) void this.openSubmenu(true);
        break;
      case 'ArrowLeft':
        if (level === 1) this.closeSubmenu();
        break;
      case 'Enter':
      case ' ':
        if (hasSubmenu) void this.openSubmenu(true);
        else this.activate(item.dataset.format as ExportFormat);
        break;
      case 'Escape':
        if (level === 1) this.closeSubmenu();
        else this.close();
        break;
      case 'Tab':
        this.close();
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  private renderFormats(level: 0 | 1): TemplateResult[] {
    const m = this.options.messages();
    const canExport = this.options.canExport();
    return FORMATS.map(
      ([format, label]) => html`<button
        class="menu-item"
        part="menu-item"
        role="menuitem"
        type="button"
        tabindex="-1"
        data-level=${level}
        data-format=${format}
        aria-disabled=${canExport ? 'false' : 'true'}
        @click=${() => this.activate(format)}
      >
        ${m[label]}
      </button>`,
    );
  }

  render(): TemplateResult | typeof nothing {
    if (!this.isOpen) return nothing;
    const m = this.options.messages();
    if (this.fromButton) {
      return html`<div
        class="menu"
        part="menu"
        role="menu"
        aria-label=${m.exportMenu}
        data-export-menu
        @keydown=${this.onMenuKeydown}
        @contextmenu=${(e: Event) => e.preventDefault()}
      >
        ${this.renderFormats(0)}
      </div>`;
    }
    return html`
      <div
        class="menu"
        part="menu"
        role="menu"
        aria-label=${m.menuLabel}
        data-export-menu
        @keydown=${this.onMenuKeydown}
        @contextmenu=${(e: Event) => e.preventDefault()}
      >
        <div role="none">
          <button
            class="menu-item"
            part="menu-item"
            role="menuitem"
            type="button"
            tabindex="-1"
            data-level="0"
            aria-haspopup="menu"
            aria-expanded=${this.submenuOpen ? 'true' : 'false'}
            @click=${() => void this.openSubmenu(true)}
            @pointerenter=${() => void this.openSubmenu(false)}
          >
            <span>${m.exportMenu}</span><span class="menu-arrow" aria-hidden="true">▸</span>
          </button>
          ${this.submenuOpen
            ? html`<div class="menu" part="menu submenu" role="menu" aria-label=${m.exportMenu} data-submenu>${this.renderFormats(1)}</div>`
            : nothing}
        </div>
      </div>
    `;
  }
}
