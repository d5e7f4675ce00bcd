/**
 * The catalogues as natives write them: French typography (no-break spaces before « : ; ! ? »,
 * inside « », in figures), plurals by the language's rules, no developer wording in anything a
 * user reads. Every message is checked, the functions called with sample arguments.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { setDefaultDataSource } from '../../src/data/default-data-source.js';
import '../../src/define/campaign-list.js';
import '../../src/define/campaign-stats-summary.js';
import { en } from '../../src/i18n/en.js';
import { fr } from '../../src/i18n/fr.js';
import type { Messages } from '../../src/i18n/messages.js';
import { plural } from '../../src/i18n/plural.js';
import { waitForState } from '../helpers/grid.js';

type Lang = 'fr' | 'en';

const number = (lang: Lang, value: number) => new Intl.NumberFormat(lang).format(value);

/** Counts a count message is tried with: French "one" is 0 and 1, English "one" is 1 only; 1,000,000 is French "many". */
const COUNTS = [0, 1, 2, 1234, 1_000_000];

/**
 * Sample arguments of every message function, by path. A function missing here fails the test:
 * a new message is checked as soon as it exists.
 */
function samples(lang: Lang): Record<string, unknown[][]> {
  const n = (value: number) => number(lang, value);
  const counted = COUNTS.map((count) => [count, n(count)]);
  return {
    gridLabel: [['Journée portes ouvertes']],
    columnWidth: [['Délivrabilité', n(12.5)]],
    rowCount: counted,
    filteredRowCount: COUNTS.map((count) => [n(1), n(count), count]),
    asOf: [['26/11/2026', '21:30']],
    filterLabel: [['Clics']],
    'pagination.counter': [[n(3), n(4000), n(501), n(750)]],
    summaryFilter: [['Cliqueurs']],
    summaryFilterMoved: [[n(1234), '26/11/2026', '21:30']],
    exporting: counted,
    exported: [['JPO_statistiques_2026-11-26.xlsx']],
    exportFailedBecause: [['Le serveur est injoignable.']],
    exportProgress: [...COUNTS.map((count) => [n(0), n(count), count, undefined]), [n(1), n(2), 2, 1], [n(10), n(30000), 30000, 12]],
    exportCellTruncated: counted,
    'list.noMatch': [['journee']],
    'list.skipped': counted,
    'list.range': [[n(1), n(20), n(57)]],
    'summary.label': [['Journée portes ouvertes']],
    'summary.shownInGrid': [['Cliqueurs', n(1234)]],
    'summary.loaded': counted,
    'summary.linkFilter': [['Programme']],
    'summary.chartAlt': [
      [lang === 'fr' ? 'Ouvertures\u00a0: 12, Clics\u00a0: 3' : 'Opens: 12, Clicks: 3', lang === 'fr' ? 'Période la plus active\u00a0: 26/11/2026' : 'Busiest period: 26/11/2026'],
      [lang === 'fr' ? 'Ouvertures\u00a0: 12' : 'Opens: 12', undefined],
    ],
    'summary.peak': [['26/11/2026 21:00–22:00', n(1), 'Clics']],
    'summary.seriesTotal': [['Clics', n(1)]],
    'summary.bar': [['26/11/2026 21:00–22:00', n(1), 'Clics']],
    'summary.computed': counted,
    'summary.unavailable': [[n(200000)]],
  };
}

/** Every text of a catalogue, as [path, text]: strings as they are, functions called with their samples. */
function texts(messages: Messages, lang: Lang): [string, string][] {
  const args = samples(lang);
  const found: [string, string][] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') found.push([path, value]);
    else if (typeof value === 'function') {
      expect(args[path], `sample arguments for ${path} (test/i18n/messages.test.ts)`).to.be.an('array');
      for (const call of args[path]!) found.push([`${path}(${call.join(', ')})`, (value as (...a: unknown[]) => string)(...call)]);
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
    }
  };
  walk(messages, '');
  return found;
}

describe('messages', () => {
  describe('French typography', () => {
    const all = texts(fr, 'fr');

    it('puts U+00A0 before a colon and inside « », U+202F before ; ! ?, never a plain space', () => {
      const wrong = all.flatMap(([path, text]) => {
        const faults: string[] = [];
        if (/ [:;!?»]/.test(text)) faults.push('a plain space before : ; ! ? »');
        if (/« /.test(text)) faults.push('a plain space after «');
        if (/(?<!\u00a0):(?=\s|$)/.test(text)) faults.push('no U+00A0 before :');
        if (/(?<!\u202f)[;!?](?=\s|$)/.test(text)) faults.push('no U+202F before ; ! ?');
        if (/«(?!\u00a0)|(?<!\u00a0)»/.test(text)) faults.push('no U+00A0 inside « »');
        return faults.map((fault) => `${path}: ${fault} in ${JSON.stringify(text)}`);
      });
      expect(wrong).to.deep.equal([]);
    });

    it('never breaks a line inside a figure or between a number and its unit', () => {
      const wrong = all.filter(([, text]) => /\d \d{3}(?!\d)|\d (h|min|s|ms|em|%)(?![\p{L}])/u.test(text));
      expect(wrong).to.deep.equal([]);
      expect(fr.activityWithin[24]).to.equal('Dernières 24\u00a0h');
      expect(fr.exportProgress('10', '30\u202f000', 30000, 12)).to.equal('10 / 30\u202f000 lignes — encore environ 12\u00a0s');
    });

    it('has the typographic forms where they were plain spaces (samples)', () => {
      expect(fr.gridLabel('JPO')).to.equal('Statistiques par contact\u00a0: JPO');
      expect(fr.refreshFailed).to.equal("L'actualisation a échoué\u202f; les données affichées sont les précédentes.");
      expect(fr.list.noMatch('journee')).to.equal('Aucune campagne ne correspond à «\u00a0journee\u00a0».');
      expect(fr.summary.linkFilter('Programme')).to.equal('Lien «\u00a0Programme\u00a0»');
      expect(fr.campaignSheet.filterSeparator).to.equal('\u00a0: ');
      expect(fr.link.noAccount).to.equal("Indisponible\u00a0: vous n'avez pas de compte Sarbacane.");
    });
  });

  describe('English punctuation', () => {
    it('has no space before : ; ! ?', () => {
      const wrong = texts(en, 'en').filter(([, text]) => /\s[:;!?](?=\s|$)/.test(text));
      expect(wrong).to.deep.equal([]);
    });
  });

  describe('one spelling of e-mail', () => {
    it('writes « e-mail » in French, « E-mail » at the start, never Email or email', () => {
      const wrong = texts(fr, 'fr').filter(([, text]) => /\bemail|Email|E-Mail/.test(text));
      expect(wrong).to.deep.equal([]);
      expect(fr.columns.email).to.equal('E-mail');
      expect(fr.channel.email).to.equal('E-mail');
      expect(fr.searchPlaceholder).to.equal('Nom, e-mail ou téléphone');
      expect(fr.list.caption.email).to.equal('Campagnes e-mail');
    });

    it('writes « email » in English, « Email » at the start, never e-mail', () => {
      const wrong = texts(en, 'en').filter(([, text]) => /e-mail/i.test(text));
      expect(wrong).to.deep.equal([]);
      expect(en.columns.email).to.equal('Email');
      expect(en.searchPlaceholder).to.equal('Name, email or phone');
    });
  });

  describe('plurals', () => {
    it('follow Intl.PluralRules: French 0 and 1 singular, English 1 only; "many" reads as "other"', () => {
      const forms = { one: 'contact', other: 'contacts' };
      expect([0, 1, 2, 1.5, 1_000_000].map((count) => plural('fr', count, forms))).to.deep.equal(['contact', 'contact', 'contacts', 'contact', 'contacts']);
      expect([0, 1, 2, 1.5, 1_000_000].map((count) => plural('en', count, forms))).to.deep.equal(['contacts', 'contact', 'contacts', 'contacts', 'contacts']);
    });

    it('never write "(s)"', () => {
      const wrong = [...texts(fr, 'fr'), ...texts(en, 'en')].filter(([, text]) => /\(s\)|\(es\)/.test(text));
      expect(wrong).to.deep.equal([]);
    });

    it('agree at 0, 1 and 2 in French', () => {
      expect([0, 1, 2].map((c) => fr.rowCount(c, String(c)))).to.deep.equal(['0 contact', '1 contact', '2 contacts']);
      expect([0, 1, 2].map((c) => fr.filteredRowCount('0', String(c), c))).to.deep.equal(['0 sur 0 contact', '0 sur 1 contact', '0 sur 2 contacts']);
      expect([0, 1, 2].map((c) => fr.exporting(c, String(c)))).to.deep.equal([
        'Export de 0 ligne en cours…',
        'Export de 1 ligne en cours…',
        'Export de 2 lignes en cours…',
      ]);
      expect([0, 1, 2].map((c) => fr.exportProgress('0', String(c), c, undefined))).to.deep.equal(['0 / 0 ligne', '0 / 1 ligne', '0 / 2 lignes']);
      expect(fr.exportCellTruncated(1, '1')).to.equal("1 cellule dépassait 32\u202f767 caractères, la limite d'Excel\u00a0: son texte a été tronqué.");
      expect(fr.exportCellTruncated(2, '2')).to.equal("2 cellules dépassaient 32\u202f767 caractères, la limite d'Excel\u00a0: leur texte a été tronqué.");
      expect(fr.list.skipped(1, '1')).to.equal("1 campagne reçue est illisible\u00a0: elle n'est pas affichée.");
      expect(fr.list.skipped(2, '2')).to.equal('2 campagnes reçues sont illisibles\u00a0: elles ne sont pas affichées.');
      expect(fr.summary.computed(1, '1')).to.equal('Chiffres calculés à partir de 1 contact de la campagne.');
      expect(fr.summary.computed(2, '2')).to.equal('Chiffres calculés à partir des 2 contacts de la campagne.');
    });

    it('agree at 0, 1 and 2 in English', () => {
      expect([0, 1, 2].map((c) => en.rowCount(c, String(c)))).to.deep.equal(['0 contacts', '1 contact', '2 contacts']);
      expect([0, 1, 2].map((c) => en.filteredRowCount('0', String(c), c))).to.deep.equal(['0 of 0 contacts', '0 of 1 contact', '0 of 2 contacts']);
      expect([0, 1, 2].map((c) => en.exporting(c, String(c)))).to.deep.equal(['Exporting 0 rows…', 'Exporting 1 row…', 'Exporting 2 rows…']);
      expect([0, 1, 2].map((c) => en.exportProgress('0', String(c), c, undefined))).to.deep.equal(['0 / 0 rows', '0 / 1 row', '0 / 2 rows']);
      expect(en.exportCellTruncated(1, '1')).to.equal('1 cell was longer than 32,767 characters, the Excel limit: its text was truncated.');
      expect(en.exportCellTruncated(2, '2')).to.equal('2 cells were longer than 32,767 characters, the Excel limit: their text was truncated.');
      expect(en.list.skipped(0, '0')).to.equal('0 campaigns received are unreadable: they are not shown.');
      expect(en.list.skipped(1, '1')).to.equal('1 campaign received is unreadable: it is not shown.');
      expect(en.summary.computed(1, '1')).to.equal("Figures computed from the campaign's 1 contact.");
      expect(en.summary.computed(2, '2')).to.equal("Figures computed from the campaign's 2 contacts.");
    });

    it('need no agreement in the chart, where the count follows its label', () => {
      expect(fr.summary.bar('26/11/2026 21:00–22:00', '1', 'Clics')).to.equal('26/11/2026 21:00–22:00 — Clics\u00a0: 1');
      expect(en.summary.peak('26/11/2026, 21:00–22:00', '1', 'Clicks')).to.equal('Busiest period: 26/11/2026, 21:00–22:00 (clicks: 1).');
    });
  });

  describe('no developer wording', () => {
    const DEVELOPER = /dataSource|setDefaultDataSource|getStatsSummary|\w\(\)|attribute|campaign-id|stats-target|source de données|data source|undefined|null\b/i;

    for (const [lang, messages] of [['fr', fr], ['en', en]] as const) {
      it(`in ${lang}: no property, function, attribute or "data source" in what a user reads`, () => {
        expect(texts(messages, lang).filter(([, text]) => DEVELOPER.test(text))).to.deep.equal([]);
      });
    }

    it('says plainly that the page has no data, and whom to ask', () => {
      expect(fr.noDataSource).to.equal('Les données des campagnes ne sont pas disponibles sur cette page. Si le problème persiste, contactez votre administrateur.');
      expect(en.noDataSource).to.equal('Campaign data is not available on this page. If the problem persists, contact your administrator.');
    });
  });

  describe('no data source', () => {
    it('tells the user in plain words, the developer once in the console', async () => {
      setDefaultDataSource(undefined);
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
      try {
        const summary = await fixture<LitElement>(html`<campaign-stats-summary campaign-id="x"></campaign-stats-summary>`);
        const list = await fixture<LitElement>(html`<campaign-list lang="en"></campaign-list>`);
        const link = await fixture<LitElement>(html`<sarbacane-link campaign-id="x"></sarbacane-link>`);
        await waitForState(summary, 'error');
        await waitForState(list, 'error');
        await waitUntil(() => link.shadowRoot!.textContent!.includes(fr.noDataSource), 'the link does not say why it is disabled');
        expect(summary.shadowRoot!.textContent).to.contain(fr.noDataSource);
        expect(list.shadowRoot!.textContent).to.contain(en.noDataSource);
        // Once per element, however often it renders.
        summary.requestUpdate();
        await summary.updateComplete;
        const told = warnings.filter((w) => w.includes('setDefaultDataSource()')).map((w) => w.slice(0, w.indexOf('>') + 1));
        expect(told.sort()).to.deep.equal(['<campaign-list>', '<campaign-stats-summary>', '<sarbacane-link>']);
      } finally {
        console.warn = warn;
      }
    });
  });
});
