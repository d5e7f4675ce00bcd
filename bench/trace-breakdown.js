// Where a timed step's main-thread time goes, read from a Chromium trace (scripts/bench.js
// --breakdown): script, style, layout (and how many layouts a script forced, and which functions
// forced them), paint, garbage collection, other work, and idle time, between the step's two
// performance.now() times.
// Runs in Node, on the trace Playwright's browser.stopTracing() returns.

/** The trace categories the breakdown needs: tasks, the timeline's events and the stacks of forced layouts, V8's GCs. */
export const BREAKDOWN_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline.stack', 'v8'];

/** The kinds of work, in the order they are printed, with the trace events of each. */
const KINDS = ['script', 'style', 'layout', 'paint', 'gc', 'other'];

const KIND_OF = [
  ['gc', /GC|GarbageCollect|Sweep|Scavenge/],
  ['style', /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet)$/],
  ['layout', /^(Layout|UpdateLayout)$/],
  ['paint', /^(PrePaint|Paint|PaintImage|Layerize|UpdateLayer|UpdateLayerTree|CompositeLayers|Commit)$/],
  ['script', /^(FunctionCall|EvaluateScript|TimerFire|FireAnimationFrame|EventDispatch|RunMicrotasks|FireIdleCallback|v8\.|V8\.)/],
];

function kindOf(name) {
  return KIND_OF.find(([, pattern]) => pattern.test(name))?.[0] ?? 'other';
}

/**
 * The page's main thread's time in `[start, end]` (performance.now() milliseconds), by kind of
 * work, in milliseconds: each instant is counted once, for the innermost event running then
 * (an event's self time). `clock` is the page's performance.now() at its 'bench-clock' trace
 * mark, which also names the thread. `forcedLayouts` counts the style and layout passes that ran
 * inside a script (a script reading the layout), `forced` their time, `forcedBy` the functions
 * that read it (the top of the pass's stack: "calcHeight 79", most passes first).
 */
export function breakdown(traceBuffer, clock, [start, end]) {
  const parsed = JSON.parse(traceBuffer.toString('utf8'));
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const mark = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'bench-clock');
  if (!mark) return undefined;
  // Trace times are microseconds of the same monotonic clock as performance.now().
  const offset = mark.ts - clock * 1000;
  const from = start * 1000 + offset;
  const to = end * 1000 + offset;
  const spans = completeEvents(events.filter((e) => e.pid === mark.pid && e.tid === mark.tid));
  spans.sort((a, b) => a.ts - b.ts || b.dur - a.dur);

  const totals = Object.fromEntries(KINDS.map((kind) => [kind, 0]));
  let forcedLayouts = 0;
  let forced = 0;
  const forcedBy = new Map();
  const credit = (span, a, b) => {
    const time = Math.max(0, Math.min(b, to) - Math.max(a, from));
    totals[span.kind] += time;
    if (span.forced) forced += time;
  };
  const open = [];
  let cursor = -Infinity;
  const closeUntil = (time) => {
    while (open.length && open.at(-1).ts + open.at(-1).dur <= time) {
      const top = open.pop();
      const topEnd = top.ts + top.dur;
      credit(top, Math.max(cursor, top.ts), topEnd);
      cursor = topEnd;
    }
  };
  for (const span of spans) {
    closeUntil(span.ts);
    if (open.length) credit(open.at(-1), Math.max(cursor, open.at(-1).ts), span.ts);
    cursor = span.ts;
    span.kind = kindOf(span.name);
    if ((span.kind === 'style' || span.kind === 'layout') && open.some((o) => o.kind === 'script')) {
      span.forced = true;
      if (span.ts >= from && span.ts < to) {
        forcedLayouts++;
        const reader = span.stack?.[0]?.functionName || '(anonymous)';
        forcedBy.set(reader, (forcedBy.get(reader) ?? 0) + 1);
      }
    }
    open.push(span);
  }
  closeUntil(Infinity);

  const ms = (us) => us / 1000;
  const busy = KINDS.reduce((sum, kind) => sum + totals[kind], 0);
  return {
    wall: end - start,
    ...Object.fromEntries(KINDS.map((kind) => [kind, ms(totals[kind])])),
    idle: ms(Math.max(0, to - from - busy)),
    forcedLayouts,
    forced: ms(forced),
    forcedBy: [...forcedBy].sort((a, b) => b[1] - a[1]),
  };
}

/** Complete ('X') events, and 'B'/'E' pairs matched into them; instant and other events dropped. */
function completeEvents(events) {
  const spans = [];
  const begun = [];
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'X' && e.dur > 0) spans.push({ name: e.name, ts: e.ts, dur: e.dur, stack: stackOf(e) });
    else if (e.ph === 'B') begun.push(e);
    else if (e.ph === 'E') {
      const at = begun.findLastIndex((b) => !e.name || b.name === e.name);
      if (at < 0) continue;
      const [b] = begun.splice(at, 1);
      if (e.ts > b.ts) spans.push({ name: b.name, ts: b.ts, dur: e.ts - b.ts, stack: stackOf(b) });
    }
  }
  return spans;
}

/** The JavaScript stack a style or layout pass was forced from, when the trace recorded it. */
function stackOf(event) {
  return event.args?.beginData?.stackTrace ?? event.args?.data?.stackTrace;
}
