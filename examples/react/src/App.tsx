import { useRef, useState } from 'react';
import { DemoDataSource, type CampaignStatsExportedDetail, type CampaignStatsGrid, type CampaignStatsSummarySelectDetail } from '@hub3e/campaign-stats-elements';

/**
 * The grid and the summary that filters it get their own data source as a property (the same one:
 * the summary's figures are the grid's rows); the list and the link use the page-wide default.
 */
const gridDataSource = new DemoDataSource();

export default function App() {
  const [exported, setExported] = useState<CampaignStatsExportedDetail | null>(null);
  const [selected, setSelected] = useState<CampaignStatsSummarySelectDetail | null>(null);
  const grid = useRef<CampaignStatsGrid>(null);

  return (
    <main>
      <h1>Statistiques de campagne</h1>
      <campaign-list channel="email" stats-target="grid"></campaign-list>
      <sarbacane-link campaign-id="em-jpo-decembre"></sarbacane-link>
      <campaign-stats-summary
        campaign-id="em-jpo-decembre"
        stats-target="grid"
        dataSource={gridDataSource}
        oncampaign-stats-summary-select={(event) => setSelected(event.detail)}
      ></campaign-stats-summary>
      {selected && (
        <p id="selected">
          {selected.filter.label} : {selected.filter.count} contacts
        </p>
      )}
      <campaign-stats-grid
        id="grid"
        ref={grid}
        campaign-id="em-jpo-decembre"
        refresh-interval={0}
        dataSource={gridDataSource}
        oncampaign-stats-exported={(event) => setExported(event.detail)}
      ></campaign-stats-grid>
      {exported && (
        <p role="status" id="exported">
          {exported.fileName} : {exported.rowCount} lignes, {exported.byteLength} octets
        </p>
      )}
    </main>
  );
}
