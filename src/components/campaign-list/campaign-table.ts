import { html, nothing, type TemplateResult } from 'lit';
import { isSendFinished, type Campaign, type CampaignDataSource, type CampaignStatus, type Channel } from '../../data/campaign-data-source.js';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import type { MessageOverrides } from '../../i18n/messages.js';

/** What the table of campaigns needs from its `<campaign-list>`. */
export interface CampaignTableContext {
  localize: LocalizeController;
  channel: Channel;
  campaigns: readonly Campaign[];
  pending: boolean;
  /** The campaign whose per-contact statistics were last opened. */
  currentId: string;
  dataSource: CampaignDataSource | undefined;
  strings: MessageOverrides | undefined;
  requestTimeout: number;
  sarbacaneAllowedHosts: string;
  openStats: (campaign: Campaign) => void;
  onFocusIn: (event: FocusEvent) => void;
}

/**
 * The campaigns as a table; in a narrow container the styles lay each row out as a card. The
 * roles are explicit because a table element whose `display` changes loses its table role in
 * Chromium, and screen readers would lose the column headers that name each value.
 */
export function renderCampaignTable(ctx: CampaignTableContext): TemplateResult {
  const m = ctx.localize.messages;
  return html`<div class="table-wrap ${ctx.pending ? 'pending' : ''}" @focusin=${ctx.onFocusIn}>
    <table class="table" part="table" role="table" aria-busy=${ctx.pending ? 'true' : 'false'}>
      <caption class="visually-hidden">${m.list.caption[ctx.channel]}</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th role="columnheader" scope="col">${m.list.columnName}</th>
          <th role="columnheader" scope="col">${m.list.columnStatus}</th>
          <th role="columnheader" scope="col">${m.list.columnSendFinishedAt}</th>
          <th role="columnheader" scope="col" class="number">${m.list.columnRecipients}</th>
          <th role="columnheader" scope="col">${m.list.columnActions}</th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        ${ctx.campaigns.map((campaign, index) => renderRow(ctx, campaign, index))}
      </tbody>
    </table>
  </div>`;
}

function renderRow(ctx: CampaignTableContext, campaign: Campaign, index: number): TemplateResult {
  const { localize } = ctx;
  const m = localize.messages;
  const finished = isSendFinished(campaign);
  const status = campaign.status;
  const reasonId = `reason-${index}`;
  const current = campaign.id === ctx.currentId;
  const finishedAt = finished && campaign.sendFinishedAt ? new Date(campaign.sendFinishedAt) : undefined;
  // The campaign's name, said (not shown) after each action's label, so that a screen reader
  // listing the buttons or links of the page tells them apart.
  const forCampaign = html`<span class="visually-hidden">, ${campaign.name}</span>`;
  // data-label: the column's name, shown before the value in a card (where the header row is
  // hidden) and not said (the column header already names the cell).
  return html`<tr
    role="row"
    class=${current ? 'current' : ''}
    part=${current ? 'row row-current' : 'row'}
    aria-current=${current ? 'true' : nothing}
  >
    <th role="rowheader" scope="row" class="name" part="name">${campaign.name}</th>
    <td role="cell" class="status"><span class="badge badge-${status}" part="badge badge-${status}">${m.status[status]}</span></td>
    <td role="cell" class="date" part="date" data-label=${m.list.columnSendFinishedAt}>
      ${finishedAt
        ? html`<time datetime=${campaign.sendFinishedAt!}>${localize.dateTime(finishedAt)}</time>`
        : html`<span aria-hidden="true">—</span><span class="visually-hidden">${m.list.noSendFinishedDate}</span>`}
    </td>
    <td role="cell" class="number" part="recipients" data-label=${m.list.columnRecipients}>${localize.number(campaign.recipientCount)}</td>
    <td role="cell" class="actions-cell">
      <div class="actions" part="actions">
        <!-- Disabled, the button keeps its place in the tab order (aria-disabled, not disabled),
             so a keyboard or screen-reader user reaches it and hears why (aria-describedby). -->
        <button
          class="button primary stats-button"
          part="button stats-button"
          type="button"
          aria-disabled=${finished ? nothing : 'true'}
          aria-describedby=${finished ? nothing : reasonId}
          @click=${() => ctx.openStats(campaign)}
        >
          ${m.list.openStats}${forCampaign}
        </button>
        <sarbacane-link
          class=${finished ? '' : 'not-finished'}
          part="sarbacane-link"
          .campaign=${campaign}
          .dataSource=${ctx.dataSource}
          .strings=${ctx.strings}
          .requestTimeout=${ctx.requestTimeout}
          allowed-hosts=${ctx.sarbacaneAllowedHosts}
          >${m.link.label}${forCampaign}</sarbacane-link
        >
      </div>
      ${finished ? nothing : html`<p id=${reasonId} class="reason" part="reason">${m.list.unavailable[status as Exclude<CampaignStatus, 'finished'>]}</p>`}
    </td>
  </tr>`;
}
