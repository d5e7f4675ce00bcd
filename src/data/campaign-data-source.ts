/**
 * The data-source contract every element talks to (DESIGN §3). Hosts plug in their own
 * implementation; the library ships `DemoDataSource` and `RestDataSource`.
 */

export type Channel = 'email' | 'sms';
export type CampaignStatus = 'draft' | 'scheduled' | 'sending' | 'finished' | 'cancelled';

export interface Campaign {
  id: string;
  channel: Channel;
  name: string;
  status: CampaignStatus;
  recipientCount: number;
  /** ISO 8601 */
  scheduledAt?: string;
  /** ISO 8601 */
  sendFinishedAt?: string;
  sarbacaneCampaignId?: string;
}

export type EmailDelivery = 'pending' | 'delivered' | 'soft_bounce' | 'hard_bounce' | 'blocked';
export type SmsDelivery = 'pending' | 'delivered' | 'undelivered' | 'failed' | 'rejected';

export interface EmailContactStats {
  contactId: string;
  firstName?: string;
  lastName?: string;
  email: string;
  delivery: EmailDelivery;
  opened: boolean;
  openCount: number;
  clickCount: number;
  spamReported: boolean;
  unsubscribed: boolean;
  lastActivityAt?: string;
  /** v2: the `linkId`s of the links this contact clicked (see `LinkStats`). */
  clickedLinks?: string[];
}

export interface SmsContactStats {
  contactId: string;
  firstName?: string;
  lastName?: string;
  phone: string;
  delivery: SmsDelivery;
  clickCount: number;
  /** STOP received. */
  unsubscribed: boolean;
  lastActivityAt?: string;
  /** v2: the `linkId`s of the links this contact clicked (see `LinkStats`). */
  clickedLinks?: string[];
}

export type ContactStats = EmailContactStats | SmsContactStats;

export interface StatsQuery {
  offset: number;
  limit: number;
  /** In priority order. Empty values (absent, null, '') come last in both directions, as the grid sorts in the browser. */
  sort?: { field: string; dir: 'asc' | 'desc' }[];
  /** v2: `{ field: 'clickedLinks', op: 'eq', value: linkId }` keeps the contacts who clicked that link. */
  filters?: { field: string; op: 'eq' | 'like' | 'gte' | 'lte'; value: string | number | boolean }[];
  search?: string;
}

export interface Options {
  signal?: AbortSignal;
}

export interface CampaignListQuery {
  channel?: Channel;
  search?: string;
  offset?: number;
  limit?: number;
}

export interface ContactStatsPage {
  rows: ContactStats[];
  total: number;
  /** ISO 8601 time the figures are from. */
  asOf: string;
}

export interface SarbacaneAccess {
  hasAccount: boolean;
  reportUrl?: string;
}

/** v2: one tracked link of the message. */
export interface LinkStats {
  linkId: string;
  url: string;
  label?: string;
  /** Every click on the link, repeated ones included. */
  clickCount: number;
  /** Contacts who clicked the link at least once. */
  clickers: number;
}

/** v2: the activity of `hours` hours from `start`: opens (email only) and clicks that happened in it. */
export interface ActivityBucket {
  /** ISO 8601 */
  start: string;
  hours: number;
  opens?: number;
  clicks: number;
}

/** v2: a campaign's figures at a glance: raw, per-contact figures, as the grid's rows count them. */
export interface StatsSummary {
  /** ISO 8601 time the figures are from. */
  asOf: string;
  recipients: number;
  /** Contacts per delivery status. */
  delivery: Partial<Record<EmailDelivery | SmsDelivery, number>>;
  /** Email only: contacts who opened at least once. */
  openers?: number;
  /** Contacts who clicked at least once. */
  clickers: number;
  /** SMS: STOP received. */
  unsubscribed: number;
  /** Email only. */
  spamReported?: number;
  links?: LinkStats[];
  /** Per hour over the first 48 hours after the send finished, then per day. */
  activity?: ActivityBucket[];
}

export interface CampaignDataSource {
  listCampaigns(q: CampaignListQuery, o?: Options): Promise<{ campaigns: Campaign[]; total: number }>;
  getCampaign(campaignId: string, o?: Options): Promise<Campaign>;
  getContactStats(campaignId: string, q: StatsQuery, o?: Options): Promise<ContactStatsPage>;
  getSarbacaneAccess(campaign: Campaign, o?: Options): Promise<SarbacaneAccess>;
  /**
   * v2, optional: the campaign's figures. Without it, `<campaign-stats-summary>` computes them
   * from the rows of a campaign small enough to load whole.
   */
  getStatsSummary?(campaignId: string, o?: Options): Promise<StatsSummary>;
}

export const CHANNELS: readonly Channel[] = ['email', 'sms'];
export const CAMPAIGN_STATUSES: readonly CampaignStatus[] = ['draft', 'scheduled', 'sending', 'finished', 'cancelled'];
export const EMAIL_DELIVERIES: readonly EmailDelivery[] = ['pending', 'delivered', 'soft_bounce', 'hard_bounce', 'blocked'];
export const SMS_DELIVERIES: readonly SmsDelivery[] = ['pending', 'delivered', 'undelivered', 'failed', 'rejected'];

/** The send-finished rule: statistics exist only once the send is finished. */
export function isSendFinished(campaign: Pick<Campaign, 'status'>): boolean {
  return campaign.status === 'finished';
}
