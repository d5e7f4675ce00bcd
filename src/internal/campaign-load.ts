import type { Campaign, CampaignDataSource } from '../data/campaign-data-source.js';
import { DataSourceError } from '../data/data-source-error.js';
import { validateCampaign } from '../data/validate.js';
import { callWithTimeout } from './abort.js';
import { toError } from './error-message.js';

/** The data-source operations a statistics element reports in `campaign-stats-error`. */
export type LoadOperation = 'getCampaign' | 'getContactStats' | 'getStatsSummary';

/** Thrown inside a load to remember which data-source operation failed. */
export class OperationError<Operation extends string = LoadOperation> extends Error {
  constructor(
    readonly operation: Operation,
    override readonly cause: unknown,
  ) {
    super(toError(cause).message);
  }
}

/** What failed, whether or not it was wrapped in an `OperationError`. */
export function failureCause(error: unknown): unknown {
  return error instanceof OperationError ? error.cause : error;
}

/**
 * The campaign `campaignId`, validated: the first step of every statistics load, which the
 * send-finished rule is then decided on. Rejects with an `OperationError('getCampaign')`.
 */
export async function loadCampaign(source: CampaignDataSource, campaignId: string, timeout: number, signal: AbortSignal): Promise<Campaign> {
  let campaign: Campaign;
  try {
    campaign = validateCampaign(await callWithTimeout((s) => source.getCampaign(campaignId, { signal: s }), timeout, signal));
  } catch (error) {
    throw new OperationError('getCampaign', error);
  }
  if (campaign.id !== campaignId) {
    throw new OperationError('getCampaign', new DataSourceError('invalid-response', `Asked for campaign "${campaignId}", got "${campaign.id}".`));
  }
  return campaign;
}
