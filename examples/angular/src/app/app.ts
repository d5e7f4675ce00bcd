import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import { DemoDataSource, type CampaignStatsExportedDetail } from '@hub3e/campaign-stats-elements';

@Component({
  selector: 'app-root',
  templateUrl: './app.html',
  // <campaign-list>, <sarbacane-link> and <campaign-stats-grid> are custom elements, not Angular components.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
})
export class App {
  protected readonly campaignId = 'em-jpo-decembre';
  /** The grid gets its own data source as a property; the list and the link use the page-wide default. */
  protected readonly gridDataSource = new DemoDataSource();
  protected readonly exported = signal<CampaignStatsExportedDetail | null>(null);

  protected onExported(event: CustomEvent<CampaignStatsExportedDetail>): void {
    this.exported.set(event.detail);
  }
}
