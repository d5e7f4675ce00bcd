import type { Campaign, CampaignDataSource, ContactStats } from '../../data/campaign-data-source.js';
import { validateStatsSummary } from '../../data/validate.js';
import { callWithTimeout } from '../../internal/abort.js';
import { OperationError } from '../../internal/campaign-load.js';
import { fromDataSource, linkText, summaryLinks, type SummaryData } from '../../internal/summary-figures.js';
import type { KnownLink } from './stats-columns.js';

/**
 * What the grid takes from the data source's summary (v2): the links' labels, for the "Liens
 * cliqués" column and its filter, and the figures of the export's "Synthèse" sheet.
 */

/**
 * The campaign's summary where the data source has `getStatsSummary`; `undefined` without it.
 * A failure is not the grid's: it rejects with an `OperationError('getStatsSummary')` for the
 * caller to report, and the table goes on without labels.
 */
export async function fetchGridSummary(source: CampaignDataSource, campaign: Campaign, timeout: number, signal: AbortSignal): Promise<SummaryData | undefined> {
  if (typeof source.getStatsSummary !== 'function') return undefined;
  try {
    const answer = await callWithTimeout((s) => source.getStatsSummary!(campaign.id, { signal: s }), timeout, signal);
    return fromDataSource(validateStatsSummary(answer, campaign.channel));
  } catch (error) {
    throw new OperationError('getStatsSummary', error);
  }
}

/**
 * The links the grid knows: the summary's (most clickers first, shown by label), then any id
 * the rows carry that the summary does not name. `undefined` when neither says anything about
 * links: the column is then left out. `previous`, the links a refresh of the same campaign
 * knew, keep their order and labels (a label the summary changed is taken): the column stays
 * the same from one refresh to the next, rather than being redefined, every row drawn again,
 * each time the clickers reorder the summary's links.
 */
export function knownLinks(summary: SummaryData | undefined, rows: readonly ContactStats[], previous?: readonly KnownLink[]): KnownLink[] | undefined {
  const links = new Map<string, string>();
  for (const link of previous ?? []) links.set(link.linkId, link.text);
  for (const link of summary ? summaryLinks(summary) : []) links.set(link.linkId, link.text);
  let carried = previous !== undefined;
  for (const row of rows) {
    if (!row.clickedLinks) continue;
    carried = true;
    for (const id of row.clickedLinks) if (!links.has(id)) links.set(id, linkText({ linkId: id }));
  }
  if (!carried && !summary?.links) return undefined;
  return [...links].map(([linkId, text]) => ({ linkId, text }));
}
