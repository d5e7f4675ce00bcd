import { fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { CampaignStatsGrid } from '../../src/components/campaign-stats-grid/campaign-stats-grid.js';
import type { CampaignDataSource } from '../../src/data/campaign-data-source.js';
import '../../src/define/campaign-stats-grid.js';

/** Renders a grid on `dataSource` and waits until its table shows rows. */
export async function renderLoadedGrid(
  dataSource: CampaignDataSource,
  campaignId: string,
  options: { lang?: string; height?: string } = {},
): Promise<CampaignStatsGrid> {
  const grid = await fixture<CampaignStatsGrid>(
    html`<campaign-stats-grid lang=${options.lang ?? 'fr'} height=${options.height ?? '480px'} .dataSource=${dataSource} campaign-id=${campaignId}></campaign-stats-grid>`,
  );
  await waitForRows(grid);
  return grid;
}

export function shadow(grid: HTMLElement): ShadowRoot {
  return grid.shadowRoot!;
}

export async function waitForRows(grid: HTMLElement): Promise<void> {
  await waitUntil(() => shadow(grid).querySelectorAll('.tabulator-row').length > 0, 'the table shows no rows', { timeout: 5000 });
}

export async function waitForState(grid: HTMLElement, state: string): Promise<HTMLElement> {
  await waitUntil(() => shadow(grid).querySelector(`[part~="state-${state}"]`), `no ${state} state`, { timeout: 5000 });
  return shadow(grid).querySelector<HTMLElement>(`[part~="state-${state}"]`)!;
}

/** The visible rows' values of one column (by field), top to bottom. */
export function columnTexts(grid: HTMLElement, field: string): string[] {
  return [...shadow(grid).querySelectorAll(`.tabulator-row .tabulator-cell[tabulator-field="${field}"]`)].map((cell) => cell.textContent!.trim());
}

export function headerTitles(grid: HTMLElement): string[] {
  return [...shadow(grid).querySelectorAll('.tabulator-col .tabulator-col-title')].map((t) => t.textContent!.trim());
}

/** The centre of an element, in viewport coordinates, for sendMouse. */
export function centreOf(element: Element): [number, number] {
  const rect = element.getBoundingClientRect();
  return [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)];
}

export { oneEvent };
