import type {
  Channel,
  ContactStats,
  EmailContactStats,
  EmailDelivery,
  SmsContactStats,
  SmsDelivery,
} from './campaign-data-source.js';
import { clickedLinkIds, drawClickLinks, type DemoLink } from './demo-links.js';
import { hashString, HOUR, MINUTE, prng } from './demo-random.js';
import { EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES } from './demo-names.js';
import { foldText } from './stats-query.js';

/**
 * The demo's contacts. Each one is drawn from its campaign and index (so any contact can be
 * made on demand, in any order), then read at a time after the send: what has happened by then.
 * The draw and the reading are apart so that a campaign of a million contacts can keep its
 * draws as compact columns (see `demo-stats-table.ts`) instead of a million objects.
 */

export { DAY, hashString, HOUR, MINUTE, prng } from './demo-random.js';

/** An exponentially distributed delay with the given mean, in milliseconds. */
function expDelay(random: () => number, mean: number): number {
  return -Math.log(1 - random()) * mean;
}

function pickIndex(random: () => number, length: number): number {
  return Math.floor(random() * length);
}

function weighted<T extends string>(random: () => number, weights: readonly (readonly [T, number])[]): T {
  let roll = random();
  for (const [value, weight] of weights) {
    if ((roll -= weight) < 0) return value;
  }
  return weights[0]![0];
}

function emailSlug(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The parts of an address, per name: `<first>.<last><homonym>@<domain>`. */
export const FIRST_SLUGS: readonly string[] = FIRST_NAMES.map((name) => emailSlug(name).replace(/-/g, ''));
export const LAST_SLUGS: readonly string[] = LAST_NAMES.map(emailSlug);

/** How many (first name, last name) pairs there are: each block of that many contacts uses each once. */
export const NAME_PAIRS = FIRST_NAMES.length * LAST_NAMES.length;

/**
 * The name pair of contact `index`: a keyed permutation of the index within its block of
 * `NAME_PAIRS` contacts (a Feistel network on 12 bits, walked until it lands in range), so that
 * no two contacts of a block share a name and, with the block's homonym number, no two contacts
 * of a campaign share an address.
 */
export function namePairOf(campaignHash: number, index: number): number {
  const block = Math.floor(index / NAME_PAIRS);
  const key = hashString(`${campaignHash}:${block}`);
  let value = index % NAME_PAIRS;
  do {
    let left = value >>> 6;
    let right = value & 63;
    for (let round = 0; round < 4; round++) {
      const mixed = Math.imul(right ^ (key >>> (round * 8)), 0x9e3779b1) >>> 26;
      [left, right] = [right, left ^ mixed];
    }
    value = (left << 6) | right;
  } while (value >= NAME_PAIRS);
  return value;
}

const EMAIL_WEIGHTS: readonly (readonly [EmailDelivery, number])[] = [
  ['delivered', 0.93],
  ['soft_bounce', 0.03],
  ['hard_bounce', 0.025],
  ['blocked', 0.01],
  ['pending', 0.005],
];
const SMS_WEIGHTS: readonly (readonly [SmsDelivery, number])[] = [
  ['delivered', 0.94],
  ['undelivered', 0.03],
  ['failed', 0.015],
  ['rejected', 0.005],
  ['pending', 0.01],
];

/**
 * Everything random about a contact. Times are milliseconds after the send; `NaN` means the
 * event never happens. For SMS, `unsubscribedAt` is the STOP.
 */
export interface ContactDraw {
  /** Indexes in `FIRST_NAMES` / `LAST_NAMES` (the address uses them even when the name is absent). */
  first: number;
  last: number;
  hasFirstName: boolean;
  hasLastName: boolean;
  deliveryDelay: number;
  /** The delivery once settled: a message to be delivered is `pending` until `deliveryDelay`. */
  finalDelivery: EmailDelivery | SmsDelivery;
  opens: number[];
  clicks: number[];
  spamAt: number;
  unsubscribedAt: number;
  /** Email: index in `EMAIL_DOMAINS`. */
  domain: number;
  /** SMS: `+33<phonePrefix><phoneDigits>`. */
  phonePrefix: '6' | '7';
  phoneDigits: number;
}

export function newDraw(): ContactDraw {
  return {
    first: 0,
    last: 0,
    hasFirstName: false,
    hasLastName: false,
    deliveryDelay: 0,
    finalDelivery: 'pending',
    opens: [],
    clicks: [],
    spamAt: NaN,
    unsubscribedAt: NaN,
    domain: 0,
    phonePrefix: '6',
    phoneDigits: 0,
  };
}

/**
 * Draws contact `index` of a campaign into `draw`, which is reused so that building columns
 * allocates nothing per contact. The order of the random draws IS the contacts' identity:
 * changing it changes every demo contact.
 */
export function drawContact(channel: Channel, campaignHash: number, index: number, draw: ContactDraw): ContactDraw {
  const random = prng(campaignHash ^ Math.imul(index + 1, 0x9e3779b1));
  const pair = namePairOf(campaignHash, index);
  draw.first = pair % FIRST_NAMES.length;
  draw.last = Math.floor(pair / FIRST_NAMES.length);
  // The names once came from these two draws: they stay drawn so that every contact keeps
  // the delivery and events it had (the stories, screenshots and docs show them).
  random();
  random();
  draw.hasFirstName = random() > 0.05;
  draw.hasLastName = random() > 0.02;
  draw.deliveryDelay = expDelay(random, 90_000);
  draw.opens.length = 0;
  draw.clicks.length = 0;
  draw.spamAt = NaN;
  draw.unsubscribedAt = NaN;

  if (channel === 'email') {
    draw.finalDelivery = weighted(random, EMAIL_WEIGHTS);
    if (draw.finalDelivery === 'delivered' && random() < 0.46) {
      const firstOpen = draw.deliveryDelay + expDelay(random, 3 * HOUR);
      draw.opens.push(firstOpen);
      const extra = Math.floor(random() * random() * 5);
      for (let k = 0; k < extra; k++) draw.opens.push(firstOpen + expDelay(random, 20 * HOUR));
      if (random() < 0.34) {
        const count = 1 + Math.floor(random() * random() * 4);
        for (let k = 0; k < count; k++) draw.clicks.push(firstOpen + expDelay(random, 40 * MINUTE));
      }
      if (random() < 0.004) draw.spamAt = firstOpen + expDelay(random, 10 * MINUTE);
      if (random() < 0.015) draw.unsubscribedAt = firstOpen + expDelay(random, 15 * MINUTE);
    }
    draw.domain = pickIndex(random, EMAIL_DOMAINS.length);
    return draw;
  }

  draw.finalDelivery = weighted(random, SMS_WEIGHTS);
  if (draw.finalDelivery === 'delivered') {
    if (random() < 0.2) {
      const count = 1 + Math.floor(random() * random() * 3);
      for (let k = 0; k < count; k++) draw.clicks.push(draw.deliveryDelay + expDelay(random, 45 * MINUTE));
    }
    if (random() < 0.025) draw.unsubscribedAt = draw.deliveryDelay + expDelay(random, 2 * HOUR);
  }
  draw.phoneDigits = 10_000_000 + Math.floor(random() * 89_999_999);
  draw.phonePrefix = random() < 0.8 ? '6' : '7';
  return draw;
}

export function contactIdOf(channel: Channel, campaignHash: number, index: number): string {
  return `${channel === 'email' ? 'ct' : 'sm'}-${(campaignHash % 9000) + 1000}-${index + 1}`;
}

/**
 * The number that tells apart the addresses of homonyms: none in a contact's first block of
 * `NAME_PAIRS`, then the block's number.
 */
export function homonymOf(index: number): number | undefined {
  return index < NAME_PAIRS ? undefined : Math.floor(index / NAME_PAIRS);
}

export function emailOf(first: number, last: number, domain: number, index: number): string {
  return `${FIRST_SLUGS[first]}.${LAST_SLUGS[last]}${homonymOf(index) ?? ''}@${EMAIL_DOMAINS[domain]}`;
}

export function phoneOf(prefix: '6' | '7', digits: number): string {
  return `+33${prefix}${digits}`;
}

/** Event times, in ms after the send, that have happened once `elapsed` ms have passed. */
function countUpTo(times: number[], elapsed: number): { count: number; last: number } {
  let count = 0;
  let last = -1;
  for (const t of times) {
    if (t <= elapsed) {
      count++;
      last = Math.max(last, t);
    }
  }
  return { count, last };
}

/** The bits of the links (indexes in `clickLinks`) of the clicks that have happened by `elapsed`. */
function clickedMask(clicks: number[], clickLinks: number[], elapsed: number): number {
  let mask = 0;
  for (let k = 0; k < clicks.length; k++) if (clicks[k]! <= elapsed) mask |= 1 << clickLinks[k]!;
  return mask;
}

/**
 * Contact `index` of a campaign, with the events that have happened `elapsed` ms after the send;
 * with `clickedLinks` when the message has `links`.
 */
export function demoContact(
  channel: Channel,
  campaignHash: number,
  index: number,
  finished: number,
  elapsed: number,
  links: readonly DemoLink[],
  draw: ContactDraw = newDraw(),
): ContactStats {
  drawContact(channel, campaignHash, index, draw);
  const identity: { contactId: string; firstName?: string; lastName?: string } = { contactId: contactIdOf(channel, campaignHash, index) };
  if (draw.hasFirstName) identity.firstName = FIRST_NAMES[draw.first]!;
  if (draw.hasLastName) identity.lastName = LAST_NAMES[draw.last]!;
  const settledDelivery = draw.finalDelivery === 'delivered' && draw.deliveryDelay > elapsed ? 'pending' : draw.finalDelivery;
  const unsubscribed = draw.unsubscribedAt <= elapsed;
  const clicked = countUpTo(draw.clicks, elapsed);

  let row: EmailContactStats | SmsContactStats;
  let lastActivity: number;
  if (channel === 'email') {
    const opened = countUpTo(draw.opens, elapsed);
    lastActivity = Math.max(opened.last, clicked.last);
    row = {
      ...identity,
      email: emailOf(draw.first, draw.last, draw.domain, index),
      delivery: settledDelivery as EmailDelivery,
      opened: opened.count > 0,
      openCount: opened.count,
      clickCount: clicked.count,
      spamReported: draw.spamAt <= elapsed,
      unsubscribed,
    };
  } else {
    lastActivity = Math.max(clicked.last, unsubscribed ? draw.unsubscribedAt : -1);
    row = {
      ...identity,
      phone: phoneOf(draw.phonePrefix, draw.phoneDigits),
      delivery: settledDelivery as SmsDelivery,
      clickCount: clicked.count,
      unsubscribed,
    };
  }
  if (lastActivity >= 0) row.lastActivityAt = new Date(finished + lastActivity).toISOString();
  if (links.length > 0) {
    const clickLinks = drawClickLinks(campaignHash, index, draw.clicks.length, links.length, []);
    row.clickedLinks = clickedLinkIds(links, clickedMask(draw.clicks, clickLinks, elapsed));
  }
  return row;
}
