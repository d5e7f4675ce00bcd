import { html, nothing, type TemplateResult } from 'lit';
import type { Campaign } from '../data/campaign-data-source.js';
import type { Messages } from '../i18n/messages.js';
import { describeError } from './error-message.js';

/** A state panel (loading, not yet available, empty, error…), announced as it appears. */
export function renderState(kind: string, content: TemplateResult, role: 'status' | 'alert' = 'status'): TemplateResult {
  return html`<div class="state ${kind}" part="state state-${kind}" role=${role}>${content}</div>`;
}

export function renderLoadingState(text: string): TemplateResult {
  return renderState('loading', html`<div class="spinner" aria-hidden="true"></div><span>${text}</span>`);
}

/** The error state of a load: the cause in the user's words, and a retry where one may help. */
export function renderErrorState(error: unknown, m: Messages, onRetry: () => void): TemplateResult {
  const { message, retryable } = describeError(error, m);
  return renderState(
    'error',
    html`<strong>${m.errorTitle}</strong><span>${message}</span>
      ${retryable ? html`<button class="button primary" part="retry-button" type="button" @click=${onRetry}>${m.retry}</button>` : nothing}`,
    'alert',
  );
}

/** The banner of a refresh that failed: the figures shown are the previous ones, and a retry. */
export function renderRefreshFailed(error: { message: string } | null, m: Messages, onRetry: () => void): TemplateResult | typeof nothing {
  if (!error) return nothing;
  return html`<p class="banner error" role="alert">
    <span>${m.refreshFailed} ${error.message}</span>
    <button class="button" part="button retry-button" type="button" @click=${onRetry}>${m.retry}</button>
  </p>`;
}

/**
 * The panel of a campaign whose statistics do not exist (the send-finished rule): "not yet"
 * while it may still be sent, "never" once it was cancelled; the reason under the title.
 */
export function renderNotAvailable(campaign: Campaign, m: Messages): TemplateResult {
  const status = campaign.status === 'finished' ? undefined : campaign.status;
  const title = status === 'cancelled' ? m.neverAvailable : m.notAvailable;
  return renderState('not-available', html`<strong>${title}</strong><span>${status ? m.notAvailableReason[status] : ''}</span>`);
}
