import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { timerDelay } from './timer-delay.js';

/** How often a tick that the user's work held back checks whether they are done. */
const RETRY_MS = 500;

/**
 * Calls `tick` every `seconds` while the host is connected and the page is visible: a
 * hidden tab does not poll the server. While `busy()` says the user is in the middle of
 * something (a menu open, a key held, an export), a due tick waits until they are done.
 */
export class IntervalController implements ReactiveController {
  private readonly tick: () => void;
  private readonly busy: () => boolean;
  private timer: ReturnType<typeof setInterval> | undefined;
  private waiting: ReturnType<typeof setTimeout> | undefined;
  private seconds = 0;
  private connected = false;

  constructor(host: ReactiveControllerHost, tick: () => void, busy: () => boolean = () => false) {
    this.tick = tick;
    this.busy = busy;
    host.addController(this);
  }

  set(seconds: number): void {
    if (seconds === this.seconds) return;
    this.seconds = seconds;
    this.restart();
  }

  hostConnected(): void {
    this.connected = true;
    this.restart();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.restart();
  }

  private restart(): void {
    clearInterval(this.timer);
    clearTimeout(this.waiting);
    this.timer = undefined;
    this.waiting = undefined;
    if (this.connected && this.seconds > 0) {
      // A tick waiting for the user already stands for this one.
      this.timer = setInterval(() => this.waiting === undefined && this.due(), timerDelay(this.seconds * 1000));
    }
  }

  private due(): void {
    this.waiting = undefined;
    if (document.visibilityState === 'hidden') return;
    if (!this.busy()) {
      this.tick();
      return;
    }
    this.waiting = setTimeout(() => this.due(), RETRY_MS);
  }
}
