import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { LocalizeController } from '../i18n/localize-controller.js';
import { parseIsoDate } from './iso-date.js';

/** How long the "updated" cue stays after a refresh that brought new figures. */
const UPDATED_CUE_MS = 6000;
/** The relative time ("il y a 2 min") is redrawn this often. */
const TICK_MS = 30_000;

/**
 * The data time of a statistics element, kept current: the relative time ("il y a 2 min")
 * beside the exact one is redrawn every 30 s, and a refresh that brought new figures shows a
 * short-lived "updated" cue.
 */
export class DataTimeController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private timer: ReturnType<typeof setInterval> | undefined;
  private cueTimer: ReturnType<typeof setTimeout> | undefined;
  private shown: { campaignId: string; figures: string } | undefined;
  updated = false;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.timer = setInterval(() => document.visibilityState !== 'hidden' && this.host.requestUpdate(), TICK_MS);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
    clearTimeout(this.cueTimer);
  }

  /**
   * Figures of `campaignId` (`figures`: what they count, as a key) are now shown: when they
   * follow other figures of the same campaign, the cue shows for a few seconds. Called at every
   * update; only a change does something.
   */
  shows(campaignId: string, figures: string): void {
    const previous = this.shown;
    if (previous?.campaignId === campaignId && previous.figures === figures) return;
    this.shown = { campaignId, figures };
    if (previous?.campaignId !== campaignId) return;
    this.updated = true;
    clearTimeout(this.cueTimer);
    this.cueTimer = setTimeout(() => {
      this.updated = false;
      this.host.requestUpdate();
    }, UPDATED_CUE_MS);
    this.host.requestUpdate();
  }

}

/**
 * The time the figures are from and the refresh button, as every statistics element shows
 * them ("Données au 26/11/2026 à 21:30 · il y a 2 min", Actualiser). Styles in layout.styles.ts.
 */
export function renderDataTime(localize: LocalizeController, asOf: string, refreshing: boolean, onRefresh: () => void, updated = false): TemplateResult {
  const m = localize.messages;
  const time = new Date(asOf);
  const at = parseIsoDate(asOf);
  return html`<span class="as-of" part="as-of">${m.asOf(localize.date(time), localize.time(time))}</span>
    ${at === undefined ? nothing : html`<span class="as-of-relative" part="as-of-relative">${localize.timeAgo(at)}</span>`}
    ${updated ? html`<span class="updated" part="updated">${m.updated}</span>` : nothing}
    <button
      class="button ${refreshing ? 'refreshing' : ''}"
      part="button refresh-button"
      type="button"
      aria-busy=${refreshing ? 'true' : 'false'}
      aria-disabled=${refreshing ? 'true' : 'false'}
      @click=${() => {
        // Focusable while it refreshes: the focus of the user who pressed it stays on it.
        if (!refreshing) onRefresh();
      }}
    >
      <span class="refresh-icon" aria-hidden="true">⟳</span>${refreshing ? m.refreshing : m.refresh}
    </button>`;
}
