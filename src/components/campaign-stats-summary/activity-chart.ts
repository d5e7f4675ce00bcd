import { html, nothing, svg, type TemplateResult } from 'lit';
import { parseIsoDate } from '../../internal/iso-date.js';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import type { Channel } from '../../data/campaign-data-source.js';
import type { SummaryData } from '../../internal/summary-figures.js';
import { HOURLY_BUCKETS } from '../../data/activity-buckets.js';

/**
 * The activity over time: one bar chart per kind of bucket (hours, then days), each with a
 * text alternative (totals and the busiest period), and the same data as a table behind a
 * disclosure button. Bars are SVG attributes, not inline styles: a strict CSP allows them.
 */

type SeriesKey = 'opens' | 'clicks' | 'lastActivity';

interface Bucket {
  start: number;
  end: number;
  values: number[];
}

/** Consecutive buckets of the same length: the hours, then the days. */
interface BucketGroup {
  hours: number;
  buckets: Bucket[];
}

const BAR = 8;
const GAP = 3;
const HEIGHT = 100;

function seriesOf(summary: SummaryData, channel: Channel): SeriesKey[] {
  if (summary.activityMeasure === 'last-activity') return ['lastActivity'];
  return channel === 'email' ? ['opens', 'clicks'] : ['clicks'];
}

function groups(summary: SummaryData, series: SeriesKey[]): BucketGroup[] {
  const result: BucketGroup[] = [];
  for (const bucket of summary.activity ?? []) {
    const start = parseIsoDate(bucket.start)!;
    const values = series.map((key) => (key === 'opens' ? (bucket.opens ?? 0) : bucket.clicks));
    let group = result.at(-1);
    if (group?.hours !== bucket.hours) result.push((group = { hours: bucket.hours, buckets: [] }));
    group.buckets.push({ start, end: start + bucket.hours * 3_600_000, values });
  }
  return result;
}

function period(localize: LocalizeController, bucket: Bucket, hours: number): string {
  const start = new Date(bucket.start);
  const end = new Date(bucket.end);
  return hours < 24 ? `${localize.dateTime(start)}–${localize.time(end)}` : `${localize.dateTime(start)} – ${localize.dateTime(end)}`;
}

function chartAlt(localize: LocalizeController, group: BucketGroup, labels: string[]): string {
  const t = localize.messages.summary;
  const totals = labels.map((label, s) => t.seriesTotal(label, localize.number(group.buckets.reduce((sum, b) => sum + b.values[s]!, 0)))).join(', ');
  // The busiest period of the last series (clicks, or the only one).
  const s = labels.length - 1;
  const peak = group.buckets.reduce<Bucket | undefined>((best, b) => (b.values[s]! > (best?.values[s] ?? 0) ? b : best), undefined);
  return t.chartAlt(totals, peak && t.peak(period(localize, peak, group.hours), localize.number(peak.values[s]!), labels[s]!));
}

/**
 * One chart. Its width is in proportion to its buckets (48 hours fill the width), so that the
 * bars of the hours and of the days are alike.
 */
function renderChart(localize: LocalizeController, group: BucketGroup, series: SeriesKey[], labels: string[], caption: string): TemplateResult {
  const max = Math.max(1, ...group.buckets.flatMap((b) => b.values));
  const step = series.length * BAR + GAP;
  const width = Math.max(step, group.buckets.length * step);
  const share = Math.min(100, (100 * group.buckets.length) / HOURLY_BUCKETS);
  const first = group.buckets[0]!;
  const last = group.buckets.at(-1)!;
  // An empty frame says nothing: a period without any activity says so in words.
  if (group.buckets.every((bucket) => bucket.values.every((value) => value === 0))) {
    return html`<figure class="chart" part="chart">
      <figcaption class="chart-caption">${caption}</figcaption>
      <p class="note">${localize.messages.summary.noActivityInPeriod}</p>
    </figure>`;
  }
  return html`<figure class="chart" part="chart">
    <figcaption class="chart-caption">${caption}</figcaption>
    <div class="chart-frame">
      <span class="chart-max" aria-hidden="true">${localize.number(max)}</span>
      <svg class="bars" width="${share}%" viewBox="0 0 ${width} ${HEIGHT}" preserveAspectRatio="none" role="img" aria-label=${chartAlt(localize, group, labels)}>
        ${group.buckets.map((bucket, b) =>
          bucket.values.map((value, s) => {
            const height = (value / max) * HEIGHT;
            return svg`<rect class="bar bar-${series[s]}" x=${b * step + s * BAR} y=${HEIGHT - height} width=${BAR - 1} height=${height}><title>${localize.messages.summary.bar(period(localize, bucket, group.hours), localize.number(value), labels[s]!)}</title></rect>`;
          }),
        )}
      </svg>
    </div>
    <svg class="chart-axis" width="${share}%" height="16" aria-hidden="true">
      <text x="0" y="12">${localize.dateTime(new Date(first.start))}</text>
      <text x="100%" y="12" text-anchor="end">${localize.dateTime(new Date(last.end))}</text>
    </svg>
  </figure>`;
}

function renderTable(localize: LocalizeController, all: BucketGroup[], labels: string[], id: string, hidden: boolean): TemplateResult {
  const t = localize.messages.summary;
  return html`<div class="table-scroll" id=${id} ?hidden=${hidden}>
    <table class="data-table" part="activity-table">
      <caption class="visually-hidden">${t.activityTitle}</caption>
      <thead>
        <tr><th scope="col">${t.period}</th>${labels.map((label) => html`<th scope="col" class="number">${label}</th>`)}</tr>
      </thead>
      <tbody>
        ${all.flatMap((group) =>
          group.buckets.map(
            (bucket) =>
              html`<tr><th scope="row">${period(localize, bucket, group.hours)}</th>${bucket.values.map((v) => html`<td class="number">${localize.number(v)}</td>`)}</tr>`,
          ),
        )}
      </tbody>
    </table>
  </div>`;
}

/** The activity section's content; `expanded` shows the data table. */
export function renderActivity(
  localize: LocalizeController,
  summary: SummaryData,
  channel: Channel,
  expanded: boolean,
  onToggle: () => void,
): TemplateResult | typeof nothing {
  if (!summary.activity) return nothing;
  const t = localize.messages.summary;
  const series = seriesOf(summary, channel);
  const labels = series.map((key) => t.series[key]);
  const all = groups(summary, series);
  const any = all.some((group) => group.buckets.some((bucket) => bucket.values.some((v) => v > 0)));
  if (!any) return html`<p class="note">${t.noActivity}</p>`;
  return html`
    ${summary.activityMeasure === 'last-activity' ? html`<p class="note">${t.computedActivity}</p>` : nothing}
    <ul class="legend" aria-hidden="true">
      ${series.map((key, s) => html`<li><span class="swatch bar-${key}"></span>${labels[s]}</li>`)}
    </ul>
    ${all.map((group, i) => renderChart(localize, group, series, labels, i === 0 && group.hours === 1 ? t.activityHourly : t.activityDaily))}
    <button class="button" part="button table-toggle" type="button" aria-expanded=${expanded ? 'true' : 'false'} aria-controls="activity-data" @click=${onToggle}>
      ${expanded ? t.hideTable : t.showTable}
    </button>
    ${renderTable(localize, all, labels, 'activity-data', !expanded)}
  `;
}
