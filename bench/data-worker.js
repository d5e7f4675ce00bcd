// The benchmark's "server": a module Worker that holds a campaign's contacts (bench/rows.js)
// and answers StatsQuery pages (filters, search, sort, offset/limit) like a back end would.
// Being a Worker, its memory and CPU are not the page's: the page's heap and long tasks are
// the grid's own. Queries with the same filters/search/sort reuse the ordered row indices.
// `advance` plays time passing (for the refresh figure): the figures change, asOf moves on.
import { AS_OF, benchRow, random } from './rows.js';

let rows = [];
/** The figures' time: AS_OF, one hour later at each `advance`. */
let asOf = AS_OF;
let step = 0;
const orders = new Map();
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
const fold = (v) =>
  String(v ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
const isEmpty = (v) => v === undefined || v === null || v === '';

/** The same order as the library's `compareValues`: numbers, booleans, French collation; empty last. */
function compare(a, b) {
  if (isEmpty(a) || isEmpty(b)) return isEmpty(a) === isEmpty(b) ? 0 : isEmpty(a) ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return collator.compare(String(a), String(b));
}

function matches(row, filter) {
  const value = row[filter.field];
  switch (filter.op) {
    case 'eq':
      return value === filter.value || String(value ?? '') === String(filter.value);
    case 'like':
      return fold(value).includes(fold(filter.value));
    case 'gte':
      return !isEmpty(value) && compare(value, filter.value) >= 0;
    case 'lte':
      return !isEmpty(value) && compare(value, filter.value) <= 0;
    default:
      return true;
  }
}

/** The same filters, search and sort give the same key, whatever the order of the filters. */
function keyOf(q) {
  const filters = (q.filters ?? []).map((f) => [f.field, f.op, typeof f.value, String(f.value)]).sort((a, b) => (a.join() < b.join() ? -1 : 1));
  const sort = (q.sort ?? []).map((s) => [s.field, s.dir]);
  return JSON.stringify([filters, fold(q.search ?? '').trim(), sort]);
}

/** Row indices in the order a query asks for (cached per filters/search/sort). */
function orderFor(q) {
  const key = keyOf(q);
  let order = orders.get(key);
  if (order) return order;
  const sort = q.sort ?? [];
  if (sort.length) {
    const sortKey = keyOf({ sort });
    let sorted = orders.get(sortKey);
    if (!sorted) {
      sorted = Array.from(rows.keys());
      sorted.sort((x, y) => {
        for (const { field, dir } of sort) {
          const c = compare(rows[x][field], rows[y][field]);
          if (c !== 0) return dir === 'desc' ? -c : c;
        }
        return x - y;
      });
      orders.set(sortKey, sorted);
    }
    order = sorted;
  } else {
    order = null;
  }
  const filters = q.filters ?? [];
  const needle = fold(q.search ?? '').trim();
  if (filters.length || needle) {
    const keep = (i) => {
      const row = rows[i];
      if (!filters.every((f) => matches(row, f))) return false;
      return !needle || ['lastName', 'firstName', 'email', 'phone'].some((f) => fold(row[f]).includes(needle));
    };
    order = order ? order.filter(keep) : Array.from(rows.keys()).filter(keep);
  }
  if (order) orders.set(key, order);
  return order;
}

/**
 * One hour passes, deterministically (the same rows change at the same step): `fraction` of the
 * rows drawn at random, and every row of the first last name in name order (those a grid sorted
 * by name shows at its top, so that a check can see them change). A pending row is delivered; a
 * delivered one is opened once more (opened, openCount + 1, lastActivityAt within the hour) and,
 * for the drawn rows one time in three and for the first last name's rows always, clicked once more.
 * Bounced and blocked rows stay as they are. New row objects; cached orders are dropped.
 */
function advance(fraction) {
  step++;
  const next = Date.parse(asOf) + 3_600_000;
  const r = random(0x5bd1e995 ^ step);
  const byName = orderFor({ sort: [{ field: 'lastName', dir: 'asc' }] });
  const firstLast = rows[byName[0]]?.lastName;
  const forced = [];
  let changed = 0;
  for (let i = 0; i < rows.length; i++) {
    const drawn = r() < fraction;
    const first = rows[i].lastName === firstLast;
    if (!drawn && !first) continue;
    const row = { ...rows[i] };
    if (row.delivery === 'pending') row.delivery = 'delivered';
    if (row.delivery !== 'delivered') continue;
    row.opened = true;
    row.openCount += 1;
    if (first || r() < 1 / 3) row.clickCount += 1;
    row.lastActivityAt = new Date(next - 60_000 * (1 + Math.floor(r() * 59))).toISOString();
    rows[i] = row;
    changed++;
    if (first) forced.push({ email: row.email, clickCount: row.clickCount });
  }
  orders.clear();
  asOf = new Date(next).toISOString();
  return { asOf, changed, firstLast, forced };
}

self.onmessage = ({ data }) => {
  const { id, type } = data;
  try {
    if (type === 'init') {
      const t0 = performance.now();
      rows = new Array(data.size);
      for (let i = 0; i < data.size; i++) rows[i] = benchRow(i);
      orders.clear();
      asOf = AS_OF;
      step = 0;
      for (const q of data.prepare ?? []) orderFor(q);
      self.postMessage({ id, result: { size: rows.length, ms: performance.now() - t0 } });
    } else if (type === 'mark') {
      console.timeStamp('bench-data-worker');
      self.postMessage({ id, result: true });
    } else if (type === 'query') {
      console.timeStamp('bench-data-worker'); // lets scripts/bench.js tell this thread's GCs from an export Worker's
      const started = performance.now();
      const q = data.query;
      const order = orderFor(q);
      const total = order ? order.length : rows.length;
      const offset = Math.max(0, Math.floor(q.offset) || 0);
      const end = Math.min(total, offset + Math.max(0, Math.floor(q.limit) || 0));
      const page = new Array(Math.max(0, end - offset));
      for (let k = offset; k < end; k++) page[k - offset] = rows[order ? order[k] : k];
      self.postMessage({ id, result: { rows: page, total, asOf }, ms: performance.now() - started });
    } else if (type === 'advance') {
      self.postMessage({ id, result: advance(data.fraction) });
    } else if (type === 'lookup') {
      const emails = new Set(data.emails);
      self.postMessage({ id, result: rows.filter((row) => emails.has(row.email)) });
    }
  } catch (error) {
    self.postMessage({ id, error: String(error?.stack ?? error) });
  }
};
