import { expect } from '@open-wc/testing';
import { DataSourceError } from '../../src/data/data-source-error.js';
import { fr } from '../../src/i18n/fr.js';
import { describeError } from '../../src/internal/error-message.js';

/** A DataSourceError as another copy of the library (another bundle on the page) makes it. */
class OtherCopyError extends Error {
  get [Symbol.for('hub3e.campaign-stats.data-source-error')]() {
    return true;
  }
  constructor(readonly kind: string, readonly retryable: boolean) {
    super('from another bundle');
  }
}

describe('describeError', () => {
  it('recognises a DataSourceError of this copy and of any other copy of the library', () => {
    expect(describeError(new DataSourceError('access', 'HTTP 401'), fr)).to.deep.equal({ message: fr.errors.access, retryable: false });
    const foreign = new OtherCopyError('access', false);
    expect(foreign instanceof DataSourceError).to.equal(true);
    expect(describeError(foreign, fr)).to.deep.equal({ message: fr.errors.access, retryable: false });
  });

  it('falls back to the generic message for a kind this copy does not know, and for other errors', () => {
    expect(describeError(new OtherCopyError('quota', true), fr)).to.deep.equal({ message: fr.errors.unknown, retryable: true });
    expect(new Error('x') instanceof DataSourceError).to.equal(false);
    expect(describeError(new Error('x'), fr)).to.deep.equal({ message: fr.errors.unknown, retryable: true });
  });
});
