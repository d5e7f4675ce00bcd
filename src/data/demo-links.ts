import type { LinkStats } from './campaign-data-source.js';
import { prng } from './demo-random.js';
import { linkText } from '../internal/summary-figures.js';

/**
 * The links of the demo campaigns' messages, and which link each click is on. A contact's
 * clicks are drawn with the contact (`drawContact`); the link of each click comes from a
 * separate random stream, so that giving the messages links changed no contact.
 */

/** A link of a demo message: `LinkStats` without its figures, which are counted from the clicks. */
export type DemoLink = Omit<LinkStats, 'clickCount' | 'clickers'>;

const ECOLE = 'https://www.ecole-exemple.fr';
const RESEAU = 'https://www.reseau-ecoles-exemple.fr';
/** The school's SMS link shortener. */
const SHORT = 'https://ecx.li';

/**
 * `[label, url]` per link, in the order of the message; a link without label shows its URL. At
 * most 32 links a message: the links a contact clicked are kept as the bits of one number.
 */
type LinkSeed = readonly [label: string | undefined, url: string];

const MESSAGE_LINKS: Record<string, readonly LinkSeed[]> = {
  'em-jpo-decembre': [
    ['Inscription aux journées portes ouvertes', `${ECOLE}/jpo/inscription`],
    ['Programme de la journée', `${ECOLE}/jpo/programme`],
    ["Plan d'accès au campus", `${ECOLE}/campus/acces`],
    ['Télécharger la brochure', `${ECOLE}/documents/brochure-2027.pdf`],
    ['Prendre rendez-vous', `${ECOLE}/rendez-vous`],
    ['Se désinscrire', `${ECOLE}/desinscription?c=jpo-decembre`],
  ],
  'em-alternance-rentree': [
    ["Voir les offres d'alternance", `${ECOLE}/alternance/offres`],
    ['Déposer mon CV', `${ECOLE}/alternance/cv`],
    ["Calendrier de l'alternance", `${ECOLE}/alternance/calendrier`],
    ['Prendre rendez-vous', `${ECOLE}/relations-entreprises/rendez-vous`],
    ['Se désinscrire', `${ECOLE}/desinscription?c=alternance-rentree`],
  ],
  'em-newsletter-novembre': [
    ["L'édito du directeur", `${ECOLE}/actualites/novembre-2026/edito`],
    ['Retour en images : la remise des diplômes', `${ECOLE}/actualites/remise-des-diplomes-2026`],
    ['Nouveau : Bachelor Data & IA', `${ECOLE}/formations/bachelor-data-ia`],
    ['Programme de la formation', `${ECOLE}/formations/bachelor-data-ia/programme`],
    ['Témoignage : une année en alternance', `${ECOLE}/actualites/temoignage-alternance`],
    ['Agenda de décembre', `${ECOLE}/agenda?mois=2026-12`],
    ['Inscription aux journées portes ouvertes', `${ECOLE}/jpo/inscription`],
    ['Prendre rendez-vous', `${ECOLE}/rendez-vous`],
    ['Télécharger la brochure', `${ECOLE}/documents/brochure-2027.pdf`],
    [undefined, `${ECOLE}/actualites/novembre-2026`],
    ['Nous contacter', `${ECOLE}/contact`],
    ['Se désinscrire', `${ECOLE}/desinscription?c=newsletter`],
  ],
  'em-relance-meef': [
    ['Compléter ma candidature', `${ECOLE}/candidature/master-meef`],
    ['Pièces justificatives à fournir', `${ECOLE}/candidature/pieces`],
    ['Foire aux questions du Master MEEF', `${ECOLE}/formations/master-meef/faq`],
    ['Se désinscrire', `${ECOLE}/desinscription?c=relance-meef`],
  ],
  'em-forum-lyon': [
    ["S'inscrire au forum", 'https://lyon.ecole-exemple.fr/forum-entreprises/inscription'],
    ['Les entreprises présentes', 'https://lyon.ecole-exemple.fr/forum-entreprises/exposants'],
    ['Plan du campus de Lyon', 'https://lyon.ecole-exemple.fr/campus/plan'],
    ['Se désinscrire', `${ECOLE}/desinscription?c=forum-lyon`],
  ],
  'em-jury-diplomes': [
    ['Confirmer ma présence', `${ECOLE}/diplomes/jury/confirmation`],
    ['Se désinscrire', `${ECOLE}/desinscription?c=jury`],
  ],
  'em-tuteurs-stage': [
    ["Remplir la fiche d'évaluation du stagiaire", `${ECOLE}/stages/evaluation`],
    ['Guide du tuteur', `${ECOLE}/documents/guide-du-tuteur.pdf`],
    ['Se désinscrire', `${ECOLE}/desinscription?c=tuteurs`],
  ],
  'em-reseau-ecoles-rentree': [
    ["Calendrier de l'année scolaire", `${RESEAU}/calendrier-2026-2027`],
    ['Réunions de rentrée', `${RESEAU}/rentree/reunions`],
    ['Menus de la cantine', `${RESEAU}/restauration/menus`],
    ['Activités périscolaires : inscriptions', `${RESEAU}/periscolaire/inscription`],
    ['Espace parents', `${RESEAU}/espace-parents`],
    ['Télécharger la lettre de rentrée', `${RESEAU}/documents/lettre-de-rentree.pdf`],
    ['Se désinscrire', `${RESEAU}/desinscription`],
  ],
  'em-reseau-national-orientation': [
    ['Trouver un salon près de chez moi', `${RESEAU}/salons`],
    ['Prendre rendez-vous avec un conseiller', `${RESEAU}/orientation/rendez-vous`],
    ['Programme des conférences', `${RESEAU}/salons/conferences`],
    ['Inscription aux journées portes ouvertes', `${RESEAU}/jpo`],
    ['Télécharger la brochure', `${RESEAU}/documents/guide-orientation.pdf`],
    ['Quiz : quel métier est fait pour moi ?', `${RESEAU}/orientation/quiz`],
    [undefined, `${RESEAU}/formations`],
    ['Se désinscrire', `${RESEAU}/desinscription`],
  ],
  'sms-resultats-admission': [
    ["Résultats d'admission", `${SHORT}/r4dM1`],
    [undefined, `${SHORT}/c0nF7`],
  ],
  'sms-relance-dossier': [
    ['Compléter mon dossier', `${SHORT}/d0s5K`],
    ['Aide en ligne', `${SHORT}/a1dE2`],
  ],
  'sms-jpo-rappel': [
    ['Programme de la JPO', `${SHORT}/jP0pg`],
    ["Plan d'accès", `${SHORT}/p1An8`],
    [undefined, `${SHORT}/jP0in`],
  ],
  'sms-entretien': [
    ['Confirmer mon créneau', `${SHORT}/eNt0k`],
    ['Changer de créneau', `${SHORT}/eNt9x`],
  ],
  'sms-stage-urgent': [
    ["Voir l'offre de stage", `${SHORT}/st4G3`],
    ['Postuler', `${SHORT}/p0sT1`],
  ],
  'sms-convocation-vide': [
    ['Convocation', `${SHORT}/cVj21`],
    ["Plan d'accès", `${SHORT}/p1An8`],
  ],
  'sms-reseau-national-inscriptions': [
    ["S'inscrire", `${SHORT}/iNs26`],
    ['Dates des inscriptions', `${SHORT}/d4Te5`],
    [undefined, `${SHORT}/fAq0r`],
  ],
};

/** The links of a campaign's message, in their order in it (none for a campaign not listed). */
export function demoLinks(campaignId: string): DemoLink[] {
  return (MESSAGE_LINKS[campaignId] ?? []).map(([label, url], i) => (label ? { linkId: `lk-${i + 1}`, url, label } : { linkId: `lk-${i + 1}`, url }));
}

/** Per link count, the link weights summed up: link k weighs 1/(k+1), as the first links of a message draw the most clicks. */
const cumulativeWeights = new Map<number, Float64Array>();

function weightsOf(linkCount: number): Float64Array {
  let cumulative = cumulativeWeights.get(linkCount);
  if (!cumulative) {
    cumulative = new Float64Array(linkCount);
    let total = 0;
    for (let k = 0; k < linkCount; k++) total += 1 / (k + 1);
    let sum = 0;
    for (let k = 0; k < linkCount; k++) cumulative[k] = sum += 1 / (k + 1) / total;
    cumulativeWeights.set(linkCount, cumulative);
  }
  return cumulative;
}

/** Mixed into the seed of the link stream: it must never coincide with the contacts' own stream. */
const LINK_STREAM = 0x6c8e9cf5;
/** A second click goes back to the link clicked before about half the time. */
const SAME_LINK_AGAIN = 0.5;

/**
 * The index in the campaign's links of each of contact `index`'s `clickCount` clicks (in the
 * order of the draw's `clicks`), written into `out`, which is reused.
 */
export function drawClickLinks(campaignHash: number, index: number, clickCount: number, linkCount: number, out: number[]): number[] {
  out.length = 0;
  if (linkCount === 0 || clickCount === 0) return out;
  const random = prng(campaignHash ^ Math.imul(index + 1, 0x85ebca6b) ^ LINK_STREAM);
  const cumulative = weightsOf(linkCount);
  for (let k = 0; k < clickCount; k++) {
    if (k > 0 && random() < SAME_LINK_AGAIN) {
      out.push(out[k - 1]!);
      continue;
    }
    const roll = random();
    let link = 0;
    while (link < linkCount - 1 && roll >= cumulative[link]!) link++;
    out.push(link);
  }
  return out;
}

/** The ids of the links whose bits are set in `mask`, in the order of the message. */
export function clickedLinkIds(links: readonly DemoLink[], mask: number): string[] {
  const ids: string[] = [];
  for (let k = 0; k < links.length && mask >>> k !== 0; k++) if ((mask >>> k) & 1) ids.push(links[k]!.linkId);
  return ids;
}

/**
 * The distinct sets of clicked links among `masks` (one per contact): the ids of each set, the
 * text the grid shows for it (its links' labels, else URLs, joined by ", "; '' for none), and
 * each contact's set. Contacts click few links, so a million contacts hold a few hundred sets.
 */
export function clickedLinkSets(masks: Uint32Array, links: readonly DemoLink[]): { ids: string[][]; texts: string[]; codes: Uint32Array } {
  const codeOf = new Map<number, number>([[0, 0]]);
  const sets = [0];
  const codes = new Uint32Array(masks.length);
  for (let i = 0; i < masks.length; i++) {
    const mask = masks[i]!;
    if (mask === 0) continue;
    let code = codeOf.get(mask);
    if (code === undefined) {
      codeOf.set(mask, (code = sets.length));
      sets.push(mask);
    }
    codes[i] = code;
  }
  const ids = sets.map((mask) => clickedLinkIds(links, mask));
  const byId = new Map(links.map((link) => [link.linkId, linkText(link)]));
  return { ids, texts: ids.map((set) => set.map((id) => byId.get(id)!).join(', ')), codes };
}
