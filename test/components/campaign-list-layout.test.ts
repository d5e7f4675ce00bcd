import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../src/define/campaign-list.js';
import type { CampaignList } from '../../src/components/campaign-list/campaign-list.js';
import type { SarbacaneLink } from '../../src/components/sarbacane-link/sarbacane-link.js';
import type { Campaign } from '../../src/data/campaign-data-source.js';
import { en } from '../../src/i18n/en.js';
import { fr } from '../../src/i18n/fr.js';
import { finished, settle, unfinished } from '../helpers/campaign-list.js';
import { TestDataSource } from '../helpers/test-data-source.js';

const DEFAULT_VIEWPORT = { width: 800, height: 600 };

/** A page of every kind of row: unfinished ones (actions disabled, with the reason), finished ones, a long name. */
function campaigns(): Campaign[] {
  const long = { ...finished('email', 1)[0], id: 'email-long', name: "Réseau national des écoles : salons de l'orientation et portes ouvertes de printemps" };
  return [unfinished('draft'), unfinished('scheduled'), unfinished('sending'), unfinished('cancelled'), ...finished('email', 3), long];
}

async function renderIn(lang: 'fr' | 'en', list: Campaign[] = campaigns()): Promise<CampaignList> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><campaign-list page-size="10" .dataSource=${new TestDataSource(list)}></campaign-list></div>`);
  const el = wrapper.querySelector('campaign-list')!;
  await settle(el);
  const links = [...el.shadowRoot!.querySelectorAll<SarbacaneLink>('sarbacane-link')];
  const finishedCount = list.filter((c) => c.status === 'finished').length;
  await waitUntil(() => links.filter((l) => l.enabled).length === finishedCount, 'the finished campaigns’ links are enabled');
  return el;
}

const rows = (el: CampaignList) => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')];
const statsButtonOf = (row: Element) => row.querySelector<HTMLButtonElement>('[part~="stats-button"]')!;
const linkOf = (row: Element) => row.querySelector<SarbacaneLink>('sarbacane-link')!;
const innerLinkOf = (row: Element) => linkOf(row).shadowRoot!.querySelector<HTMLAnchorElement>('[part~="link"]')!;

/** The innermost element at a point, through shadow roots. */
function deepElementFromPoint(x: number, y: number): Element | null {
  let element = document.elementFromPoint(x, y);
  while (element?.shadowRoot) {
    const inner = element.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === element) break;
    element = inner;
  }
  return element;
}

/**
 * Whether `control` is fully in the viewport once scrolled to, and is what a click at its centre
 * hits (or `host`, when the text hit is slotted into it).
 */
function reachable(control: Element, host?: Element): { inside: boolean; hit: boolean } {
  control.scrollIntoView({ block: 'center' });
  const box = control.getBoundingClientRect();
  const inside = box.left >= 0 && box.right <= innerWidth && box.top >= 0 && box.bottom <= innerHeight && box.width > 0;
  const target = deepElementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return { inside, hit: target !== null && (control.contains(target) || target === host) };
}

async function clickCenter(element: Element): Promise<void> {
  element.scrollIntoView({ block: 'center' });
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
}

/** What a screen reader reads of `node`, in order: the flat tree, without display:none nor aria-hidden subtrees. */
function readableText(node: Node): string {
  if (node instanceof Text) return node.data;
  if (node instanceof Element) {
    if (node.getAttribute('aria-hidden') === 'true' || getComputedStyle(node).display === 'none') return '';
    if (node instanceof HTMLSlotElement) {
      const assigned = node.assignedNodes({ flatten: true });
      return (assigned.length ? assigned : [...node.childNodes]).map(readableText).join(' ');
    }
    const children = node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
    return [...children].map(readableText).join(' ');
  }
  return '';
}

/** The accessible description given by aria-describedby (ids in the control's own tree). */
function descriptionOf(control: Element): string {
  const root = control.getRootNode() as ShadowRoot;
  return (control.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => root.getElementById(id)?.textContent?.trim() ?? '')
    .join(' ');
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

/** The boxes that must never overlap in a row: its texts and controls. */
function rowBoxes(row: HTMLTableRowElement): { what: string; box: DOMRect }[] {
  const textBox = (element: Element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return range.getBoundingClientRect();
  };
  const boxes = [
    { what: 'name', box: textBox(row.querySelector('[part~="name"]')!) },
    { what: 'badge', box: row.querySelector('[part~="badge"]')!.getBoundingClientRect() },
    { what: 'date', box: (row.querySelector('time') ?? row.querySelector('[part~="date"] [aria-hidden]')!).getBoundingClientRect() },
    { what: 'recipients', box: textBox(row.querySelector('[part~="recipients"]')!) },
    { what: 'stats button', box: statsButtonOf(row).getBoundingClientRect() },
    { what: 'link', box: innerLinkOf(row).getBoundingClientRect() },
  ];
  const reason = row.querySelector('[part~="reason"]');
  if (reason) boxes.push({ what: 'reason', box: reason.getBoundingClientRect() });
  return boxes;
}

function overlaps(a: DOMRect, b: DOMRect): boolean {
  const tolerance = 0.5;
  return a.left < b.right - tolerance && b.left < a.right - tolerance && a.top < b.bottom - tolerance && b.top < a.bottom - tolerance;
}

function expectNoOverlap(el: CampaignList): void {
  const problems: string[] = [];
  for (const row of rows(el)) {
    const name = row.querySelector('[part~="name"]')!.textContent!.trim();
    const rowBox = row.getBoundingClientRect();
    const boxes = rowBoxes(row);
    boxes.forEach((a, i) => {
      if (a.box.bottom > rowBox.bottom + 0.5 || a.box.right > rowBox.right + 0.5) problems.push(`${name}: ${a.what} spills out of its row`);
      for (const b of boxes.slice(i + 1)) if (overlaps(a.box, b.box)) problems.push(`${name}: ${a.what} overlaps ${b.what}`);
    });
    for (const control of [statsButtonOf(row), innerLinkOf(row)]) {
      if (control.scrollWidth > control.clientWidth + 1) problems.push(`${name}: the text of ${control.getAttribute('part')} is cut`);
    }
  }
  expect(problems).to.deep.equal([]);
}

describe('<campaign-list> layout', () => {
  // No test may open a real tab (a Sarbacane link click): clicks that reach the window are cancelled.
  const guard = (event: MouseEvent) => event.preventDefault();

  beforeEach(() => window.addEventListener('click', guard));

  afterEach(async () => {
    window.removeEventListener('click', guard);
    document.documentElement.style.fontSize = '';
    await resetMouse();
    await setViewport(DEFAULT_VIEWPORT);
    window.scrollTo(0, 0);
  });

  describe('narrow screens', () => {
    for (const width of [320, 390]) {
      for (const lang of ['fr', 'en'] as const) {
        it(`at ${width} px (${lang}), shows cards, never scrolls sideways, and keeps both actions in view and clickable`, async () => {
          await setViewport({ width, height: 800 });
          const el = await renderIn(lang);
          expect(document.documentElement.scrollWidth, 'page width').to.be.at.most(innerWidth);
          expect(getComputedStyle(rows(el)[0]).display, 'a card per campaign').to.equal('grid');

          const problems: string[] = [];
          for (const row of rows(el)) {
            const name = row.querySelector('[part~="name"]')!.textContent!.trim();
            for (const [what, control, host] of [['stats button', statsButtonOf(row)], ['link', innerLinkOf(row), linkOf(row)]] as const) {
              const { inside, hit } = reachable(control, host);
              if (!inside) problems.push(`${name}: ${what} is not inside the viewport`);
              if (!hit) problems.push(`${name}: ${what} is covered`);
            }
          }
          expect(problems).to.deep.equal([]);

          // A real click on each action of a finished campaign does what it says.
          const row = rows(el).find((r) => !statsButtonOf(r).hasAttribute('aria-disabled'))!;
          const opened = oneEvent(el, 'campaign-stats-open');
          await clickCenter(statsButtonOf(row));
          expect((await opened).detail.campaign.id).to.equal('email-1');
          const navigating = oneEvent(linkOf(row), 'sarbacane-navigate');
          await clickCenter(innerLinkOf(row));
          expect((await navigating).detail.campaign.id).to.equal('email-1');
          expect(document.documentElement.scrollWidth, 'page width after the clicks').to.be.at.most(innerWidth);
        });
      }
    }

    it('labels the date and the recipients visibly in a card, without saying the label twice', async () => {
      await setViewport({ width: 390, height: 800 });
      const el = await renderIn('fr');
      const row = rows(el).find((r) => r.querySelector('time'))!;
      const date = row.querySelector('[part~="date"]')!;
      const recipients = row.querySelector('[part~="recipients"]')!;
      expect(date.getAttribute('data-label')).to.equal(fr.list.columnSendFinishedAt);
      expect(recipients.getAttribute('data-label')).to.equal(fr.list.columnRecipients);
      for (const cell of [date, recipients]) {
        const before = getComputedStyle(cell, '::before');
        expect(before.display).to.equal('block');
        // The label's alternative text is empty: the (hidden) column header names the cell.
        expect(before.content).to.match(/^attr\(data-label\) \/ ""$|^"[^"]+" \/ ""$/);
      }
      // The header row is only said: no taller than a pixel, not display:none.
      const header = el.shadowRoot!.querySelector('thead')!;
      expect(header.getBoundingClientRect().height).to.be.at.most(1);
      expect(getComputedStyle(header).display).to.not.equal('none');
    });

    it('shows the table with its header row in a wide container, and no card labels', async () => {
      await setViewport({ width: 1280, height: 800 });
      const el = await renderIn('fr');
      const row = rows(el)[0];
      expect(getComputedStyle(row).display).to.equal('table-row');
      expect(getComputedStyle(row.querySelector('[part~="date"]')!, '::before').content).to.equal('none');
      expect(el.shadowRoot!.querySelector('thead')!.getBoundingClientRect().height).to.be.greaterThan(10);
      expect(document.documentElement.scrollWidth).to.be.at.most(innerWidth);
    });

    it('keeps the table semantics in cards: explicit roles on every table element', async () => {
      await setViewport({ width: 390, height: 800 });
      const el = await renderIn('fr');
      const root = el.shadowRoot!;
      const roles = (selector: string) => [...root.querySelectorAll(selector)].map((e) => e.getAttribute('role'));
      expect(roles('table')).to.deep.equal(['table']);
      expect(roles('thead, tbody')).to.deep.equal(['rowgroup', 'rowgroup']);
      expect(new Set(roles('tr'))).to.deep.equal(new Set(['row']));
      expect(new Set(roles('thead th'))).to.deep.equal(new Set(['columnheader']));
      expect(new Set(roles('tbody th'))).to.deep.equal(new Set(['rowheader']));
      expect(new Set(roles('tbody td'))).to.deep.equal(new Set(['cell']));
      expect(root.querySelectorAll('tbody tr > *:not(th, td)')).to.have.length(0);
    });

    for (const lang of ['fr', 'en'] as const) {
      it(`is accessible in cards (axe, ${lang})`, async () => {
        await setViewport({ width: 390, height: 800 });
        const el = await renderIn(lang);
        expect(getComputedStyle(rows(el)[0]).display).to.equal('grid');
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('the reader’s font size', () => {
    for (const [width, mode] of [
      [1400, 'table-row'],
      [1024, 'table-row'],
      [390, 'grid'],
      [320, 'grid'],
    ] as const) {
      it(`follows a 20 px root font size with nothing overlapping, at ${width} px`, async () => {
        await setViewport({ width, height: 900 });
        document.documentElement.style.fontSize = '20px';
        const el = await renderIn('fr');
        // 0.875rem: 14 px at the browsers' default of 16 px, 17.5 px here.
        expect(getComputedStyle(el).fontSize).to.equal('17.5px');
        expect(getComputedStyle(statsButtonOf(rows(el)[0])).fontSize).to.equal('17.5px');
        expect(getComputedStyle(rows(el)[0]).display).to.equal(mode);
        expectNoOverlap(el);
        expect(document.documentElement.scrollWidth, 'page width').to.be.at.most(innerWidth);
        const search = el.shadowRoot!.querySelector('[part~="search"]')!.getBoundingClientRect();
        const label = el.shadowRoot!.querySelector('.search-label')!.getBoundingClientRect();
        expect(overlaps(search, label), 'the search box and its label').to.be.false;
      });
    }
  });

  describe('what a screen reader says', () => {
    for (const status of ['draft', 'scheduled', 'sending', 'cancelled'] as const) {
      it(`says why the actions of a ${status} campaign are disabled once in the row, and once per control`, async () => {
        const el = await renderIn('fr', [unfinished(status), ...finished('email', 1)]);
        const row = rows(el)[0];
        const reason = fr.list.unavailable[status];
        expect(descriptionOf(statsButtonOf(row))).to.equal(reason);
        // The link describes itself with its own reason, which is hidden in the row (display:
        // none is still read as a description) rather than read a second time.
        const linkReason = fr.link.notFinished[status];
        expect(descriptionOf(innerLinkOf(row))).to.equal(linkReason);
        expect(getComputedStyle(linkOf(row).shadowRoot!.getElementById('reason')!).display).to.equal('none');
        const said = readableText(row);
        expect(occurrences(said, reason), `the row reads: ${said}`).to.equal(1);
      });
    }

    it('marks the campaign last opened with aria-current="true"', async () => {
      const el = await renderIn('fr', finished('email', 3));
      expect(rows(el).filter((r) => r.hasAttribute('aria-current'))).to.have.length(0);
      await clickCenter(statsButtonOf(rows(el)[1]));
      await el.updateComplete;
      expect(rows(el).map((r) => r.getAttribute('aria-current'))).to.deep.equal([null, 'true', null]);
      expect(rows(el)[1].getAttribute('part')).to.equal('row row-current');
    });

    it('names the table by its caption in cards too', async () => {
      await setViewport({ width: 390, height: 800 });
      const el = await renderIn('en');
      const caption = el.shadowRoot!.querySelector('table > caption')!;
      expect(caption.textContent!.trim()).to.equal(en.list.caption.email);
      expect(readableText(el.shadowRoot!.querySelector('thead')!)).to.contain(en.list.columnRecipients);
    });
  });
});
