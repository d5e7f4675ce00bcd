import { html, type TemplateResult } from 'lit';
import type { LocalizeController } from '../i18n/localize-controller.js';

/**
 * The time the figures are from and the refresh button, as every statistics element shows
 * them ("Données au 26/11/2026 à 21:30", Actualiser). Styles in layout.styles.ts.
 */
export function renderDataTime(localize: LocalizeController, asOf: string, refreshing: boolean, onRefresh: () => void): TemplateResult {
  const m = localize.messages;
  const time = new Date(asOf);
  return html`<span class="as-of" part="as-of">${m.asOf(localize.date(time), localize.time(time))}</span>
    <button
      class="button ${refreshing ? 'refreshing' : ''}"
      part="button refresh-button"
      type="button"
      aria-busy=${refreshing ? 'true' : 'false'}
      ?disabled=${refreshing}
      @click=${onRefresh}
    >
      <span class="refresh-icon" aria-hidden="true">⟳</span>${refreshing ? m.refreshing : m.refresh}
    </button>`;
}
