import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** After the last key or pointer event, the user is taken to be still at it for this long (typing a search, a filter). */
const QUIET_MS = 1500;

/**
 * Whether the user is in the middle of something inside the host: a key held or typed in the
 * last moments, a pointer button down (a column being widened, a text being selected). An
 * automatic refresh waits until they are done (see `IntervalController`).
 */
export class UserActivityController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly keysDown = new Set<string>();
  private pointersDown = 0;
  private lastInput = -Infinity;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    host.addController(this);
  }

  /** Whether the user is busy in the host now. */
  get busy(): boolean {
    return this.keysDown.size > 0 || this.pointersDown > 0 || performance.now() - this.lastInput < QUIET_MS;
  }

  hostConnected(): void {
    // Captured on the host: events inside its shadow root reach it retargeted, a table's own handlers stopping them or not.
    this.host.addEventListener('keydown', this.onKeyDown, true);
    this.host.addEventListener('pointerdown', this.onPointerDown, true);
    // On the window: a key or a button let go outside the host (the focus moved, a drag ended elsewhere).
    window.addEventListener('keyup', this.onKeyUp, true);
    window.addEventListener('pointerup', this.onPointerUp, true);
    window.addEventListener('pointercancel', this.onPointerUp, true);
    window.addEventListener('blur', this.reset);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKeyDown, true);
    this.host.removeEventListener('pointerdown', this.onPointerDown, true);
    window.removeEventListener('keyup', this.onKeyUp, true);
    window.removeEventListener('pointerup', this.onPointerUp, true);
    window.removeEventListener('pointercancel', this.onPointerUp, true);
    window.removeEventListener('blur', this.reset);
    this.reset();
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    this.keysDown.add(event.code || event.key);
    this.lastInput = performance.now();
  };

  private readonly onKeyUp = (event: KeyboardEvent): void => {
    if (this.keysDown.delete(event.code || event.key)) this.lastInput = performance.now();
  };

  private readonly onPointerDown = (): void => {
    this.pointersDown++;
    this.lastInput = performance.now();
  };

  private readonly onPointerUp = (): void => {
    if (this.pointersDown === 0) return;
    this.pointersDown--;
    this.lastInput = performance.now();
  };

  /** A window that loses the focus sends no keyup for the keys held. */
  private readonly reset = (): void => {
    this.keysDown.clear();
    this.pointersDown = 0;
  };
}
