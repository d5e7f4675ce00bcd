/**
 * The page of test/components/csp.test.ts, served under a strict Content-Security-Policy: the
 * four elements on data and `strings` full of markup. Every policy violation is recorded from
 * the first line, before the library is even imported.
 */
const violations: string[] = [];
addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective}: ${event.sample || event.blockedURI}`), true);
addEventListener('error', (event) => violations.push(`uncaught: ${event.message}`));
addEventListener('unhandledrejection', (event) => violations.push(`unhandled rejection: ${String(event.reason)}`));

/** A text that runs a script if anything writes it as HTML. */
const markup = (text: string) => `<img src=x onerror="window.__ran='${text}'">${text}`;

const [{ SummaryTestDataSource }, fixtures] = await Promise.all([
  import('../helpers/test-data-source.js'),
  import('../helpers/fixtures.js'),
  import('../../src/define/campaign-stats-grid.js'),
  import('../../src/define/campaign-stats-summary.js'),
  import('../../src/define/campaign-list.js'),
]);
const { EMAIL_CAMPAIGN, EMAIL_LINK_ROWS, EMAIL_LINK_SUMMARY } = fixtures;

/** 600 contacts: three pages for the grid in server-side mode. */
const MANY = Array.from({ length: 600 }, (_, i) => ({ ...EMAIL_LINK_ROWS[i % 4]!, contactId: `ct-${i}`, lastName: `${EMAIL_LINK_ROWS[i % 4]!.lastName} ${i}` }));
const PAGED_CAMPAIGN = { ...EMAIL_CAMPAIGN, id: 'c-paged', name: 'Grande campagne', recipientCount: MANY.length };

const source = new SummaryTestDataSource([EMAIL_CAMPAIGN, PAGED_CAMPAIGN], { [EMAIL_CAMPAIGN.id]: EMAIL_LINK_ROWS, [PAGED_CAMPAIGN.id]: MANY });
source.summaries = { [EMAIL_CAMPAIGN.id]: EMAIL_LINK_SUMMARY, [PAGED_CAMPAIGN.id]: EMAIL_LINK_SUMMARY };

const strings = {
  columns: { lastName: markup('Nom'), email: markup('Adresse') },
  pagination: {
    first: markup('Première'),
    previous: markup('Précédente'),
    next: markup('Suivante'),
    last: markup('Dernière'),
    loading: markup('Chargement'),
    error: markup('Erreur'),
  },
  exportButton: markup('Exporter'),
};

function element<T extends HTMLElement>(tag: string, attributes: Record<string, string>): T {
  const created = document.createElement(tag) as T & { dataSource: unknown; strings: unknown };
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
  created.dataSource = source;
  created.strings = strings;
  document.body.append(created);
  return created;
}

const list = element('campaign-list', { channel: 'email', 'stats-target': 'grid' });
const summary = element('campaign-stats-summary', { 'campaign-id': EMAIL_CAMPAIGN.id, 'stats-target': 'grid' });
// The worker's URL given, as a host under Trusted Types must (README: the bundler's form cannot pass through a policy).
const grid = element('campaign-stats-grid', { id: 'grid', 'campaign-id': EMAIL_CAMPAIGN.id, height: '300px', 'export-worker-url': '/src/export/export-worker.js' });
const paged = element('campaign-stats-grid', { 'campaign-id': PAGED_CAMPAIGN.id, 'server-side-threshold': '100', height: '300px' });

/** The Blob behind each object URL: `connect-src 'self'` forbids fetching a blob: URL back. */
const blobs = new Map<string, Blob>();
const createObjectURL = URL.createObjectURL;
URL.createObjectURL = function (blob: Blob) {
  const url = createObjectURL.call(URL, blob);
  blobs.set(url, blob);
  return url;
};

/** Catches the file a grid saves (its download link clicked), without letting the browser save it. */
function nextDownload(): Promise<{ blob: Blob; fileName: string }> {
  return new Promise((resolve) => {
    const onClick = (event: MouseEvent) => {
      const link = event.target;
      if (!(link instanceof HTMLAnchorElement) || !link.download || !blobs.has(link.href)) return;
      event.preventDefault();
      document.removeEventListener('click', onClick, true);
      resolve({ blob: blobs.get(link.href)!, fileName: link.download });
    };
    document.addEventListener('click', onClick, true);
  });
}

/** Where each export was written: in the worker, or on the main thread where none could start. */
const threads: string[] = [];
grid.addEventListener('campaign-stats-exported', (event) => threads.push((event as CustomEvent<{ thread: string }>).detail.thread));

Object.assign(window, { strictPage: { violations, threads, list, summary, grid, paged, source, nextDownload } });

export {};
