import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../src/define/campaign-list.js';
import type { CampaignList } from '../../src/components/campaign-list/campaign-list.js';
import type { SarbacaneLink } from '../../src/components/sarbacane-link/sarbacane-link.js';
import type { Campaign } from '../../src/data/campaign-data-source.js';
import { DataSourceError } from '../../src/data/data-source-error.js';
import { finished, settle, unfinished } from '../helpers/campaign-list.js';
import { boundaryContrast, contrastRatio, failures, parseColor, textContrasts } from '../helpers/contrast.js';
import { EMAIL_CAMPAIGN } from '../helpers/fixtures.js';
import { TestDataSource } from '../helpers/test-data-source.js';

const DEFAULT_VIEWPORT = { width: 800, height: 600 };
/** WCAG 1.4.3 for text (all of it is below the large-text size), 1.4.11 for the boundaries of controls. */
const TEXT = 4.5;
const BOUNDARY = 3;

const every = (): Campaign[] => [unfinished('draft'), unfinished('scheduled'), unfinished('sending'), unfinished('cancelled'), ...finished('email', 3)];

async function renderList(list: Campaign[], ds = new TestDataSource(list), pageSize = 10): Promise<CampaignList> {
  const el = await fixture<CampaignList>(html`<campaign-list page-size=${pageSize} .dataSource=${ds}></campaign-list>`);
  await settle(el);
  const links = [...el.shadowRoot!.querySelectorAll<SarbacaneLink>('sarbacane-link')];
  await Promise.all(links.map((l) => l.updateComplete));
  await waitUntil(() => links.every((l) => !l.shadowRoot!.querySelector('[aria-busy="true"]')), 'the links are settled');
  return el;
}

const rows = (el: CampaignList) => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')];
const statsButtonOf = (row: Element) => row.querySelector<HTMLButtonElement>('[part~="stats-button"]')!;
const innerLinkOf = (row: Element) => row.querySelector<SarbacaneLink>('sarbacane-link')!.shadowRoot!.querySelector<HTMLElement>('[part~="link"]')!;
const labelled = (el: CampaignList) => [...el.shadowRoot!.querySelectorAll('[data-label]')];

async function hover(element: Element): Promise<void> {
  element.scrollIntoView({ block: 'center' });
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'move', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
}

function expectReadable(root: ParentNode, withBefore: Element[] = [], what = 'text'): void {
  const measured = textContrasts(root, withBefore);
  expect(measured.length, `${what}: texts measured`).to.be.greaterThan(0);
  expect(failures(measured, TEXT), `${what} below ${TEXT}:1`).to.deep.equal([]);
}

/** What makes a control look enabled or not. */
function looks(control: Element): string {
  const s = getComputedStyle(control);
  return [s.color, s.backgroundColor, s.borderTopColor, s.filter, s.opacity, s.cursor, s.textDecorationLine].join(' | ');
}

/** The computed value of a CSS system colour, as the page renders it now. */
function systemColor(name: string): string {
  const probe = document.createElement('span');
  probe.style.color = name;
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

describe('<campaign-list> and <sarbacane-link> colours', () => {
  const guard = (event: MouseEvent) => event.preventDefault();

  beforeEach(() => window.addEventListener('click', guard));

  afterEach(async () => {
    window.removeEventListener('click', guard);
    await resetMouse();
    await emulateMedia({ forcedColors: 'none' });
    await setViewport(DEFAULT_VIEWPORT);
  });

  describe('contrast (WCAG 2.1 AA)', () => {
    for (const [width, layout] of [
      [1280, 'table'],
      [390, 'cards'],
    ] as const) {
      it(`keeps every text of the list at ${TEXT}:1 or more, hovered and current rows included (${layout})`, async () => {
        await setViewport({ width, height: 800 });
        const ds = new TestDataSource(every());
        const el = await renderList(every(), ds, 3);
        expectReadable(el.shadowRoot!, labelled(el), 'the list');

        for (const row of rows(el)) {
          await hover(row.querySelector('[part~="name"]')!);
          expectReadable(row, labelled(el).filter((c) => row.contains(c)), `hovered row ${row.textContent!.trim().slice(0, 20)}`);
        }
        // The next page holds finished campaigns: open one, it becomes the current row.
        el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="next-button"]')!.click();
        await settle(el);
        await waitUntil(() => rows(el).some((r) => !statsButtonOf(r).hasAttribute('aria-disabled')));
        const row = rows(el).find((r) => !statsButtonOf(r).hasAttribute('aria-disabled'))!;
        statsButtonOf(row).click();
        await el.updateComplete;
        expect(row.getAttribute('aria-current')).to.equal('true');
        await resetMouse();
        expectReadable(el.shadowRoot!, labelled(el), 'the list with a current row');
        await hover(row.querySelector('[part~="name"]')!);
        expectReadable(row, [], 'the current row hovered');
      });
    }

    it('keeps the states of the list readable: no match, empty, error, skipped campaigns, a failed refresh', async () => {
      const ds = new TestDataSource(finished('email', 2));
      ds.failures.set('listCampaigns', new DataSourceError('network', 'offline'));
      const failed = await renderList([], ds);
      expectReadable(failed.shadowRoot!, [], 'the error state');
      expect(boundaryContrast(failed.shadowRoot!.querySelector('[part~="retry-button"]')!)).to.be.at.least(BOUNDARY);

      const empty = await renderList([]);
      expectReadable(empty.shadowRoot!, [], 'the empty state');

      // A failed reload over a shown page: the error banner above the rows.
      const reloaded = await renderList(finished('email', 2));
      const source = new TestDataSource(finished('email', 2));
      source.failures.set('listCampaigns', new DataSourceError('server', 'HTTP 500', { status: 500 }));
      reloaded.dataSource = source;
      await settle(reloaded);
      expect(reloaded.shadowRoot!.querySelector('.banner')).to.exist;
      expectReadable(reloaded.shadowRoot!, [], 'the error banner');

      class Sloppy extends TestDataSource {
        override async listCampaigns() {
          return { campaigns: [...finished('email', 1), null] as Campaign[], total: 2 };
        }
      }
      const skipped = await renderList([], new Sloppy([]));
      expect(skipped.shadowRoot!.querySelector('[part~="skipped"]')).to.exist;
      expectReadable(skipped.shadowRoot!, [], 'the skipped note');
    });

    it(`gives the boundaries of the list’s controls ${BOUNDARY}:1 or more: search box, buttons, links, focus ring`, async () => {
      // Five a page: the first page ends with a finished campaign, and « Suivant » is enabled.
      const el = await renderList(every(), undefined, 5);
      const root = el.shadowRoot!;
      const enabledRow = rows(el).find((r) => !statsButtonOf(r).hasAttribute('aria-disabled'))!;
      const controls: [string, Element][] = [
        ['search box', root.querySelector('[part~="search"]')!],
        ['Suivant', root.querySelector('[part~="next-button"]')!],
        ['stats button', statsButtonOf(enabledRow)],
        ['Sarbacane link', innerLinkOf(enabledRow)],
      ];
      for (const [what, control] of controls) expect(boundaryContrast(control), what).to.be.at.least(BOUNDARY);

      root.querySelector<HTMLInputElement>('[part~="search"]')!.focus();
      await sendKeys({ press: 'Tab' });
      const focused = root.activeElement!;
      const ring = getComputedStyle(focused);
      expect(ring.outlineStyle).to.equal('solid');
      expect(contrastRatio(parseColor(ring.outlineColor), parseColor('rgb(255, 255, 255)')), 'focus ring').to.be.at.least(BOUNDARY);
    });

    it(`keeps the link’s texts at ${TEXT}:1 in each of its states`, async () => {
      const states: [string, (ds: TestDataSource) => void][] = [
        ['enabled', () => undefined],
        ['no account', (ds) => (ds.access = { hasAccount: false })],
        ['not on Sarbacane', (ds) => (ds.access = { hasAccount: true })],
        ['error with retry', (ds) => ds.failures.set('getSarbacaneAccess', new DataSourceError('server', 'HTTP 500', { status: 500 }))],
        ['checking', (ds) => ds.hold('getSarbacaneAccess')],
      ];
      for (const [state, setUp] of states) {
        const ds = new TestDataSource([EMAIL_CAMPAIGN]);
        setUp(ds);
        const link = await fixture<SarbacaneLink>(html`<sarbacane-link campaign-id=${EMAIL_CAMPAIGN.id} .dataSource=${ds}></sarbacane-link>`);
        await waitUntil(() => link.shadowRoot!.querySelector('[part~="link"]'), `${state}: rendered`);
        if (state !== 'checking') await waitUntil(() => !link.shadowRoot!.querySelector('[aria-busy="true"]'), `${state}: settled`);
        expectReadable(link.shadowRoot!, [], `the link, ${state}`);
        const control = link.shadowRoot!.querySelector('[part~="link"]')!;
        if (state === 'enabled') expect(boundaryContrast(control), 'enabled link').to.be.at.least(BOUNDARY);
        const retry = link.shadowRoot!.querySelector('[part~="retry-button"]');
        if (retry) expect(boundaryContrast(retry), 'retry').to.be.at.least(BOUNDARY);
        ds.release('getSarbacaneAccess');
      }
    });
  });

  describe('hovering disabled actions', () => {
    for (const [width, layout] of [
      [1280, 'table'],
      [390, 'cards'],
    ] as const) {
      it(`does not make a disabled action look enabled, in every state (${layout})`, async () => {
        await setViewport({ width, height: 800 });
        const ds = new TestDataSource(every());
        const el = await renderList(every(), ds, 10);
        const enabledRow = rows(el).find((r) => !statsButtonOf(r).hasAttribute('aria-disabled'))!;
        await hover(statsButtonOf(enabledRow));
        const enabledHovered = looks(statsButtonOf(enabledRow));

        for (const row of rows(el).filter((r) => statsButtonOf(r).hasAttribute('aria-disabled'))) {
          for (const control of [statsButtonOf(row), innerLinkOf(row)]) {
            await resetMouse();
            const still = looks(control);
            await hover(control);
            expect(looks(control), `${row.textContent!.trim().slice(0, 20)}: ${control.getAttribute('part')} hovered`).to.equal(still);
            expect(looks(control)).to.not.equal(enabledHovered);
          }
        }
      });
    }

    it('does not make the link disabled for want of an account look enabled either', async () => {
      const ds = new TestDataSource(finished('email', 1));
      ds.access = { hasAccount: false };
      const el = await renderList(finished('email', 1), ds);
      const link = innerLinkOf(rows(el)[0]);
      expect(link.getAttribute('aria-disabled')).to.equal('true');
      const still = looks(link);
      await hover(link);
      expect(looks(link)).to.equal(still);
    });

    it('does not light up a disabled pager button', async () => {
      const el = await renderList(finished('email', 5), undefined, 2);
      const previous = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="previous-button"]')!;
      expect(previous.disabled).to.be.true;
      const still = looks(previous);
      await hover(previous);
      expect(looks(previous)).to.equal(still);
      expect(still).to.not.equal(looks(el.shadowRoot!.querySelector('[part~="next-button"]')!));
    });
  });

  describe('forced colours (Windows high contrast)', () => {
    it('keeps enabled and disabled actions apart, badges framed and the focus visible, with system colours', async () => {
      await setViewport({ width: 1280, height: 800 });
      await emulateMedia({ forcedColors: 'active' });
      expect(matchMedia('(forced-colors: active)').matches).to.be.true;
      const gray = systemColor('GrayText');
      const buttonText = systemColor('ButtonText');
      const canvasText = systemColor('CanvasText');
      const highlight = systemColor('Highlight');
      const linkText = systemColor('LinkText');
      expect(gray).to.not.equal(buttonText);

      const el = await renderList(every(), undefined, 10);
      const disabledRow = rows(el).find((r) => statsButtonOf(r).hasAttribute('aria-disabled'))!;
      const enabledRow = rows(el).find((r) => !statsButtonOf(r).hasAttribute('aria-disabled'))!;

      const disabled = getComputedStyle(statsButtonOf(disabledRow));
      const enabled = getComputedStyle(statsButtonOf(enabledRow));
      expect([disabled.color, disabled.borderTopColor], 'disabled « Statistiques par contact »').to.deep.equal([gray, gray]);
      expect(enabled.borderTopColor, 'enabled « Statistiques par contact »').to.equal(buttonText);
      expect(enabled.color).to.not.equal(gray);

      const disabledLink = getComputedStyle(innerLinkOf(disabledRow));
      const enabledLink = getComputedStyle(innerLinkOf(enabledRow));
      expect([disabledLink.color, disabledLink.borderTopColor], 'disabled link').to.deep.equal([gray, gray]);
      expect([enabledLink.color, enabledLink.borderTopColor], 'enabled link').to.deep.equal([linkText, buttonText]);

      for (const badge of el.shadowRoot!.querySelectorAll('[part~="badge"]')) {
        const style = getComputedStyle(badge);
        expect([style.borderTopStyle, style.borderTopColor], badge.textContent!.trim()).to.deep.equal(['solid', canvasText]);
        expect(Number.parseFloat(style.borderTopWidth)).to.be.at.least(1);
      }

      // Hovering a disabled action changes nothing here either.
      const still = looks(statsButtonOf(disabledRow));
      await hover(statsButtonOf(disabledRow));
      expect(looks(statsButtonOf(disabledRow))).to.equal(still);

      el.shadowRoot!.querySelector<HTMLInputElement>('[part~="search"]')!.focus();
      await sendKeys({ press: 'Tab' });
      const ring = getComputedStyle(el.shadowRoot!.activeElement!);
      expect([ring.outlineStyle, ring.outlineColor], 'focus ring').to.deep.equal(['solid', highlight]);

      // The campaign last opened keeps a mark without its background.
      statsButtonOf(enabledRow).click();
      await el.updateComplete;
      const name = getComputedStyle(enabledRow.querySelector('[part~="name"]')!);
      expect([name.outlineStyle, name.outlineColor], 'the current name in the table').to.deep.equal(['solid', highlight]);
      await setViewport({ width: 390, height: 800 });
      const card = getComputedStyle(enabledRow);
      expect([card.display, card.outlineStyle, card.outlineColor], 'the current card').to.deep.equal(['grid', 'solid', highlight]);
    });
  });
});
