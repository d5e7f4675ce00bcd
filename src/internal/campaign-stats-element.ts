import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { CampaignDataSource } from '../data/campaign-data-source.js';
import { DEFAULT_DATA_SOURCE_CHANGED, getDefaultDataSource } from '../data/default-data-source.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import type { MessageOverrides } from '../i18n/messages.js';
import { VERSION } from './version.js';

/**
 * What the three elements share: the version, the data source (own property, else the
 * page-wide default) and localization (language resolution, `strings` overrides).
 */
export class CampaignStatsElement extends LitElement {
  static version = VERSION;

  /** The data source; when unset, the page-wide default of `setDefaultDataSource()`. */
  @property({ attribute: false }) dataSource: CampaignDataSource | undefined;

  /** Partial overrides of the texts, merged over the language's catalogue. */
  @property({ attribute: false }) strings: MessageOverrides | undefined;

  protected readonly localize = new LocalizeController(this);

  private readonly warned = new Set<string>();

  constructor() {
    super();
    // The user reads a plain `noDataSource` message; what to fix is the host developer's to read.
    this.addController({
      hostUpdated: () => {
        if (!this.source) {
          this.warnOnce('no-data-source', "no data source: set the element's dataSource property, or call setDefaultDataSource() for the page.");
        }
      },
    });
  }

  /** A console warning about the host's use of this element, once per element and `key`. */
  protected warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    console.warn(`<${this.localName}>: ${message}`);
  }

  /** The data source in effect. */
  protected get source(): CampaignDataSource | undefined {
    return this.dataSource ?? getDefaultDataSource();
  }

  private readonly onDefaultChanged = () => {
    if (!this.dataSource) this.defaultDataSourceChanged();
  };

  /** Called when the page-wide default changes while this element relies on it. */
  protected defaultDataSourceChanged(): void {
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener(DEFAULT_DATA_SOURCE_CHANGED, this.onDefaultChanged);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener(DEFAULT_DATA_SOURCE_CHANGED, this.onDefaultChanged);
  }
}
