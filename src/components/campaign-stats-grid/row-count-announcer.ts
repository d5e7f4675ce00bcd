import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long the count waits for the typing in a filter or the search to pause. */
const SETTLE_MS = 1000;

/**
 * Says the table's row count politely: when a campaign's rows are first shown (the end of the
 * load), and when a filter or the search changes it, once the changes pause, so that each key
 * typed in a filter is not a new announcement.
 */
export class RowCountAnnouncer implements ReactiveController {
  private readonly say: (text: string) => void;
  private said: { campaignId: string; count: number } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, say: (text: string) => void) {
    this.say = say;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.said = undefined;
  }

  /** The count shown now (null while none is settled) and its words, after each update of the grid. */
  shows(campaignId: string | undefined, count: number | null, text: () => string): void {
    if (campaignId === undefined || count === null) return;
    if (this.said?.campaignId !== campaignId) {
      clearTimeout(this.timer);
      this.said = { campaignId, count };
      this.say(text());
      return;
    }
    if (count === this.said.count) return;
    this.said = { campaignId, count };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.say(text()), SETTLE_MS);
  }
}
