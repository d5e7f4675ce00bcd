import { EMAIL_DELIVERIES, SMS_DELIVERIES, type Channel, type StatsQuery, type StatsSummary } from './campaign-data-source.js';
import {
  contactIdOf,
  drawContact,
  emailOf,
  FIRST_SLUGS,
  homonymOf,
  LAST_SLUGS,
  newDraw,
  phoneOf,
  type ContactDraw,
} from './demo-contacts.js';
import { CLICK, EventList, inSlices, KIND_BITS, LINK_SHIFT, OPEN, SPAM, UNSUBSCRIBE } from './demo-events.js';
import { clickedLinkSets, drawClickLinks, type DemoLink } from './demo-links.js';
import { countDemoSummary } from './demo-summary.js';
import { EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES } from './demo-names.js';
import { compareValues, foldText, isEmptyValue, matchesValue, pageWindow, SEARCHED_FIELDS, type StatsFilter } from './stats-query.js';

/**
 * Answers any `StatsQuery` on a demo campaign of up to millions of contacts without ever
 * holding its contacts as objects, with the same results as `applyStatsQuery` on every row.
 *
 * - Each contact's draw is kept once, as compact typed columns (names, delivery, events with
 *   their times and, for clicks, their links).
 * - The figures at a given time (counts, delivery, last activity, the links clicked as bits)
 *   are columns read from the events in one pass, kept for that time.
 * - Filters are tested per distinct value where a column has few (names, delivery, yes/no,
 *   counts, sets of clicked links), on numbers for dates, and on the row's value otherwise;
 *   sorts are stable radix sorts on whole-number keys in the order `compareValues` gives, kept
 *   per sort (and time).
 * - The page's rows are then made one by one by `demoContact`, so they are the very rows a
 *   small campaign answers.
 * - The summary (`getStatsSummary`) is counted from the same columns, in time slices, and kept
 *   for its time.
 *
 * Loaded lazily (plain pages need none of it): by the first query that sorts, filters or
 * searches or the first summary, or ahead of them for a campaign that a grid reads page by page.
 */

export interface DemoCampaignShape {
  channel: Channel;
  /** `hashString(campaign id)`: the seed of its contacts. */
  hash: number;
  size: number;
  /** When the send finished, in ms since the epoch. */
  finished: number;
  /** The links of the message (see `demo-links.ts`). */
  links: readonly DemoLink[];
}

type RowTest = (i: number) => boolean;

interface SortKeys {
  /** Per row: a whole number, equal for equal values, in the order `compareValues` gives. */
  keys: Uint32Array;
  /** The largest key. */
  top: number;
  /** Absent values have the key `top` (a descending sort leaves them last). */
  hasEmpty: boolean;
}

interface Column {
  /** The value the row object has for this field (undefined when absent). */
  value(i: number): unknown;
  /** For columns with few distinct values: those values, and the position of each row's. */
  dictionary?: { values: readonly unknown[]; code(i: number): number };
  sortKeys?(): SortKeys;
  /** A test quicker than reading `value` for some filters. */
  fastTest?(filter: StatsFilter): RowTest | undefined;
  /** `value` is a string already folded (lower case, no accents): `like` need not fold it. */
  folded?: boolean;
  /** The column moves with the statistics' time: what is kept for it holds for one time. */
  live: boolean;
}

/** The figures `elapsed` ms after the send. */
interface Figures {
  elapsed: number;
  delivery: Uint8Array;
  openCount: Uint8Array;
  clickCount: Uint8Array;
  spamReported: Uint8Array;
  unsubscribed: Uint8Array;
  /** Ms since the epoch, as `lastActivityAt` says it (whole ms); NaN: no activity. */
  lastActivity: Float64Array;
  /** Bit k: the contact clicked link k. */
  clickedMask: Uint32Array;
  /** The distinct sets of clicked links, made by the first query on `clickedLinks`. */
  linkSets?: ReturnType<typeof clickedLinkSets>;
}

const HAS_FIRST_NAME = 1;
const HAS_LAST_NAME = 2;
const MOBILE_7 = 4;
/** Every count a contact can reach is far below this (at most 5 opens, 4 clicks). */
const COUNTS = Array.from({ length: 256 }, (_, count) => count);
const BOOLEANS = [false, true] as const;
/** Sorts kept per table (each is 4 bytes per contact). */
const KEPT_SORTS = 4;
/** `toISOString()`'s format: on it, text order is time order. */
const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** The rank of each of `values` in `compareValues` order (equal values share a rank; empty ones come last). */
function rank(values: readonly unknown[]): { ranks: Uint32Array; top: number } {
  const order = values.map((_, i) => i).sort((a, b) => compareValues(values[a], values[b]) || a - b);
  const ranks = new Uint32Array(values.length);
  let current = 0;
  order.forEach((index, k) => {
    if (k > 0 && compareValues(values[order[k - 1]!], values[index]) !== 0) current++;
    ranks[index] = current;
  });
  return { ranks, top: current };
}

/** Stable LSD radix sort of `order` by `keys`, 16 bits a pass; `spare` is scratch space. */
function radixSort(order: Uint32Array<ArrayBuffer>, spare: Uint32Array<ArrayBuffer>, { keys, top }: SortKeys): [Uint32Array<ArrayBuffer>, Uint32Array<ArrayBuffer>] {
  const counts = new Uint32Array(65_536);
  const n = order.length;
  for (let shift = 0; shift === 0 || (shift < 32 && top >>> shift !== 0); shift += 16) {
    counts.fill(0);
    for (let j = 0; j < n; j++) counts[(keys[order[j]!]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let bucket = 0; bucket < 65_536; bucket++) {
      const count = counts[bucket]!;
      counts[bucket] = sum;
      sum += count;
    }
    for (let j = 0; j < n; j++) {
      const i = order[j]!;
      spare[counts[(keys[i]! >>> shift) & 0xffff]!++] = i;
    }
    [order, spare] = [spare, order];
  }
  return [order, spare];
}

export class DemoStatsTable {
  readonly shape: DemoCampaignShape;
  private readonly deliveries: readonly string[];
  // The draw of each contact (see `ContactDraw`), one typed array per field.
  private readonly first: Uint8Array;
  private readonly last: Uint8Array;
  private readonly flags: Uint8Array;
  private readonly finalDelivery: Uint8Array;
  private readonly deliveryDelay: Float64Array;
  private readonly domain: Uint8Array;
  private readonly phoneDigits: Uint32Array;
  /** Contact i's events are `eventTime`/`eventKind` from `eventStart[i]` to `eventStart[i + 1]`. */
  private readonly eventStart: Uint32Array;
  private eventTime: Float64Array = new Float64Array(0);
  /** The kind of each event, and for a click the index of its link in `shape.links` (see `LINK_SHIFT`). */
  private eventKind: Uint8Array = new Uint8Array(0);

  private figures: Figures | undefined;
  private emailKeys: SortKeys | undefined;
  private readonly sorts = new Map<string, Uint32Array>();
  private selection: { key: string; matches: Uint8Array; count: number } | undefined;
  private kept: { elapsed: number; summary: Promise<StatsSummary> } | undefined;

  /**
   * Draws every contact of the campaign into columns, a slice at a time: the page stays
   * responsive while a million contacts are drawn (about half a second of work).
   */
  static async build(shape: DemoCampaignShape): Promise<DemoStatsTable> {
    const table = new DemoStatsTable(shape);
    // About one event a contact for email, a third for SMS (see `drawContact`): room for a bit
    // more, so that the lists never grow, by a copy of a million contacts' events at once.
    const events = new EventList(Math.ceil(shape.size * (shape.channel === 'email' ? 1.25 : 0.5)));
    const draw = newDraw();
    await inSlices(shape.size, (start, end) => table.drawSlice(start, end, events, draw));
    table.eventStart[shape.size] = events.length;
    // Views, not copies of the right size: such a copy held the page for tens of ms; the room
    // left is a few MB for a million contacts.
    table.eventTime = events.times.subarray(0, events.length);
    table.eventKind = events.kinds.subarray(0, events.length);
    return table;
  }

  private constructor(shape: DemoCampaignShape) {
    this.shape = shape;
    const { channel, size } = shape;
    this.deliveries = channel === 'email' ? EMAIL_DELIVERIES : SMS_DELIVERIES;
    this.first = new Uint8Array(size);
    this.last = new Uint8Array(size);
    this.flags = new Uint8Array(size);
    this.finalDelivery = new Uint8Array(size);
    this.deliveryDelay = new Float64Array(size);
    this.domain = new Uint8Array(channel === 'email' ? size : 0);
    this.phoneDigits = new Uint32Array(channel === 'sms' ? size : 0);
    this.eventStart = new Uint32Array(size + 1);
  }

  private drawSlice(start: number, end: number, events: EventList, draw: ContactDraw): void {
    const { channel, hash, links } = this.shape;
    const { first, last, flags, finalDelivery, deliveryDelay, domain, phoneDigits, eventStart, deliveries } = this;
    const clickLinks: number[] = [];
    for (let i = start; i < end; i++) {
      drawContact(channel, hash, i, draw);
      first[i] = draw.first;
      last[i] = draw.last;
      flags[i] = (draw.hasFirstName ? HAS_FIRST_NAME : 0) | (draw.hasLastName ? HAS_LAST_NAME : 0) | (channel === 'sms' && draw.phonePrefix === '7' ? MOBILE_7 : 0);
      finalDelivery[i] = deliveries.indexOf(draw.finalDelivery);
      deliveryDelay[i] = draw.deliveryDelay;
      if (channel === 'email') domain[i] = draw.domain;
      else phoneDigits[i] = draw.phoneDigits;
      eventStart[i] = events.length;
      for (let k = 0; k < draw.opens.length; k++) events.push(draw.opens[k]!, OPEN);
      drawClickLinks(hash, i, draw.clicks.length, links.length, clickLinks);
      for (let k = 0; k < draw.clicks.length; k++) events.push(draw.clicks[k]!, CLICK | ((clickLinks[k] ?? 0) << LINK_SHIFT));
      if (!Number.isNaN(draw.spamAt)) events.push(draw.spamAt, SPAM);
      if (!Number.isNaN(draw.unsubscribedAt)) events.push(draw.unsubscribedAt, UNSUBSCRIBE);
    }
  }

  /** The campaign's summary `elapsed` ms after the send, kept for that time. */
  summary(elapsed: number): Promise<StatsSummary> {
    if (this.kept?.elapsed !== elapsed) {
      const { shape, deliveries, finalDelivery, deliveryDelay, eventStart, eventTime, eventKind } = this;
      this.kept = { elapsed, summary: countDemoSummary({ shape, deliveries, finalDelivery, deliveryDelay, eventStart, eventTime, eventKind }, elapsed) };
    }
    return this.kept.summary;
  }

  /** The indexes of the contacts on the page `query` asks for, `elapsed` ms after the send, and how many match in all. */
  query(query: StatsQuery, elapsed: number): { indexes: number[]; total: number } {
    const size = this.shape.size;
    const { offset, limit } = pageWindow(query);
    const end = Math.min(size, offset + limit);
    const order = query.sort?.length ? this.sorted(query.sort, elapsed) : undefined;
    const selection = this.select(query.filters ?? [], query.search ?? '', elapsed);
    const indexes: number[] = [];
    if (!selection) {
      for (let k = offset; k < end; k++) indexes.push(order ? order[k]! : k);
      return { indexes, total: size };
    }
    let seen = 0;
    for (let k = 0; k < size && seen < offset + limit; k++) {
      const i = order ? order[k]! : k;
      if (selection.matches[i]) {
        if (seen >= offset) indexes.push(i);
        seen++;
      }
    }
    return { indexes, total: selection.count };
  }

  /** The rows that pass every filter and the search (undefined when nothing filters). */
  private select(filters: readonly StatsFilter[], search: string, elapsed: number) {
    const needle = foldText(search).trim();
    if (filters.length === 0 && !needle) return undefined;
    const tests: RowTest[] = [];
    let live = false;
    for (const filter of filters) {
      const column = this.column(filter.field, elapsed);
      live ||= column.live;
      tests.push(this.rowTest(column, filter));
    }
    if (needle) {
      const anyField = SEARCHED_FIELDS.map((field) => this.rowTest(this.column(field, elapsed), { field, op: 'like', value: needle }));
      tests.push((i) => anyField.some((test) => test(i)));
    }
    const key = `${JSON.stringify([filters, needle])}${live ? `@${elapsed}` : ''}`;
    if (this.selection?.key === key) return this.selection;
    const matches = new Uint8Array(this.shape.size);
    let count = 0;
    for (let i = 0; i < matches.length; i++) {
      if (tests.every((test) => test(i))) {
        matches[i] = 1;
        count++;
      }
    }
    this.selection = { key, matches, count };
    return this.selection;
  }

  private rowTest(column: Column, filter: StatsFilter): RowTest {
    if (column.dictionary) {
      const { values, code } = column.dictionary;
      const passes = values.map((value) => matchesValue(value, filter));
      return (i) => passes[code(i)]!;
    }
    const fast = column.fastTest?.(filter);
    if (fast) return fast;
    if (column.folded && filter.op === 'like') {
      const needle = foldText(filter.value);
      return (i) => (column.value(i) as string).includes(needle);
    }
    return (i) => matchesValue(column.value(i), filter);
  }

  /** Row indexes in the order of `sort` (ties in index order, as a stable sort leaves them). */
  private sorted(sort: NonNullable<StatsQuery['sort']>, elapsed: number): Uint32Array {
    const columns = sort.map(({ field }) => this.column(field, elapsed));
    const key = `${JSON.stringify(sort.map(({ field, dir }) => [field, dir === 'desc']))}${columns.some((c) => c.live) ? `@${elapsed}` : ''}`;
    const kept = this.sorts.get(key);
    if (kept) {
      // Most recently used last: the oldest goes first when room is needed.
      this.sorts.delete(key);
      this.sorts.set(key, kept);
      return kept;
    }
    const size = this.shape.size;
    let order = new Uint32Array(size);
    for (let i = 0; i < size; i++) order[i] = i;
    let spare = new Uint32Array(size);
    // Least significant key first: each stable pass keeps the order of the keys after it.
    for (let k = sort.length - 1; k >= 0; k--) {
      const keys = this.sortKeys(columns[k]!);
      if (sort[k]!.dir === 'desc') {
        // Values in reverse, absent ones still last.
        const { top, hasEmpty } = keys;
        const last = hasEmpty ? top - 1 : top;
        const reversed = new Uint32Array(size);
        for (let i = 0; i < size; i++) {
          const key = keys.keys[i]!;
          reversed[i] = hasEmpty && key === top ? top : last - key;
        }
        keys.keys = reversed;
      }
      [order, spare] = radixSort(order, spare, keys);
    }
    this.sorts.set(key, order);
    if (this.sorts.size > KEPT_SORTS) this.sorts.delete(this.sorts.keys().next().value!);
    return order;
  }

  private sortKeys(column: Column): SortKeys {
    if (column.sortKeys) return column.sortKeys();
    const { values, code } = column.dictionary!;
    return this.dictionaryKeys(values, code);
  }

  /** Keys that sort the rows as their `values[code(i)]` in `compareValues` order. */
  private dictionaryKeys(values: readonly unknown[], code: (i: number) => number): SortKeys {
    const { ranks, top } = rank(values);
    const keys = new Uint32Array(this.shape.size);
    for (let i = 0; i < keys.length; i++) keys[i] = ranks[code(i)]!;
    // Absent values rank last, hence `top`.
    return { keys, top, hasEmpty: values.some(isEmptyValue) };
  }

  private column(field: string, elapsed: number): Column {
    const { channel, hash, size } = this.shape;
    const { first, last, flags } = this;
    const email = channel === 'email';
    const figures = () => this.figuresAt(elapsed);
    const flag = (values: Uint8Array): Column['dictionary'] => ({ values: BOOLEANS, code: (i) => values[i]! });
    switch (field) {
      case 'contactId':
        return {
          value: (i) => contactIdOf(channel, hash, i),
          // Ids differ by their last number only, and collation compares numbers as numbers.
          sortKeys: () => ({ keys: Uint32Array.from({ length: size }, (_, i) => i), top: size, hasEmpty: false }),
          folded: true,
          live: false,
        };
      case 'firstName':
        return {
          value: (i) => (flags[i]! & HAS_FIRST_NAME ? FIRST_NAMES[first[i]!] : undefined),
          dictionary: { values: [...FIRST_NAMES, undefined], code: (i) => (flags[i]! & HAS_FIRST_NAME ? first[i]! : FIRST_NAMES.length) },
          live: false,
        };
      case 'lastName':
        return {
          value: (i) => (flags[i]! & HAS_LAST_NAME ? LAST_NAMES[last[i]!] : undefined),
          dictionary: { values: [...LAST_NAMES, undefined], code: (i) => (flags[i]! & HAS_LAST_NAME ? last[i]! : LAST_NAMES.length) },
          live: false,
        };
      case 'delivery': {
        const { delivery } = figures();
        return { value: (i) => this.deliveries[delivery[i]!], dictionary: { values: this.deliveries, code: (i) => delivery[i]! }, live: true };
      }
      case 'clickCount': {
        const { clickCount } = figures();
        return { value: (i) => clickCount[i], dictionary: { values: COUNTS, code: (i) => clickCount[i]! }, live: true };
      }
      case 'unsubscribed': {
        const { unsubscribed } = figures();
        return { value: (i) => unsubscribed[i] === 1, dictionary: flag(unsubscribed), live: true };
      }
      case 'lastActivityAt':
        return this.lastActivityColumn(figures().lastActivity);
      case 'clickedLinks': {
        // Filtered on the link ids, sorted as the grid shows them: on their labels.
        const at = figures();
        const { ids, texts, codes } = (at.linkSets ??= clickedLinkSets(at.clickedMask, this.shape.links));
        const code = (i: number) => codes[i]!;
        return { value: (i) => ids[codes[i]!], dictionary: { values: ids, code }, sortKeys: () => this.dictionaryKeys(texts, code), live: true };
      }
    }
    if (email) {
      switch (field) {
        case 'email':
          return {
            value: (i) => emailOf(first[i]!, last[i]!, this.domain[i]!, i),
            sortKeys: () => this.emailSortKeys(),
            fastTest: (filter) => (filter.op === 'like' ? this.emailContains(foldText(filter.value)) : undefined),
            live: false,
          };
        case 'opened': {
          const { openCount } = figures();
          return { value: (i) => openCount[i]! > 0, dictionary: { values: BOOLEANS, code: (i) => (openCount[i]! > 0 ? 1 : 0) }, live: true };
        }
        case 'openCount': {
          const { openCount } = figures();
          return { value: (i) => openCount[i], dictionary: { values: COUNTS, code: (i) => openCount[i]! }, live: true };
        }
        case 'spamReported': {
          const { spamReported } = figures();
          return { value: (i) => spamReported[i] === 1, dictionary: flag(spamReported), live: true };
        }
      }
    } else if (field === 'phone') {
      const { phoneDigits } = this;
      return {
        value: (i) => phoneOf(flags[i]! & MOBILE_7 ? '7' : '6', phoneDigits[i]!),
        // `+33` then one run of digits, which collation compares as a number.
        sortKeys: () => ({
          keys: Uint32Array.from({ length: size }, (_, i) => (flags[i]! & MOBILE_7 ? 90_000_000 : 0) + phoneDigits[i]! - 10_000_000),
          top: 180_000_000,
          hasEmpty: false,
        }),
        // A number holds only `+` and digits: text with anything else is in none.
        fastTest: (filter) => (filter.op === 'like' && /[^+0-9]/.test(foldText(filter.value)) ? () => false : undefined),
        folded: true,
        live: false,
      };
    }
    // A field the rows do not have: every row's value is undefined, as in `applyStatsQuery`.
    return { value: () => undefined, dictionary: { values: [undefined], code: () => 0 }, live: false };
  }

  private lastActivityColumn(lastActivity: Float64Array): Column {
    const { finished, size } = this.shape;
    return {
      value: (i) => (Number.isNaN(lastActivity[i]!) ? undefined : new Date(lastActivity[i]!).toISOString()),
      sortKeys: () => {
        // Activities come at most a few weeks after the send (see `drawContact`): well within 2³² ms.
        const keys = new Uint32Array(size);
        let top = 0;
        let hasEmpty = false;
        for (let i = 0; i < size; i++) {
          const at = lastActivity[i]!;
          if (!Number.isNaN(at)) top = Math.max(top, (keys[i] = at - finished) + 1);
        }
        for (let i = 0; i < size; i++) {
          if (Number.isNaN(lastActivity[i]!)) {
            keys[i] = top;
            hasEmpty = true;
          }
        }
        return { keys, top, hasEmpty };
      },
      fastTest: (filter) => {
        if (filter.op === 'eq' && filter.value === '') return (i) => Number.isNaN(lastActivity[i]!);
        if (filter.op === 'like' || typeof filter.value !== 'string' || !ISO_INSTANT.test(filter.value)) return undefined;
        const at = Date.parse(filter.value);
        // A date that does not exist (30 February) is compared as text, as `applyStatsQuery` does.
        if (Number.isNaN(at) || new Date(at).toISOString() !== filter.value) return undefined;
        if (filter.op === 'eq') return (i) => lastActivity[i] === at;
        return filter.op === 'gte' ? (i) => lastActivity[i]! >= at : (i) => lastActivity[i]! <= at;
      },
      live: true,
    };
  }

  /** Whether a contact's address contains `needle` (already folded, as addresses are). */
  private emailContains(needle: string): RowTest {
    const { first, last, domain } = this;
    const pairs = FIRST_SLUGS.length * LAST_SLUGS.length;
    if (/[0-9]/.test(needle)) return (i) => emailOf(first[i]!, last[i]!, domain[i]!, i).includes(needle);
    // Without a digit the needle cannot span a homonym number, so it lies in `<first>.<last>`,
    // in `@<domain>`, or (no number) across both: each name and domain is tested once, not
    // once per contact.
    const inName = FIRST_SLUGS.flatMap((f) => LAST_SLUGS.map((l) => `${f}.${l}`.includes(needle)));
    const inDomain = EMAIL_DOMAINS.map((d) => `@${d}`.includes(needle));
    const plain = new Int8Array(pairs * EMAIL_DOMAINS.length).fill(-1);
    return (i) => {
      const pair = first[i]! * LAST_SLUGS.length + last[i]!;
      if (inName[pair] || inDomain[domain[i]!]) return true;
      if (homonymOf(i) !== undefined) return false;
      const key = pair * EMAIL_DOMAINS.length + domain[i]!;
      if (plain[key] === -1) plain[key] = emailOf(first[i]!, last[i]!, domain[i]!, i).includes(needle) ? 1 : 0;
      return plain[key] === 1;
    };
  }

  /**
   * Addresses are `<first>.<last><homonym>@<domain>`: in collation order they sort by the
   * `<first>.<last>` part (no such part begins another), then the homonym number (as a number,
   * none where the collator puts `@` among digits), then the domain. Ranking those few parts
   * with the collator orders a million addresses without comparing a million strings.
   */
  private emailSortKeys(): SortKeys {
    if (!this.emailKeys) {
      const names = FIRST_SLUGS.flatMap((first) => LAST_SLUGS.map((last) => `${first}.${last}`));
      const nameRanks = rank(names);
      const domainRanks = rank(EMAIL_DOMAINS).ranks;
      const plainFirst = compareValues('a@b', 'a0@b') < 0;
      const domains = EMAIL_DOMAINS.length;
      const size = this.shape.size;
      // Homonym keys 0 … numbers + 1: the numbers, and the place of an address without one.
      const numbers = (homonymOf(Math.max(0, size - 1)) ?? 0) + 2;
      const keys = new Uint32Array(size);
      for (let i = 0; i < keys.length; i++) {
        const homonym = homonymOf(i);
        const homonymKey = homonym === undefined ? (plainFirst ? 0 : numbers - 1) : plainFirst ? homonym + 1 : homonym;
        const name = nameRanks.ranks[this.first[i]! * LAST_SLUGS.length + this.last[i]!]!;
        keys[i] = (name * numbers + homonymKey) * domains + domainRanks[this.domain[i]!]!;
      }
      this.emailKeys = { keys, top: (nameRanks.top + 1) * numbers * domains, hasEmpty: false };
    }
    return { ...this.emailKeys };
  }

  /** The figures `elapsed` ms after the send, as `demoContact` reads them from the draws. */
  private figuresAt(elapsed: number): Figures {
    if (this.figures?.elapsed === elapsed) return this.figures;
    const { size, finished, channel } = this.shape;
    const delivered = this.deliveries.indexOf('delivered');
    const pending = this.deliveries.indexOf('pending');
    const figures: Figures = {
      elapsed,
      delivery: new Uint8Array(size),
      openCount: new Uint8Array(size),
      clickCount: new Uint8Array(size),
      spamReported: new Uint8Array(size),
      unsubscribed: new Uint8Array(size),
      lastActivity: new Float64Array(size),
      clickedMask: new Uint32Array(size),
    };
    // Email activity is opens and clicks; SMS activity is clicks and STOP.
    const stopIsActivity = channel === 'sms';
    for (let i = 0; i < size; i++) {
      const settled = this.finalDelivery[i]!;
      figures.delivery[i] = settled === delivered && this.deliveryDelay[i]! > elapsed ? pending : settled;
      let latest = -1;
      for (let e = this.eventStart[i]!; e < this.eventStart[i + 1]!; e++) {
        const t = this.eventTime[e]!;
        if (t > elapsed) continue;
        switch (this.eventKind[e]! & KIND_BITS) {
          case OPEN:
            figures.openCount[i]!++;
            latest = Math.max(latest, t);
            break;
          case CLICK:
            figures.clickCount[i]!++;
            figures.clickedMask[i]! |= 1 << (this.eventKind[e]! >>> LINK_SHIFT);
            latest = Math.max(latest, t);
            break;
          case SPAM:
            figures.spamReported[i] = 1;
            break;
          default:
            figures.unsubscribed[i] = 1;
            if (stopIsActivity) latest = Math.max(latest, t);
        }
      }
      // Whole milliseconds, as `new Date(finished + latest)` keeps them.
      figures.lastActivity[i] = latest >= 0 ? Math.trunc(finished + latest) : NaN;
    }
    this.figures = figures;
    return figures;
  }
}
