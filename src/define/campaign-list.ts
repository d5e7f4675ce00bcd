import { CampaignList } from '../components/campaign-list/campaign-list.js';
import { defineElement } from '../internal/define.js';
// Each row holds a <sarbacane-link>: the list defines it too.
import './sarbacane-link.js';

defineElement('campaign-list', CampaignList);

declare global {
  interface HTMLElementTagNameMap {
    'campaign-list': CampaignList;
  }
}
