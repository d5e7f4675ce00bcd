import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MessageOverrides, Messages } from './messages.js';
import { fr } from './fr.js';
import { en } from './en.js';
import { dateTimeFormat, formattingLocale } from './date-format.js';

export type Language = 'fr' | 'en';

const CATALOGUES: Record<Language, Messages> = { fr, en };

/** The language of `element`: its `lang`, else the nearest `[lang]` ancestor (across shadow roots), else `<html lang>`, else fr. */
export function resolveLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.getAttribute('lang')) return node.getAttribute('lang')!;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return document.documentElement.getAttribute('lang') || 'fr';
}

function languageOf(tag: string): Language {
  return tag.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

function merge(base: Messages, overrides: MessageOverrides | undefined): Messages {
  if (!overrides) return base;
  const merged = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const current = merged[key];
    merged[key] =
      typeof value === 'object' && value !== null && typeof current === 'object' ? { ...current, ...value } : value;
  }
  return merged as unknown as Messages;
}

type LocalizedHost = ReactiveControllerHost & HTMLElement & { strings?: MessageOverrides };

const hosts = new Set<LocalizeController>();
let observer: MutationObserver | undefined;

/** One observer for the whole page: a `lang` change anywhere re-renders the elements it concerns. */
function observeLangChanges(): void {
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver(() => hosts.forEach((controller) => controller.update()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/**
 * Gives an element its messages (French by default, a host's `strings` overrides merged in)
 * and `Intl` formatters for its language, and re-renders it when the language changes.
 */
export class LocalizeController implements ReactiveController {
  private readonly host: LocalizedHost;
  private tag = 'fr';
  private cache: { tag: string; overrides: MessageOverrides | undefined; messages: Messages } | undefined;
  private formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

  constructor(host: LocalizedHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this);
    observeLangChanges();
    this.update();
  }

  hostDisconnected(): void {
    hosts.delete(this);
  }

  /** Re-reads the language; re-renders the host when it changed. */
  update(): void {
    const tag = resolveLang(this.host);
    if (tag !== this.tag) {
      this.tag = tag;
      this.formatters.clear();
      this.host.requestUpdate();
    }
  }

  /**
   * A BCP 47 tag for `Intl`: the page's own when it is French or English (`en-US` dates are
   * American, `en` ones international: date-format.ts), else plain fr. The messages are the
   * language's whatever the region.
   */
  get locale(): string {
    const lang = this.lang;
    try {
      const [canonical] = Intl.getCanonicalLocales(this.tag);
      if (canonical && languageOf(canonical) === lang) return formattingLocale(canonical);
    } catch {
      // An invalid tag in the page falls back to the plain language.
    }
    return formattingLocale(lang);
  }

  get lang(): Language {
    return languageOf(this.tag);
  }

  get messages(): Messages {
    const overrides = this.host.strings;
    if (!this.cache || this.cache.tag !== this.tag || this.cache.overrides !== overrides) {
      this.cache = { tag: this.tag, overrides, messages: merge(CATALOGUES[this.lang], overrides) };
    }
    return this.cache.messages;
  }

  private formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: (locale: string) => T): T {
    let formatter = this.formatters.get(key) as T | undefined;
    if (!formatter) {
      formatter = make(this.locale);
      this.formatters.set(key, formatter);
    }
    return formatter;
  }

  /**
   * Creates the number and date formatters ahead of the first figures: a page's first
   * `Intl.NumberFormat` loads locale data (~25 ms), better spent while data is on its way.
   */
  prepareFormatters(): void {
    this.number(0);
    this.dateTime(new Date(0));
  }

  number(value: number): string {
    return this.formatter('number', (l) => new Intl.NumberFormat(l)).format(value);
  }

  /** "46,2 %" (one decimal) for 0.462. */
  percent(value: number): string {
    return this.formatter('percent', (l) => new Intl.NumberFormat(l, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })).format(value);
  }

  /** "il y a 2 min", "il y a 30 s", "il y a 3 h", "il y a 2 j" for an instant (ms) in the past. */
  timeAgo(time: number): string {
    const format = this.formatter('relative', (l) => new Intl.RelativeTimeFormat(l, { numeric: 'always', style: 'short' }));
    const seconds = Math.max(0, Math.round((Date.now() - time) / 1000));
    if (seconds < 60) return format.format(-seconds, 'second');
    if (seconds < 3600) return format.format(-Math.floor(seconds / 60), 'minute');
    if (seconds < 86_400) return format.format(-Math.floor(seconds / 3600), 'hour');
    return format.format(-Math.floor(seconds / 86_400), 'day');
  }

  /** "26/11/2026"; "11/26/2026" in en-US */
  date(value: Date): string {
    return this.formatter('date', (l) => dateTimeFormat(l, 'date')).format(value);
  }

  /** "21:30"; "9:30 PM" in en-US */
  time(value: Date): string {
    return this.formatter('time', (l) => dateTimeFormat(l, 'time')).format(value);
  }

  /** "26/11/2026 21:30"; "26/11/2026, 21:30" in English, "11/26/2026, 9:30 PM" in en-US */
  dateTime(value: Date): string {
    return this.formatter('dateTime', (l) => dateTimeFormat(l, 'dateTime')).format(value);
  }
}
