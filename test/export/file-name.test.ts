import { expect } from '@open-wc/testing';
import { exportFileName } from '../../src/export/file-name.js';
import { en } from '../../src/i18n/en.js';
import { fr } from '../../src/i18n/fr.js';

const day = new Date(2026, 10, 26, 21, 30);

describe('exportFileName', () => {
  it('is <campaign name>_statistiques_<YYYY-MM-DD>.xlsx', () => {
    expect(exportFileName("Offres d'alternance de la rentrée", day, 'statistiques')).to.equal("Offres d'alternance de la rentrée_statistiques_2026-11-26.xlsx");
  });

  it('ends in .csv for a CSV export', () => {
    expect(exportFileName('Open day', day, 'statistics', 'csv')).to.equal('Open day_statistics_2026-11-26.csv');
    expect(exportFileName('JPO', day, 'statistiques', 'csv')).to.equal('JPO_statistiques_2026-11-26.csv');
  });

  it('replaces the characters file systems refuse', () => {
    expect(exportFileName('JPO: 6/12 <Lyon> "campus" | a\\b? *new*', day, 'statistiques')).to.equal('JPO - 6_12 _Lyon_ _campus_ - a_b_ _new__statistiques_2026-11-26.xlsx');
    expect(exportFileName('Tab\there\nline', day, 'statistiques')).to.equal('Tab_here_line_statistiques_2026-11-26.xlsx');
  });

  it('writes a colon before a space, or a separator alone between spaces, as " - "', () => {
    expect(exportFileName('Journée portes ouvertes : samedi 6 décembre', day, 'statistiques')).to.equal('Journée portes ouvertes - samedi 6 décembre_statistiques_2026-11-26.xlsx');
    expect(exportFileName('Journée portes ouvertes\u00a0: samedi', day, 'statistiques')).to.equal('Journée portes ouvertes - samedi_statistiques_2026-11-26.xlsx');
    expect(exportFileName('Open day: Saturday  |  Lyon / Paris', day, 'statistiques')).to.equal('Open day - Saturday - Lyon - Paris_statistiques_2026-11-26.xlsx');
    expect(exportFileName('Relance :', day, 'statistiques')).to.equal('Relance_statistiques_2026-11-26.xlsx');
    // A colon inside a word or a time is no separator.
    expect(exportFileName('Webinaire 10:30', day, 'statistiques')).to.equal('Webinaire 10_30_statistiques_2026-11-26.xlsx');
  });

  it('says statistics in English, from the English messages', () => {
    expect(exportFileName('Open day', day, 'statistics')).to.equal('Open day_statistics_2026-11-26.xlsx');
    expect(exportFileName('Open day', day, en.fileNameWord, 'csv')).to.equal('Open day_statistics_2026-11-26.csv');
    expect(exportFileName('Journée portes ouvertes', day, fr.fileNameWord)).to.equal('Journée portes ouvertes_statistiques_2026-11-26.xlsx');
  });

  it('replaces bidi controls, non-characters and lone surrogates, so that the name shows what it is', () => {
    expect(exportFileName('Rapport\u202Exslx.exe', day, 'statistiques')).to.equal('Rapport_xslx.exe_statistiques_2026-11-26.xlsx');
    expect(exportFileName('a\u2066b\u200Fc\uFFFEd\uFDD0e\uD800f 😀', day, 'statistiques')).to.equal('a_b_c_d_e_f 😀_statistiques_2026-11-26.xlsx');
  });

  it('never gives an empty, reserved or dot-ended name', () => {
    // No name left: the word alone, in the user's language (no French "campagne" under English).
    expect(exportFileName('   ', day, 'statistiques')).to.equal('statistiques_2026-11-26.xlsx');
    expect(exportFileName('...', day, 'statistics')).to.equal('statistics_2026-11-26.xlsx');
    expect(exportFileName('CON', day, 'statistiques')).to.equal('_CON_statistiques_2026-11-26.xlsx');
    expect(exportFileName('Relance...', day, 'statistiques')).to.equal('Relance_statistiques_2026-11-26.xlsx');
  });

  it('keeps long names to a length every file system takes', () => {
    const name = exportFileName('é'.repeat(400), day, 'statistiques');
    expect(name.length).to.be.lessThan(160);
    expect(name.endsWith('_statistiques_2026-11-26.xlsx')).to.equal(true);
  });
});
