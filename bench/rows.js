// Deterministic, realistic email-campaign contacts for the benchmark: row `i` is a pure function
// of `i`, so the page (its data worker) and the Node checks of the exported files agree, and
// runs are reproducible. Plain ES module: runs in a browser, a Worker and Node.

/** When the benchmark campaigns' send finished; the figures are "as of" a day later. */
export const SEND_FINISHED_AT = '2026-11-20T08:30:00.000Z';
export const AS_OF = '2026-11-21T08:30:00.000Z';

const FIRST_NAMES = [
  'Élodie', 'Jérôme', 'Zoé', 'Loïc', 'Inès', 'Hugo', 'Chloé', 'Théo', 'Léa', 'Maël', 'Anaïs', 'Noé', 'Camille', 'Raphaël',
  'Manon', 'Gaël', 'Clémence', 'Lucas', 'Éloïse', 'Mathéo', 'Sarah', 'Yanis', 'Océane', 'Benoît', 'Maëlys', 'Jules', 'Agathe',
  'Adèle', 'Côme', 'Hélène', 'François', 'Béatrice', 'Joël', 'Noémie', 'Aurélien', 'Margaux', 'Léon', 'Capucine', 'Aymeric',
  'Solène', 'Grégoire', 'Ophélie', 'Anaëlle', 'Bastien', 'Céline', 'Timothée', 'Frédérique', 'Kévin', 'Laëtitia', 'Mehdi',
  'Aïcha', 'Pénélope', 'Gwénaëlle', 'Stéphane', 'Amélie', 'Rémi', 'Ève', 'Jérémy', 'Séverine', 'Aurore',
];
const LAST_NAMES = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent',
  'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Lefebvre',
  'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', "d'Almeida", 'Bréval', 'Le Gall', "N'Diaye", 'Chevalier',
  'Gauthier', 'Perrin', 'Guérin', 'Boyer', 'Faure', 'Rivière', 'Gérard', 'Barbier', 'Arnaud', 'Mathieu', 'Clément', 'Noël',
  'Lemaître', 'Hervé', 'Ménard', 'Bézier', 'Côté', 'Prévost', 'Caron', 'Béranger', 'Lacroix', 'Schmitt', 'Texier', 'Évrard', 'Żuławski',
];
const DOMAINS = ['gmail.com', 'orange.fr', 'free.fr', 'laposte.net', 'hotmail.fr', 'etu.univ-lyon2.fr', 'sfr.fr', 'yahoo.fr', 'outlook.fr', 'ac-nantes.fr'];
const DELIVERIES = [
  ['delivered', 0.93],
  ['soft_bounce', 0.03],
  ['hard_bounce', 0.025],
  ['blocked', 0.01],
  ['pending', 0.005],
];

/** mulberry32: a seeded generator of numbers in [0, 1) (per row here; per refresh step in bench/data-worker.js). */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function slug(text) {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

const sendFinished = Date.parse(SEND_FINISHED_AT);

/** Contact `i` (0-based): an `EmailContactStats` with 11 fields, some optional ones missing. */
export function benchRow(i) {
  const r = random(0x9e3779b1 ^ Math.imul(i + 1, 0x85ebca6b));
  const first = FIRST_NAMES[Math.floor(r() * FIRST_NAMES.length)];
  const last = LAST_NAMES[Math.floor(r() * LAST_NAMES.length)];
  const row = { contactId: `ct-${i + 1}` };
  if (r() > 0.05) row.firstName = first;
  if (r() > 0.02) row.lastName = last;
  row.email = `${slug(first)}.${slug(last)}${i % 97}@${DOMAINS[Math.floor(r() * DOMAINS.length)]}`;
  let roll = r();
  let delivery = 'delivered';
  for (const [value, weight] of DELIVERIES) {
    if ((roll -= weight) < 0) {
      delivery = value;
      break;
    }
  }
  row.delivery = delivery;
  const opened = delivery === 'delivered' && r() < 0.46;
  row.opened = opened;
  row.openCount = opened ? 1 + Math.floor(r() * r() * 6) : 0;
  row.clickCount = opened && r() < 0.34 ? 1 + Math.floor(r() * r() * 4) : 0;
  row.spamReported = opened && r() < 0.004;
  row.unsubscribed = opened && r() < 0.015;
  // Whole minutes within the day after the send.
  if (opened) row.lastActivityAt = new Date(sendFinished + 60_000 * (1 + Math.floor(r() * 1439))).toISOString();
  return row;
}

/** The grid's email columns, in order, as the French UI titles them, and the kind of each cell. */
export const COLUMNS = [
  { field: 'lastName', title: 'Nom', kind: 'text' },
  { field: 'firstName', title: 'Prénom', kind: 'text' },
  { field: 'email', title: 'E-mail', kind: 'text' },
  { field: 'delivery', title: 'Délivrabilité', kind: 'label' },
  { field: 'opened', title: 'Ouvert', kind: 'boolean' },
  { field: 'openCount', title: 'Ouvertures', kind: 'number' },
  { field: 'clickCount', title: 'Clics', kind: 'number' },
  { field: 'spamReported', title: 'Signalé comme spam', kind: 'boolean' },
  { field: 'unsubscribed', title: 'Désinscrit', kind: 'boolean' },
  { field: 'lastActivityAt', title: 'Dernière activité', kind: 'date' },
];

export const DELIVERY_LABELS = {
  pending: 'En attente',
  delivered: 'Délivré',
  soft_bounce: 'Rebond temporaire',
  hard_bounce: 'Rebond définitif',
  blocked: 'Bloqué',
};

/** The benchmark campaign of `size` contacts. */
export function benchCampaign(size) {
  return {
    id: `bench-${size}`,
    channel: 'email',
    name: `Benchmark ${size} contacts`,
    status: 'finished',
    recipientCount: size,
    scheduledAt: '2026-11-20T08:00:00.000Z',
    sendFinishedAt: SEND_FINISHED_AT,
  };
}
