/**
 * A real spreadsheet application opens the exported files: LibreOffice Calc, headless,
 * converts each workbook (every sheet: Statistiques, Campagne, Synthèse) to CSV on the test
 * server (scripts/libreoffice.js), and the CSV is compared with the data.
 *
 * The CSV quotes every text cell and writes cells as shown, so types are visible:
 * `"+33612345678"` is text, `3` is a number, `21/11/2026 15:05` (unquoted) is a date cell
 * displayed with its date format, an empty field is an empty cell.
 *
 * Without LibreOffice (Debian package libreoffice-calc-nogui) the tests are skipped with a
 * message; under CI=true (set by .ci/run, which installs it) a missing LibreOffice fails.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { Campaign, EmailContactStats, SmsContactStats } from '../../src/data/campaign-data-source.js';
import { EMAIL_CAMPAIGN, EMAIL_ROWS, SMS_CAMPAIGN, SMS_ROWS } from '../helpers/fixtures.js';
import { buildExportFile, rowsFromArray } from '../../src/export/excel-export.js';
import { renderLoadedGrid } from '../helpers/grid.js';
import { TestDataSource } from '../helpers/test-data-source.js';
// LibreOffice quotes text cells only: `quoted` tells text from numbers and dates.
import { parseCsv, type Field } from './csv-fields.js';
import { HOSTILE_LABEL_SHOWN, summaryMeta } from './summary-fixture.js';

interface LibreOfficeStatus {
  available: boolean;
  version?: string;
  required: boolean;
  package: string;
}

interface Converted {
  sheets: Record<string, string>;
  order: string[];
  version?: string;
}

const AS_OF = '2026-11-26T20:30:00.000Z';

function dataSource(): TestDataSource {
  const ds = new TestDataSource([EMAIL_CAMPAIGN, SMS_CAMPAIGN], { [EMAIL_CAMPAIGN.id]: EMAIL_ROWS, [SMS_CAMPAIGN.id]: SMS_ROWS });
  ds.asOf = AS_OF;
  return ds;
}

const EMPTY: Field = { text: '', quoted: false };
const text = (value: string | undefined): Field => (value === undefined ? EMPTY : { text: value, quoted: true });
const num = (value: number): Field => ({ text: String(value), quoted: false });
const pad = (n: number) => String(n).padStart(2, '0');
/** A date as the file's `dd/mm/yyyy hh:mm` format shows it, in the local time it was written in. */
const date = (iso: string | undefined): Field => {
  if (iso === undefined) return EMPTY;
  const d = new Date(iso);
  return { text: `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`, quoted: false };
};
const yesNo = (value: boolean) => text(value ? 'Oui' : 'Non');

const EMAIL_DELIVERY: Record<string, string> = {
  pending: 'En attente',
  delivered: 'Délivré',
  soft_bounce: 'Rebond temporaire',
  hard_bounce: 'Rebond définitif',
  blocked: 'Bloqué',
};
const SMS_DELIVERY: Record<string, string> = {
  pending: 'En attente',
  delivered: 'Délivré',
  undelivered: 'Non délivré',
  failed: 'Échec',
  rejected: 'Rejeté',
};

const EMAIL_COLUMNS: [string, (row: EmailContactStats) => Field][] = [
  ['Nom', (r) => text(r.lastName)],
  ['Prénom', (r) => text(r.firstName)],
  ['E-mail', (r) => text(r.email)],
  ['Délivrabilité', (r) => text(EMAIL_DELIVERY[r.delivery])],
  ['Ouvert', (r) => yesNo(r.opened)],
  ['Ouvertures', (r) => num(r.openCount)],
  ['Clics', (r) => num(r.clickCount)],
  ['Signalé comme spam', (r) => yesNo(r.spamReported)],
  ['Désinscrit', (r) => yesNo(r.unsubscribed)],
  ['Dernière activité', (r) => date(r.lastActivityAt)],
];

const SMS_COLUMNS: [string, (row: SmsContactStats) => Field][] = [
  ['Nom', (r) => text(r.lastName)],
  ['Prénom', (r) => text(r.firstName)],
  ['Téléphone', (r) => text(r.phone)],
  ['Délivrabilité', (r) => text(SMS_DELIVERY[r.delivery])],
  ['Clics', (r) => num(r.clickCount)],
  ['STOP', (r) => yesNo(r.unsubscribed)],
  ['Dernière activité', (r) => date(r.lastActivityAt)],
];

function expectedStats<T>(columns: [string, (row: T) => Field][], rows: T[]): Field[][] {
  return [columns.map(([title]) => text(title)), ...rows.map((row) => columns.map(([, value]) => value(row)))];
}

function expectedCampaignSheet(campaign: Campaign, channel: string, rowCount: number): Field[][] {
  return [
    [text('Campagne'), text(campaign.name)],
    [text('Canal'), text(channel)],
    [text("Fin de l'envoi"), date(campaign.sendFinishedAt)],
    [text('Données au'), date(AS_OF)],
    [text('Contacts exportés'), num(rowCount)],
  ];
}

/** The Campagne sheet of a grid's export with neither search nor filter: the grid says so, with the campaign's total. */
function expectedGridCampaignSheet(campaign: Campaign, channel: string, rowCount: number): Field[][] {
  const lines = expectedCampaignSheet(campaign, channel, rowCount);
  return [...lines.slice(0, 4), [text('Contacts de la campagne'), num(rowCount)], lines[4]!, [text('Recherche'), text('Aucune')], [text('Filtres'), text('Aucun')]];
}

async function toBase64(blob: Blob): Promise<string> {
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
  return url.slice(url.indexOf(',') + 1);
}

/** Has LibreOffice open an .xlsx file: every sheet, as CSV fields. */
async function convert(blob: Blob): Promise<{ converted: Converted; sheets: Record<string, Field[][]> }> {
  const converted = await executeServerCommand<Converted, { base64: string }>('libreoffice-xlsx-to-csv', { base64: await toBase64(blob) });
  const sheets = Object.fromEntries(Object.entries(converted.sheets).map(([name, csv]) => [name, parseCsv(csv)]));
  return { converted, sheets };
}

/** Exports the grid's rows as the user would, and has LibreOffice open the file. */
async function exportAndConvert(campaignId: string): Promise<{ converted: Converted; sheets: Record<string, Field[][]>; rowCount: number }> {
  const grid = await renderLoadedGrid(dataSource(), campaignId);
  const { blob, rowCount } = await grid.exportExcel({ download: false });
  return { ...(await convert(blob)), rowCount };
}

describe('Exported files opened by LibreOffice Calc', function () {
  this.timeout(180_000);

  before(async function () {
    const status = await executeServerCommand<LibreOfficeStatus, undefined>('libreoffice-status');
    if (status.available) return;
    const message = `LibreOffice is not installed: install Debian's ${status.package} (apt-get install -y ${status.package}) to run the LibreOffice export tests.`;
    if (status.required) throw new Error(`${message} It is required under CI.`);
    console.warn(`SKIPPED: ${message}`);
    this.skip();
  });

  it('reads an email export: text, numbers, dates, accents, inert formula text, empty cells, the Campagne sheet', async () => {
    const { converted, sheets, rowCount } = await exportAndConvert(EMAIL_CAMPAIGN.id);
    expect(rowCount).to.equal(EMAIL_ROWS.length);
    expect(converted.order).to.deep.equal(['Statistiques', 'Campagne']);
    const stats = sheets.Statistiques!;

    // Readable failures on what matters most, then the whole sheet cell by cell.
    const [almeida, injected] = [stats[1]!, stats[2]!];
    expect(almeida[0]).to.deep.equal(text("d'Almeida"));
    expect(almeida[1]).to.deep.equal(text('Élodie'));
    expect(almeida[5]).to.deep.equal(num(3), 'a count is a number cell');
    expect(almeida[9]!.quoted, 'a date is a number cell, not text').to.equal(false);
    expect(almeida[9]!.text).to.match(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);
    expect(almeida[9]).to.deep.equal(date(EMAIL_ROWS[0]!.lastActivityAt));
    expect(injected[0], 'formula text stays text, never evaluated').to.deep.equal(text('=HYPERLINK("http://x","y")'));
    expect(injected[1], 'no first name: an empty cell').to.deep.equal(EMPTY);
    expect(injected[9], 'no activity: an empty cell').to.deep.equal(EMPTY);
    expect(stats).to.deep.equal(expectedStats(EMAIL_COLUMNS, EMAIL_ROWS));

    expect(sheets.Campagne).to.deep.equal(expectedGridCampaignSheet(EMAIL_CAMPAIGN, 'E-mail', EMAIL_ROWS.length));
  });

  it('reads an SMS export: phone numbers stay text (+33…), never numbers', async () => {
    const { converted, sheets } = await exportAndConvert(SMS_CAMPAIGN.id);
    expect(converted.order).to.deep.equal(['Statistiques', 'Campagne']);
    const stats = sheets.Statistiques!;
    expect(stats[1]![2]).to.deep.equal(text('+33612345678'));
    for (const row of stats.slice(1)) expect(row[2], 'a phone is a text cell, digits intact').to.deep.include({ quoted: true }).and.to.have.property('text').that.matches(/^\+33\d{9}$/);
    expect(stats[2]![1]).to.deep.equal(text('Inès'));
    expect(stats[2]![3]).to.deep.equal(text('Échec'));
    expect(stats).to.deep.equal(expectedStats(SMS_COLUMNS, SMS_ROWS));
    expect(sheets.Campagne).to.deep.equal(expectedGridCampaignSheet(SMS_CAMPAIGN, 'SMS', SMS_ROWS.length));
  });

  it('reads a file set up for print, and the Campagne sheet with the view exported: total, search, filters', async () => {
    const meta = { ...summaryMeta(), view: { search: 'dupont', filters: [{ column: 'Délivrabilité', value: 'Délivré' }], campaignTotal: 42 } };
    const { blob } = await buildExportFile('xlsx', meta, rowsFromArray([{ email: 'a@exemple.fr', clickCount: 2 }]), { rowsPerSheet: 1 });
    const { converted, sheets } = await convert(blob);
    expect(converted.order).to.deep.equal(['Statistiques', 'Campagne', 'Synthèse']);
    expect(sheets.Statistiques).to.deep.equal([
      [text('Email'), text('Clics')],
      [text('a@exemple.fr'), num(2)],
    ]);
    expect(sheets.Campagne).to.deep.equal([
      ...expectedCampaignSheet(EMAIL_CAMPAIGN, 'E-mail', 1).slice(0, 4),
      [text('Contacts de la campagne'), num(42)],
      [text('Contacts exportés'), num(1)],
      [text('Recherche'), text('dupont')],
      [text('Filtres'), text('Délivrabilité\u00a0: Délivré')],
    ]);
  });

  it('reads the Synthèse sheet: counts and rates as numbers, rates shown as percents, every label (a hostile one too) as text', async () => {
    const { blob } = await buildExportFile('xlsx', summaryMeta(), rowsFromArray([{ email: 'a@exemple.fr', clickCount: 2 }]));
    const { converted, sheets } = await convert(blob);
    expect(converted.order).to.deep.equal(['Statistiques', 'Campagne', 'Synthèse']);
    // A percent as LibreOffice shows it, in whatever language it runs: 95.8% or 95,8 %.
    const shown = sheets.Synthèse!.map((row) => row.map((field) => (field.quoted ? field : { ...field, text: field.text.replace(/^(\d+),(\d)\s?%$/, '$1.$2%') })));
    const pct = (value: string): Field => ({ text: value, quoted: false });
    expect(shown[8]![0], 'a hostile label is text, shown as typed, never run').to.deep.equal(text(HOSTILE_LABEL_SHOWN));
    expect(shown).to.deep.equal([
      [text('Indicateur'), text('Nombre'), text('Taux'), text('Taux calculé sur'), EMPTY],
      [text('Destinataires'), num(1200), EMPTY, EMPTY, EMPTY],
      [text('Délivrés'), num(1150), pct('95.8%'), text('des destinataires'), EMPTY],
      [text('Ouvreurs uniques'), num(480), pct('41.7%'), text('des délivrés'), EMPTY],
      [text('Réactivité'), EMPTY, pct('25.0%'), text('des ouvreurs'), EMPTY],
      [EMPTY, EMPTY, EMPTY, EMPTY, EMPTY],
      [text('Lien'), text('Adresse'), text('Clics'), text('Cliqueurs uniques'), text('% des délivrés')],
      [text('Programme'), text('https://ecole.example/programme?a=1&b=<2>'), num(180), num(120), pct('10.4%')],
      [text(HOSTILE_LABEL_SHOWN), text('=1+1'), EMPTY, num(3), pct('0.3%')],
    ]);
  });
});
