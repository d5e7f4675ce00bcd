import { expect } from '@open-wc/testing';
import { parseIsoDate } from '../../src/internal/iso-date.js';

describe('parseIsoDate', () => {
  it('reads ISO 8601 dates and date-times, with or without an offset', () => {
    expect(parseIsoDate('2026-11-26T20:30:00.000Z')).to.equal(Date.UTC(2026, 10, 26, 20, 30));
    expect(parseIsoDate('2026-11-26T21:30:00+01:00')).to.equal(Date.UTC(2026, 10, 26, 20, 30));
    expect(parseIsoDate('2024-02-29')).to.equal(Date.UTC(2024, 1, 29));
  });

  it('reads every form it documents, as Date.parse reads it', () => {
    for (const value of ['2026-11-26T20:30', '2026-11-26T20:30Z', '2026-11-26T20:30:15', '2026-11-26T20:30:15.1Z', '2026-11-26T20:30:15.123456789Z', '2026-11-26T21:30:00+0100', '2026-11-26T15:30:00-05:00', '2000-02-29']) {
      expect(parseIsoDate(value), value).to.equal(Date.parse(value));
    }
  });

  it('refuses a malformed time, fraction or offset', () => {
    for (const value of ['2026-11-26T', '2026-11-26T20', '2026-11-26 20:30', '2026-11-26T20:60', '2026-11-26T20:30:60', '2026-11-26T20:30:15.', '2026-11-26T20:30:15.1234567890Z', '2026-11-26T20:30Zz', '2026-11-26T20:30+1', '2026-11-26T20:30+01:0', '2026-11-26T20:30+01:000', '1900-02-29', '2026-1-26', '２０２６-11-26']) {
      expect(parseIsoDate(value), value).to.equal(undefined);
    }
  });

  it('takes nothing else for a date, whatever Date.parse would make of it', () => {
    for (const value of ['1', '1/3', '2026-02-30', '2025-02-29', '2026-13-01', '2026-11-26T24:00:00Z', '26/11/2026', 'hier', '', ' 2026-11-26', 20261126, null, {}]) {
      expect(parseIsoDate(value), String(value)).to.equal(undefined);
    }
  });
});
