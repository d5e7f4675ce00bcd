import { fixture, html } from '@open-wc/testing';
import type { CampaignList } from '../../src/components/campaign-list/campaign-list.js';
import type { Campaign, CampaignStatus } from '../../src/data/campaign-data-source.js';
import type { TestDataSource } from './test-data-source.js';

type TaskLike = { taskComplete: Promise<unknown> };

const HOUR = 3_600_000;
const BASE = Date.UTC(2026, 10, 26, 20, 0);

/** Finished campaigns, newest first (as a data source returns them). */
export function finished(channel: 'email' | 'sms', count: number, prefix = channel): Campaign[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i + 1}`,
    channel,
    name: `${channel === 'email' ? 'E-mail' : 'SMS'} n° ${i + 1}`,
    status: 'finished' as const,
    recipientCount: 1000 * (i + 1) + 234,
    sendFinishedAt: new Date(BASE - i * 26 * HOUR).toISOString(),
    sarbacaneCampaignId: `sb-${prefix}-${i + 1}`,
  }));
}

export function unfinished(status: Exclude<CampaignStatus, 'finished'>): Campaign {
  return { id: `email-${status}`, channel: 'email', name: `Campagne ${status}`, status, recipientCount: 500 };
}

/** Waits for the list's load to settle (success or error) and the render after it. */
export async function settle(el: CampaignList): Promise<void> {
  await el.updateComplete;
  await (el as unknown as { listTask: TaskLike }).listTask.taskComplete.catch(() => undefined);
  await el.updateComplete;
}

export async function renderList(ds: TestDataSource, attrs: { channel?: string; pageSize?: string } = {}): Promise<CampaignList> {
  const el = await fixture<CampaignList>(
    html`<campaign-list channel=${attrs.channel ?? 'email'} page-size=${attrs.pageSize ?? '20'} .dataSource=${ds}></campaign-list>`,
  );
  await settle(el);
  return el;
}
