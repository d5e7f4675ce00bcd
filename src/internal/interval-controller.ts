import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { timerDelay } from './timer-delay.js';

/**
 * Calls `tick` every `seconds` while the host is connected and the page is visible: a
 * hidden tab does not poll the server.
 */
export class IntervalController implements ReactiveController {
  private readonly tick: () => void;
  private timer: ReturnType<typeof setInterval> | undefined;
  private seconds = 0;
  private connected = false;

  constructor(host: ReactiveControllerHost, tick: () => void) {
    this.tick = tick;
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
    this.timer = undefined;
    if (this.connected && this.seconds > 0) {
      this.timer = setInterval(() => {
        if (document.visibilityState !== 'hidden') this.tick();
      }, timerDelay(this.seconds * 1000));
    }
  }
}
