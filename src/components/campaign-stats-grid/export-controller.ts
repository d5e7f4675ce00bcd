import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import type { Campaign } from '../../data/campaign-data-source.js';
import { buildExportFile, saveFile, type ExportFormat, type RowSource, type WorkbookMeta } from '../../export/excel-export.js';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import { isAbortError } from '../../internal/abort.js';
import { emit } from '../../internal/emit.js';
import { describeError, toError } from '../../internal/error-message.js';
import type { ExportThread } from './campaign-stats-grid.events.js';

/** What `exportExcel()` and `exportCsv()` resolve with. */
export interface ExportResult {
  blob: Blob;
  fileName: string;
  rowCount: number;
  /** Where the file was written: in the export worker, or on the main thread where none could start. */
  thread: ExportThread;
}

/** One export, as the grid asks for it: what to write, and where from. */
export interface ExportRequest {
  format: ExportFormat;
  campaign: Campaign;
  fileName: string;
  rows: RowSource;
  /** The workbook's description; may wait (for the summary of the "Synthèse" sheet), after the progress is shown. */
  meta: () => Promise<WorkbookMeta>;
  download: boolean;
  workerUrl: string | undefined;
}

export interface ExportControllerOptions {
  /** What the failed export's retry button does (the same export again). */
  retry: (format: ExportFormat) => void;
  /** Where the focus goes when the control that had it goes away (the cancel button of an export that ended). */
  focusFallback: () => HTMLElement | null;
}

/** `said`: announced only (a count, a column's width), the rest is shown too. */
/** `retryable`: whether exporting again can help (not for an export too large for any file). */
type Status = { kind: 'progress' | 'done' | 'warning' | 'said'; text: string } | { kind: 'error'; text: string; format: ExportFormat; retryable: boolean };

/**
 * A grid's exports: the cancelable `campaign-stats-export` event, then the file written off
 * the main thread with its progress bar, time estimate and cancel button, saved, and
 * `campaign-stats-exported` (or `campaign-stats-error`); the polite status line that says what
 * happened, which the grid also uses for its other announcements. The grid renders that line
 * in every state, so that it is a live region before anything is said in it.
 */
export class ExportController implements ReactiveController {
  private readonly host: ReactiveElement;
  private readonly localize: LocalizeController;
  private status: Status | null = null;
  private progress: { written: number; total: number; startedAt: number } | null = null;
  private abort: AbortController | undefined;
  /** Counts `reset()`s: an export of an earlier count belongs to another campaign, and says nothing any more. */
  private campaignRun = 0;
  private readonly options: ExportControllerOptions;

  constructor(host: ReactiveElement, localize: LocalizeController, options: ExportControllerOptions) {
    this.host = host;
    this.localize = localize;
    this.options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    // A grid moved to another parent is connected again before this runs: its export goes on.
    queueMicrotask(() => {
      if (!this.host.isConnected) this.abort?.abort();
    });
  }

  get running(): boolean {
    return this.abort !== undefined;
  }

  /** Says `text` in the status line (announced politely), and shows it. */
  announce(text: string): void {
    this.set({ kind: 'done', text }, this.progress);
  }

  /** Says `text` in the status line for screen readers only: what the user sees already (a count). */
  say(text: string): void {
    // A running export's progress keeps its line; what it will say matters more.
    if (this.status?.kind === 'progress' || this.status?.kind === 'error') return;
    this.set({ kind: 'said', text }, this.progress);
  }

  /** Another campaign: a running export stops, and nothing of it is said any more, not even its end. */
  reset(): void {
    this.campaignRun++;
    this.abort?.abort();
    this.abort = undefined;
    this.set(null, null);
  }

  /** Stops the running export: nothing is saved, and its `run()` rejects with an `AbortError`. */
  cancel(): void {
    this.abort?.abort();
  }

  /** Runs `request`; rejects with an `AbortError` when a `campaign-stats-export` listener or `cancel()` stops it. */
  async run(request: ExportRequest): Promise<ExportResult> {
    if (this.running) throw new DOMException('An export is already running.', 'InvalidStateError');
    const m = this.localize.messages;
    const { rows, fileName, format } = request;
    const detail = { campaign: request.campaign, fileName, rowCount: rows.totalRows, format };
    if (!emit(this.host, 'campaign-stats-export', detail, { cancelable: true })) {
      throw new DOMException('The export was cancelled by a campaign-stats-export listener.', 'AbortError');
    }
    const abort = new AbortController();
    this.abort = abort;
    const campaignRun = this.campaignRun;
    /** Whether this export is still the grid's (no other campaign since it started). */
    const current = () => this.campaignRun === campaignRun;
    this.set({ kind: 'progress', text: m.exporting(rows.totalRows, this.localize.number(rows.totalRows)) }, { written: 0, total: rows.totalRows, startedAt: performance.now() });
    try {
      // Let the progress message paint before the file is written.
      await this.host.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 0));
      const file = await buildExportFile(format, await request.meta(), rows, {
        signal: abort.signal,
        workerUrl: request.workerUrl,
        onProgress: ({ rowsWritten, totalRows }) => {
          if (current() && this.progress) this.set(this.status, { ...this.progress, written: rowsWritten, total: totalRows });
        },
      });
      // An engine that finished all the same once stopped: no file saved, nothing said.
      abort.signal.throwIfAborted();
      if (request.download) saveFile(file.blob, fileName);
      this.set(
        file.truncatedCells
          ? { kind: 'warning', text: `${m.exported(fileName)} ${m.exportCellTruncated(file.truncatedCells, this.localize.number(file.truncatedCells))}` }
          : { kind: 'done', text: m.exported(fileName) },
        null,
      );
      emit(this.host, 'campaign-stats-exported', { ...detail, byteLength: file.blob.size, thread: file.thread });
      return { blob: file.blob, fileName, rowCount: rows.totalRows, thread: file.thread };
    } catch (error) {
      // Stopped by another campaign, it says nothing: the user moved on.
      if (current() && abort.signal.aborted && isAbortError(error)) {
        this.set({ kind: 'warning', text: m.exportCancelled }, null);
      } else if (current()) {
        // What the user can act on: a data source's failure in its words; anything else is unexpected.
        const { message, retryable } = describeError(error, m);
        this.set({ kind: 'error', text: m.exportFailedBecause(message), format, retryable }, null);
        emit(this.host, 'campaign-stats-error', { error: toError(error), operation: 'export' });
      }
      throw error;
    } finally {
      if (current()) {
        const focused = (this.host.renderRoot as ShadowRoot).activeElement?.closest('[part~="export-progress"]');
        this.abort = undefined;
        this.set(this.status, null);
        if (focused) void this.host.updateComplete.then(() => this.options.focusFallback()?.focus());
      }
    }
  }

  private set(status: Status | null, progress: typeof this.progress): void {
    this.status = status;
    this.progress = progress;
    this.host.requestUpdate();
  }

  renderProgress(): TemplateResult | typeof nothing {
    const progress = this.progress;
    if (!progress) return nothing;
    const m = this.localize.messages;
    const elapsed = (performance.now() - progress.startedAt) / 1000;
    // An estimate only once there is something to extrapolate from.
    const remaining =
      progress.written > 0 && elapsed > 0.5 ? Math.max(1, Math.round((elapsed / progress.written) * (progress.total - progress.written))) : undefined;
    return html`<div class="export-progress" part="export-progress">
      <progress part="progress-bar" max=${Math.max(1, progress.total)} .value=${progress.written} aria-label=${m.exportProgressLabel}></progress>
      <span class="export-progress-text">${m.exportProgress(this.localize.number(progress.written), this.localize.number(progress.total), progress.total, remaining)}</span>
      <button class="button" part="button cancel-export-button" type="button" @click=${() => this.cancel()}>${m.cancelExport}</button>
    </div>`;
  }

  /**
   * The polite status line (progress, done, cancelled, a truncation warning), and a failure as
   * an alert with its cause and a retry.
   */
  renderStatus(): TemplateResult {
    const status = this.status;
    const failed = status?.kind === 'error' ? status : undefined;
    // A warning (cells cut to Excel's limit, a cancelled export) looks like one, not like a success.
    const look = status?.kind === 'warning' ? 'banner warning' : (status?.kind ?? '');
    const text = !status || failed ? '' : status.kind === 'said' ? html`<span class="visually-hidden">${status.text}</span>` : status.text;
    return html`<p class="status ${failed ? '' : look}" part="status" role="status">${text}</p>
      ${failed
        ? html`<div class="banner error" part="export-error" role="alert">
            <span>${failed.text}</span>
            ${failed.retryable
              ? html`<button class="button" part="button retry-export-button" type="button" @click=${() => this.options.retry(failed.format)}>
                  ${this.localize.messages.retryExport}
                </button>`
              : nothing}
          </div>`
        : nothing}`;
  }
}
