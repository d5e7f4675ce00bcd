import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/sarbacane-link.js';
import type { SarbacaneLink } from '../../src/components/sarbacane-link/sarbacane-link.js';
import { fr } from '../../src/i18n/fr.js';
import { EMAIL_CAMPAIGN } from '../helpers/fixtures.js';
import { TestDataSource } from '../helpers/test-data-source.js';
import { settle } from '../helpers/sarbacane-link.js';


const linkOf = (el: SarbacaneLink) => el.shadowRoot!.querySelector<HTMLAnchorElement>('[part~="link"]')!;
const reasonOf = (el: SarbacaneLink) => el.shadowRoot!.querySelector<HTMLElement>('[part~="reason"]');

describe('<sarbacane-link> layout', () => {
  afterEach(() => {
    document.documentElement.style.fontSize = '';
  });

  /** The link and its reason: inside `box`, not overlapping, their text not cut. */
  function expectInside(el: SarbacaneLink, box: DOMRect): void {
    const link = linkOf(el).getBoundingClientRect();
    expect(link.right, 'the link’s right edge').to.be.at.most(box.right + 0.5);
    expect(linkOf(el).scrollWidth, 'the link’s text is not cut').to.be.at.most(linkOf(el).clientWidth + 1);
    const reason = reasonOf(el)?.getBoundingClientRect();
    if (reason) {
      expect(reason.right, 'the reason’s right edge').to.be.at.most(box.right + 0.5);
      expect(reason.top, 'the reason is under the link').to.be.at.least(link.bottom - 0.5);
    }
  }

  for (const rootSize of ['', '20px']) {
    it(`wraps its label rather than overflowing a 180 px container${rootSize ? `, with a ${rootSize} root font size` : ''}`, async () => {
      document.documentElement.style.fontSize = rootSize;
      const enabledSource = new TestDataSource([EMAIL_CAMPAIGN]);
      const noAccount = new TestDataSource([EMAIL_CAMPAIGN]);
      noAccount.access = { hasAccount: false };
      const box = await fixture<HTMLDivElement>(html`<div style="width: 180px">
        <sarbacane-link campaign-id="c-email" .dataSource=${enabledSource}></sarbacane-link>
        <sarbacane-link campaign-id="c-email" .dataSource=${noAccount}></sarbacane-link>
      </div>`);
      const [enabled, disabled] = [...box.querySelectorAll('sarbacane-link')];
      await settle(enabled);
      await settle(disabled);
      expect(enabled.enabled).to.be.true;
      expect(disabled.enabled).to.be.false;
      // 0.875rem: 14 px at the browsers' default of 16 px, 17.5 px with a 20 px root.
      expect(getComputedStyle(linkOf(enabled)).fontSize).to.equal(rootSize ? '17.5px' : '14px');
      for (const el of [enabled, disabled]) expectInside(el, box.getBoundingClientRect());
      expect(linkOf(enabled).getBoundingClientRect().height, 'the label wrapped').to.be.greaterThan(40);
    });
  }

  it('keeps its visually hidden text inside a scrolling ancestor', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width: 120px; overflow: auto">
      <div style="width: max-content; padding-left: 1500px"><sarbacane-link campaign-id="c-email" .dataSource=${new TestDataSource([EMAIL_CAMPAIGN])}></sarbacane-link></div>
    </div>`);
    const el = box.querySelector('sarbacane-link')!;
    await settle(el);
    const hidden = el.shadowRoot!.querySelector('.visually-hidden')!;
    expect(hidden.textContent).to.equal(fr.link.newTab);
    expect(document.documentElement.scrollWidth).to.be.at.most(innerWidth);
  });
});
