import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import type { ExportFormat } from '../../export/export-types.js';
import type { Messages } from '../../i18n/messages.js';

export interface ExportMenuOptions {
  messages: () => Messages;
  /** The positioned element the menu is placed in. */
  container: () => HTMLElement | null;
  onExport: (format: ExportFormat) => void;
  /** Whether an export can start now (an export already running cannot start twice). */
  canExport: () => boolean;
}

const MARGIN = 4;

/** The Exporter submenu's items, in order. */
const FORMATS: readonly [ExportFormat, 'exportExcel' | 'exportCsv'][] = [
  ['xlsx', 'exportExcel'],
  ['csv', 'exportCsv'],
];

/**
 * The table's context menu, Exporter ▸ Excel (.xlsx) | CSV (.csv), following the WAI-ARIA menu pattern:
 * opened by a right-click, Shift+F10, the ContextMenu key or a toolbar button; focus on the
 * first item; arrows, Home/End, Enter/Space; Escape closes a level and focus returns to
 * where it was.
 */
export class ExportMenuController implements ReactiveController {
  private readonly host: ReactiveElement;
  private readonly options: ExportMenuOptions;
  isOpen = false;
  private submenuOpen = false;
  private position = { x: 0, y: 0 };
  private invoker: HTMLElement | null = null;
  private openedByKeyAt = 0;

  constructor(host: ReactiveElement, options: ExportMenuOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.close(false);
  }

  /** `contextmenu` on the table: rows and header alike. */
  readonly onContextMenu = (event: MouseEvent): void => {
    event.preventDefault();
    // The ContextMenu key fires keydown, then contextmenu: the menu is already open.
    if (Date.now() - this.openedByKeyAt < 500) return;
    const rect = this.options.container()?.getBoundingClientRect();
    const invoker = event.composedPath().find((n): n is HTMLElement => n instanceof HTMLElement && n.tabIndex >= 0) ?? null;
    this.open(event.clientX - (rect?.left ?? 0), event.clientY - (rect?.top ?? 0), invoker);
  };

  /** Shift+F10 and the ContextMenu key on the focused table. */
  readonly onTableKeydown = (event: KeyboardEvent): void => {
    const isMenuKey = event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey);
    const target = event.composedPath()[0] as HTMLElement;
    // In a filter box, Shift+F10 keeps its native menu (paste…).
    if (!isMenuKey || target instanceof HTMLInputElement) return;
    event.preventDefault();
    this.openedByKeyAt = Date.now();
    const container = this.options.container()?.getBoundingClientRect();
    const rect = target.getBoundingClientRect();
    this.open(Math.max(MARGIN, rect.left - (container?.left ?? 0) + 16), Math.max(MARGIN, rect.top - (container?.top ?? 0) + 16), target);
  };

  /** The toolbar button: the menu opens under it. */
  openBelow(button: HTMLElement): void {
    const container = this.options.container()?.getBoundingClientRect();
    const rect = button.getBoundingClientRect();
    this.open(rect.left - (container?.left ?? 0), rect.bottom - (container?.top ?? 0) + 2, button);
  }

  async open(x: number, y: number, invoker: HTMLElement | null): Promise<void> {
    this.position = { x, y };
    this.invoker = invoker;
    this.isOpen = true;
    this.submenuOpen = false;
    document.addEventListener('pointerdown', this.onOutsidePointer, true);
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.keepInside();
    this.items(0)[0]?.focus();
  }

  close(restoreFocus = true): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.submenuOpen = false;
    document.removeEventListener('pointerdown', this.onOutsidePointer, true);
    this.host.requestUpdate();
    if (restoreFocus) this.invoker?.focus();
  }

  private readonly onOutsidePointer = (event: PointerEvent): void => {
    const menu = this.menu();
    if (menu && !event.composedPath().includes(menu)) this.close(false);
  };

  private menu(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('[data-export-menu]');
  }

  private items(level: 0 | 1): HTMLElement[] {
    return [...(this.menu()?.querySelectorAll<HTMLElement>(`[role="menuitem"][data-level="${level}"]`) ?? [])];
  }

  /**
   * Places the menu, inside the table area. Through the CSSOM, never a `style` attribute: a
   * Content-Security-Policy without `'unsafe-inline'` for styles refuses those.
   */
  private keepInside(): void {
    const menu = this.menu();
    const container = this.options.container();
    if (!menu || !container) return;
    const maxX = container.clientWidth - menu.offsetWidth * 2 - MARGIN;
    const maxY = container.clientHeight - menu.offsetHeight - MARGIN;
    menu.style.left = `${Math.max(MARGIN, Math.min(this.position.x, maxX))}px`;
    menu.style.top = `${Math.max(MARGIN, Math.min(this.position.y, maxY))}px`;
  }

  private async openSubmenu(focus: boolean): Promise<void> {
    this.submenuOpen = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (focus) this.items(1)[0]?.focus();
  }

  private closeSubmenu(): void {
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

  render(): TemplateResult | typeof nothing {
    if (!this.isOpen) return nothing;
    const m = this.options.messages();
    const canExport = this.options.canExport();
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
        <div class="menu-entry" role="none">
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
            ? html`<div class="menu submenu" part="menu submenu" role="menu" aria-label=${m.exportMenu}>
                ${FORMATS.map(
                  ([format, label]) => html`<button
                    class="menu-item"
                    part="menu-item"
                    role="menuitem"
                    type="button"
                    tabindex="-1"
                    data-level="1"
                    data-format=${format}
                    aria-disabled=${canExport ? 'false' : 'true'}
                    @click=${() => this.activate(format)}
                  >
                    ${m[label]}
                  </button>`,
                )}
              </div>`
            : nothing}
        </div>
      </div>
    `;
  }
}
