import { expect } from '@open-wc/testing';
import { defineElement } from '../../src/internal/define.js';

const element = (version: string) => class extends HTMLElement { static version = version; };

describe('defineElement', () => {
  it('never throws for a tag already defined, and warns once per page for another version', () => {
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('hub3e.campaign-stats.version-warned')];
    const tags = ['x-define-a', 'x-define-b', 'x-define-c'];
    const first = tags.map(() => element('1.0.0'));
    tags.forEach((tag, i) => defineElement(tag, first[i]!));
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      // A second copy of the same version, then a copy of another version, of all three tags.
      tags.forEach((tag) => defineElement(tag, element('1.0.0')));
      tags.forEach((tag) => defineElement(tag, element('2.0.0')));
    } finally {
      console.warn = original;
    }
    expect(tags.map((tag) => customElements.get(tag))).to.deep.equal(first);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('1.0.0').and.contain('2.0.0');
  });
});
