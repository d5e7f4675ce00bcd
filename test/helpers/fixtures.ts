import type { Campaign, EmailContactStats, SmsContactStats, StatsSummary } from '../../src/data/campaign-data-source.js';

export const EMAIL_CAMPAIGN: Campaign = {
  id: 'c-email',
  channel: 'email',
  name: 'Journée portes ouvertes',
  status: 'finished',
  recipientCount: 4,
  scheduledAt: '2026-11-20T08:00:00.000Z',
  sendFinishedAt: '2026-11-20T08:30:00.000Z',
  sarbacaneCampaignId: 'sb-1',
};

export const SMS_CAMPAIGN: Campaign = {
  id: 'c-sms',
  channel: 'sms',
  name: 'Rappel JPO',
  status: 'finished',
  recipientCount: 3,
  sendFinishedAt: '2026-11-21T09:00:00.000Z',
};

export const SENDING_CAMPAIGN: Campaign = {
  id: 'c-sending',
  channel: 'email',
  name: 'Taxe d’apprentissage',
  status: 'sending',
  recipientCount: 900,
  scheduledAt: '2026-11-26T20:00:00.000Z',
};

export const EMPTY_CAMPAIGN: Campaign = { ...EMAIL_CAMPAIGN, id: 'c-empty', name: 'Liste vide', recipientCount: 0 };

export const EMAIL_ROWS: EmailContactStats[] = [
  {
    contactId: 'ct-1',
    firstName: 'Élodie',
    lastName: "d'Almeida",
    email: 'elodie.dalmeida@etu.univ-lyon2.fr',
    delivery: 'delivered',
    opened: true,
    openCount: 3,
    clickCount: 2,
    spamReported: false,
    unsubscribed: false,
    lastActivityAt: '2026-11-21T14:05:00.000Z',
  },
  {
    contactId: 'ct-2',
    lastName: '=HYPERLINK("http://x","y")',
    email: 'anonyme@gmail.com',
    delivery: 'hard_bounce',
    opened: false,
    openCount: 0,
    clickCount: 0,
    spamReported: false,
    unsubscribed: false,
  },
  {
    contactId: 'ct-3',
    firstName: 'Jérôme',
    lastName: 'Bréval',
    email: 'jerome.breval@orange.fr',
    delivery: 'delivered',
    opened: true,
    openCount: 1,
    clickCount: 0,
    spamReported: true,
    unsubscribed: true,
    lastActivityAt: '2026-11-20T10:00:00.000Z',
  },
  {
    contactId: 'ct-4',
    firstName: 'Zoé',
    lastName: 'Martin',
    email: 'zoe.martin@free.fr',
    delivery: 'delivered',
    opened: true,
    openCount: 5,
    clickCount: 7,
    spamReported: false,
    unsubscribed: false,
    lastActivityAt: '2026-11-22T18:45:00.000Z',
  },
];

export const SMS_ROWS: SmsContactStats[] = [
  { contactId: 'sm-1', firstName: 'Loïc', lastName: 'Le Gall', phone: '+33612345678', delivery: 'delivered', clickCount: 1, unsubscribed: false, lastActivityAt: '2026-11-21T09:12:00.000Z' },
  { contactId: 'sm-2', firstName: 'Inès', lastName: "N'Diaye", phone: '+33798765432', delivery: 'failed', clickCount: 0, unsubscribed: false },
  { contactId: 'sm-3', firstName: 'Hugo', lastName: 'Moreau', phone: '+33600000001', delivery: 'delivered', clickCount: 0, unsubscribed: true, lastActivityAt: '2026-11-21T11:00:00.000Z' },
];

/** The email contacts, each saying which links of the message they clicked (v2). */
export const EMAIL_LINK_ROWS: EmailContactStats[] = EMAIL_ROWS.map((row, i) => ({ ...row, clickedLinks: [['l-prog', 'l-rdv'], [], [], ['l-rdv']][i]! }));
export const SMS_LINK_ROWS: SmsContactStats[] = SMS_ROWS.map((row, i) => ({ ...row, clickedLinks: [['s-1'], [], []][i]! }));

/** The summary of `EMAIL_LINK_ROWS`, as a data source consistent with its rows answers it; hostile labels. */
export const EMAIL_LINK_SUMMARY: StatsSummary = {
  asOf: '2026-11-26T20:30:00.000Z',
  recipients: 4,
  delivery: { delivered: 3, hard_bounce: 1, soft_bounce: 0, blocked: 0 },
  openers: 3,
  clickers: 2,
  unsubscribed: 1,
  spamReported: 1,
  links: [
    { linkId: 'l-prog', url: 'https://www.ecole-exemple.fr/programme', label: '<b>Programme</b> de la formation', clickCount: 3, clickers: 1 },
    { linkId: 'l-rdv', url: 'https://www.ecole-exemple.fr/rdv', label: '=Prendre rendez-vous', clickCount: 4, clickers: 2 },
  ],
  activity: [
    { start: '2026-11-20T08:30:00.000Z', hours: 1, opens: 2, clicks: 1 },
    { start: '2026-11-20T09:30:00.000Z', hours: 1, opens: 1, clicks: 3 },
    { start: '2026-11-22T08:30:00.000Z', hours: 24, opens: 1, clicks: 5 },
  ],
};
