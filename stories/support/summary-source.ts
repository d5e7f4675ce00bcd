import type { CampaignDataSource, LinkStats, Options, StatsSummary } from '../../src/data/campaign-data-source.js';
import { demoDataSourceFor, StoryDataSource, type DemoSourceArgs } from './demo-source.js';

/**
 * The data sources of the summary's stories: the demo one; the same without `getStatsSummary`
 * (the summary then counts the figures from the rows, as for a host whose back end lacks the
 * route); or one whose summaries list `links` made-up links, to review a long links table.
 */
export function summarySourceFor(args: DemoSourceArgs, change: { withoutSummary?: boolean; links?: number } = {}): CampaignDataSource {
  const demo = demoDataSourceFor(args);
  if (change.withoutSummary) return new StoryDataSource(demo, {});
  if (!change.links) return demo;
  const count = change.links;
  return Object.assign(Object.create(demo) as CampaignDataSource, {
    async getStatsSummary(campaignId: string, o?: Options): Promise<StatsSummary> {
      const summary = await demo.getStatsSummary(campaignId, o);
      return { ...summary, links: madeUpLinks(count, summary.clickers) };
    },
  });
}

const PAGES = ['Programme de la formation', 'Inscription aux journées portes ouvertes', 'Télécharger la brochure', 'Prendre rendez-vous', 'Frais de scolarité', 'Témoignages d’anciens élèves'];

/** `count` links, most clicked first, whose clickers never exceed the campaign's. */
function madeUpLinks(count: number, clickers: number): LinkStats[] {
  return Array.from({ length: count }, (_, i) => {
    const unique = Math.floor(clickers / (i + 1.5));
    return {
      linkId: `story-${i + 1}`,
      url: `https://www.ecole-exemple.fr/campagne/lien-${i + 1}?utm_source=hub3e&utm_medium=email`,
      label: i % 7 === 6 ? undefined : `${PAGES[i % PAGES.length]} (${i + 1})`,
      clickCount: Math.round(unique * 1.4),
      clickers: unique,
    };
  });
}
