import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import {
  CAMPAIGN_STATUSES,
  isSendFinished,
  type Campaign,
  type CampaignDataSource,
  type CampaignStatus,
  type SarbacaneAccess,
} from '../../data/campaign-data-source.js';
import { DataSourceError } from '../../data/data-source-error.js';
import { validateCampaign, validateSarbacaneAccess } from '../../data/validate.js';
import { callWithTimeout } from '../../internal/abort.js';
import { CampaignStatsElement } from '../../internal/campaign-stats-element.js';
import { emit } from '../../internal/emit.js';
import { describeError } from '../../internal/error-message.js';
import { themeStyles } from '../../internal/theme.styles.js';
import { inTurn } from './access-queue.js';
import { checkReportUrl, DEFAULT_ALLOWED_HOSTS } from './report-url.js';
import { sarbacaneLinkStyles } from './sarbacane-link.styles.js';

export type * from './sarbacane-link.events.js';

type LinkState =
  | { kind: 'no-campaign' }
  | { kind: 'no-source' }
  | { kind: 'not-finished'; campaign: Campaign }
  | { kind: 'access'; campaign: Campaign; access: SarbacaneAccess };

/** The `campaign` property held something that is not a campaign. */
class InvalidCampaignError extends Error {
  override name = 'InvalidCampaignError';
}

/** What the element shows: an enabled link, or a disabled one and why. */
type View =
  | { enabled: true; campaign: Campaign; url: string }
  | { enabled: false; reason: string; tone: 'info' | 'error'; retryable?: boolean; busy?: boolean };

/**
 * A link to the global, formatted statistics of a campaign on Sarbacane. It is enabled only
 * when the campaign's send is finished, the data source says the user has a Sarbacane account
 * and the report address is an `https:` address on Sarbacane (or on a host the page allows);
 * otherwise it stays visible, disabled, with the reason written under it.
 *
 * The campaign is given by `campaign-id` (fetched with `getCampaign`) or, to avoid that call,
 * by the `campaign` property; when both are set and their ids differ, `campaign-id` wins.
 * `getSarbacaneAccess` is never called before the send is finished.
 *
 * The report opens in a new tab (`rel="noopener noreferrer"`), after a cancelable
 * `sarbacane-navigate` event (clicks, Enter and middle clicks).
 *
 * @tag sarbacane-link
 * @summary Opens a finished campaign's global statistics on Sarbacane, or says why it cannot.
 *
 * @slot - The label of the link (default "Statistiques globales sur Sarbacane").
 *
 * @fires sarbacane-navigate - Cancelable; before the report opens. Detail: `{campaign, url}`. Cancelling it keeps the page where it is.
 *
 * @csspart base - The wrapper of the link and its texts.
 * @csspart link - The link (an `<a>`; with `aria-disabled="true"` and no `href` while disabled).
 * @csspart icon - The "opens elsewhere" arrow in the link.
 * @csspart reason - Why the link is disabled (send not finished, no account, not on Sarbacane, unsafe address, loading, error).
 * @csspart retry-button - The retry button shown after an error.
 *
 * @cssprop --sarbacane-link-background - Background of the enabled link (default: the primary colour).
 * @cssprop --sarbacane-link-color - Text colour of the enabled link (default: the primary contrast colour).
 * @cssprop --campaign-stats-color-primary - Accent colour.
 * @cssprop --campaign-stats-color-primary-contrast - Text on the accent colour.
 * @cssprop --campaign-stats-color-text - Text colour.
 * @cssprop --campaign-stats-color-muted - Secondary text (the reason a link is disabled).
 * @cssprop --campaign-stats-color-surface - Background.
 * @cssprop --campaign-stats-color-surface-alt - Background of the disabled link.
 * @cssprop --campaign-stats-color-border - Border of the disabled link.
 * @cssprop --campaign-stats-color-control-border - Boundary of the retry button (keep 3:1 or more against the surface).
 * @cssprop --campaign-stats-color-focus - Focus ring.
 * @cssprop --campaign-stats-color-danger - Error text.
 * @cssprop --campaign-stats-font-family - Font.
 * @cssprop --campaign-stats-font-size - Base font size (default 0.875rem: it follows the reader's default font size).
 * @cssprop --campaign-stats-radius - Corner radius.
 * @cssprop --campaign-stats-spacing - Base spacing unit.
 */
export class SarbacaneLink extends CampaignStatsElement {
  static override styles = [themeStyles, sarbacaneLinkStyles];

  /** The campaign whose report is linked; fetched with `getCampaign` unless `campaign` is given. */
  @property({ attribute: 'campaign-id', reflect: true }) campaignId = '';

  /** The campaign itself, when the page already has it (saves a `getCampaign` call). */
  @property({ attribute: false }) campaign: Campaign | undefined;

  /**
   * Extra hosts the report may be on, space-separated (`sarbacane.com` and its subdomains are
   * always allowed; each host given allows its subdomains too). A wildcard (`*.example.com`) or
   * a public suffix (`co.uk`, `github.io`: anybody's site is under it) is ignored, with a
   * console warning.
   */
  @property({ attribute: 'allowed-hosts' }) allowedHosts = '';

  /** Milliseconds a data-source call may take before it counts as failed. */
  @property({ attribute: false }) requestTimeout = 30_000;

  /**
   * The hosts in effect; `undefined` while extra ones are checked against the public suffix
   * list (loaded then), so that no address is linked on a list not yet checked.
   */
  private hosts: readonly string[] | undefined = DEFAULT_ALLOWED_HOSTS;
  /** Settles when `hosts` is known again; `updateComplete` waits for it. */
  private hostsReady: Promise<void> = Promise.resolve();

  private readonly accessTask = new Task(this, {
    args: () => [this.campaignId, this.campaign, this.source, this.requestTimeout] as const,
    task: ([campaignId, campaign, source, timeout], { signal }) => this.load(campaignId, campaign, source, timeout, signal),
  });

  /** The given `campaign` object applies unless `campaign-id` names another campaign. */
  private givenCampaign(campaignId: string, campaign: Campaign | undefined): Campaign | undefined {
    if (!campaign) return undefined;
    return !campaignId || (campaign as Partial<Campaign>)?.id === campaignId ? campaign : undefined;
  }

  private async load(
    campaignId: string,
    given: Campaign | undefined,
    source: CampaignDataSource | undefined,
    timeout: number,
    signal: AbortSignal,
  ): Promise<LinkState> {
    let campaign: Campaign;
    const own = this.givenCampaign(campaignId, given);
    if (own) {
      try {
        campaign = validateCampaign(own);
      } catch (error) {
        throw new InvalidCampaignError((error as Error).message);
      }
    } else if (campaignId) {
      if (!source) return { kind: 'no-source' };
      campaign = validateCampaign(await callWithTimeout((s) => source.getCampaign(campaignId, { signal: s }), timeout, signal));
      if (campaign.id !== campaignId) {
        throw new DataSourceError('invalid-response', `Asked for campaign "${campaignId}", got "${campaign.id}".`);
      }
    } else {
      return { kind: 'no-campaign' };
    }
    // The send-finished rule: Sarbacane is not even asked before the send is finished.
    if (!isSendFinished(campaign)) return { kind: 'not-finished', campaign };
    if (!source) return { kind: 'no-source' };
    const access = validateSarbacaneAccess(
      await inTurn(source, signal, () => callWithTimeout((s) => source.getSarbacaneAccess(campaign, { signal: s }), timeout, signal)),
    );
    return { kind: 'access', campaign, access };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('allowedHosts')) return;
    const value = this.allowedHosts ?? '';
    if (value.trim() === '') {
      this.hosts = DEFAULT_ALLOWED_HOSTS;
      this.hostsReady = Promise.resolve();
      return;
    }
    // Read and checked by a module loaded on demand (with the public suffix list).
    this.hosts = undefined;
    this.hostsReady = import('./allowed-hosts.js')
      .then(({ resolveAllowedHosts }) => resolveAllowedHosts(value))
      .then(
        ({ hosts, warnings }) => {
          if (this.allowedHosts !== value) return;
          for (const [key, text] of warnings) this.warnOnce(key, text);
          this.hosts = hosts;
        },
        (error: unknown) => {
          if (this.allowedHosts !== value) return;
          this.warnOnce('allowed-hosts', `allowed-hosts could not be checked (${String(error)}); only ${DEFAULT_ALLOWED_HOSTS.join(', ')} is allowed.`);
          this.hosts = DEFAULT_ALLOWED_HOSTS;
        },
      )
      .finally(() => this.requestUpdate());
  }

  /** Also waits for extra allowed hosts to be checked, and the render after. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await this.hostsReady;
    return (await super.getUpdateComplete()) && done;
  }

  /** Whether the link is currently enabled (a checked report address is linked). */
  get enabled(): boolean {
    return this.view().enabled;
  }

  private view(): View {
    const m = this.localize.messages;
    // A given campaign whose send is not finished needs no round trip: say why at once.
    const own = this.givenCampaign(this.campaignId, this.campaign);
    const ownStatus = (own as Partial<Campaign> | undefined)?.status;
    if (ownStatus && ownStatus !== 'finished' && CAMPAIGN_STATUSES.includes(ownStatus)) {
      return { enabled: false, tone: 'info', reason: m.link.notFinished[ownStatus as Exclude<CampaignStatus, 'finished'>] };
    }
    switch (this.accessTask.status) {
      case TaskStatus.ERROR: {
        const error = this.accessTask.error;
        if (error instanceof InvalidCampaignError) return { enabled: false, tone: 'error', reason: m.errors['invalid-campaign'] };
        const { message, retryable } = describeError(error, m);
        return { enabled: false, tone: 'error', reason: `${m.link.error} ${message}`, retryable };
      }
      case TaskStatus.COMPLETE:
        break;
      default:
        return { enabled: false, tone: 'info', reason: m.link.checking, busy: true };
    }
    const state = this.accessTask.value!;
    switch (state.kind) {
      case 'no-campaign':
        return { enabled: false, tone: 'info', reason: m.link.noCampaign };
      case 'no-source':
        return { enabled: false, tone: 'error', reason: m.noDataSource };
      case 'not-finished':
        return { enabled: false, tone: 'info', reason: m.link.notFinished[state.campaign.status as Exclude<CampaignStatus, 'finished'>] };
      case 'access': {
        if (!state.access.hasAccount) return { enabled: false, tone: 'info', reason: m.link.noAccount };
        if (state.access.reportUrl === undefined || state.access.reportUrl.trim() === '') {
          return { enabled: false, tone: 'info', reason: m.link.noReport };
        }
        const hosts = this.hosts;
        if (!hosts) return { enabled: false, tone: 'info', reason: m.link.checking, busy: true };
        const check = checkReportUrl(state.access.reportUrl, hosts);
        if (!check.ok) {
          this.warnOnce(`url:${check.reason}:${state.access.reportUrl}`, `the report address was refused (${check.reason}): only https: addresses on ${hosts.join(', ')} (or their subdomains), without user info or port, are linked.`);
          return { enabled: false, tone: 'error', reason: m.link.unsafeUrl };
        }
        return { enabled: true, campaign: state.campaign, url: check.url };
      }
    }
  }

  private onNavigate(event: MouseEvent, campaign: Campaign, url: string): void {
    // Only the primary click (Enter too) and the middle click open the report.
    if (event.type === 'auxclick' && event.button !== 1) return;
    if (event.defaultPrevented) return;
    if (!emit(this, 'sarbacane-navigate', { campaign, url }, { cancelable: true })) event.preventDefault();
  }

  private retry(): void {
    void this.accessTask.run();
  }

  override render(): TemplateResult {
    const m = this.localize.messages;
    const view = this.view();
    const icon = html`<span class="icon" part="icon" aria-hidden="true">↗</span>`;
    if (view.enabled) {
      return html`<div class="base" part="base">
        <a
          class="button link"
          part="link"
          href=${view.url}
          target="_blank"
          rel="noopener noreferrer"
          @click=${(e: MouseEvent) => this.onNavigate(e, view.campaign, view.url)}
          @auxclick=${(e: MouseEvent) => this.onNavigate(e, view.campaign, view.url)}
          ><slot>${m.link.label}</slot>${icon}<span class="visually-hidden">${m.link.newTab}</span></a
        >
      </div>`;
    }
    // Disabled, the control stays an `<a role="link">` with aria-disabled="true" and tabindex="0"
    // rather than a disabled <button>: a disabled button leaves the tab order, so a keyboard or
    // screen-reader user would never reach it nor hear why it is unavailable. Here Tab reaches
    // it and a screen reader says "Statistiques globales sur Sarbacane, lien, indisponible"
    // followed by the reason (aria-describedby), which is also written under it. The role stays
    // "link" in both states, so the control does not change nature when it becomes available.
    // Without href it cannot navigate.
    return html`<div class="base" part="base" aria-busy=${view.busy ? 'true' : 'false'}>
      <a class="button link" part="link" role="link" aria-disabled="true" tabindex="0" aria-describedby="reason"
        ><slot>${m.link.label}</slot>${icon}</a
      >
      <div class="error-row">
        <p id="reason" class="reason ${view.tone}" part="reason">${view.reason}</p>
        ${view.retryable
          ? html`<button class="button retry" part="retry-button" type="button" @click=${this.retry}>${m.retry}</button>`
          : nothing}
      </div>
    </div>`;
  }
}
