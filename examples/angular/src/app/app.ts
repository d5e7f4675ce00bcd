import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import { DemoDataSource, type CampaignStatsExportedDetail, type CampaignStatsSummarySelectDetail } from '@hub3e/campaign-stats-elements';

@Component({
  selector: 'app-root',
  templateUrl: './app.html',
  // <campaign-list>, <sarbacane-link>, <campaign-stats-summary> and <campaign-stats-grid> are custom elements, not Angular components.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
})
export class App {
  protected readonly campaignId = 'em-jpo-decembre';
  /**
   * The grid and the summary that filters it get their own data source as a property (the same
   * one: the summary's figures are the grid's rows); the list and the link use the page-wide default.
   */
  protected readonly gridDataSource = new DemoDataSource();
  protected readonly exported = signal<CampaignStatsExportedDetail | null>(null);
  protected readonly selected = signal<CampaignStatsSummarySelectDetail | null>(null);

  protected onExported(event: CustomEvent<CampaignStatsExportedDetail>): void {
    this.exported.set(event.detail);
  }

  protected onSelected(event: CustomEvent<CampaignStatsSummarySelectDetail>): void {
    this.selected.set(event.detail);
  }
}
