/** French first and last names (accents, hyphens, apostrophes) and the mail domains of schools and companies. */

export const FIRST_NAMES: readonly string[] = [
  'Élodie', 'Jérôme', 'Chloé', 'Gaëlle', 'Maëlys', 'Noël', 'Anaïs', 'Hélène', 'François', 'Zoé',
  'Loïc', 'Benoît', 'Cécile', 'Léa', 'Théo', 'Inès', 'Maël', 'Jean-Baptiste', 'Marie-Ève', 'Agnès',
  'Camille', 'Lucas', 'Emma', 'Hugo', 'Manon', 'Louis', 'Jade', 'Gabriel', 'Louise', 'Raphaël',
  'Clémence', 'Adèle', 'Mathéo', 'Océane', 'Yanis', 'Aïcha', 'Mohamed', 'Fatoumata', 'Thuy', 'Ngọc',
  'Sébastien', 'Stéphanie', 'Frédéric', 'Amélie', 'Grégoire', 'Bérénice', 'Joël', 'Solène', 'Aurélien', 'Ophélie',
];

export const LAST_NAMES: readonly string[] = [
  'Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Laurent', 'Girard', 'Rousseau', 'Mercier', 'Boyer',
  "d'Almeida", "N'Diaye", "L'Hôte", "D'Amico", 'Le Gall', 'Le Goff', 'de La Fontaine', 'Desroches-Lemaître', 'Müller', 'Nguyễn',
  'Bréval', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier', 'Perrin', 'Robin', 'Clément', 'Morin',
  'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Gaillard', 'Barbier', 'Arnaud', 'Giraud', 'Brun', 'Lemaire',
  'Benmansour', 'Traoré', 'Diallo', 'Haddad', 'Da Silva', 'Fernandes', 'Kowalski', 'Schmitt', 'Hoarau', 'Payet',
];

export const EMAIL_DOMAINS: readonly string[] = [
  'etu.univ-lyon2.fr', 'edu.ecole-hub3e.fr', 'etudiant.univ-rennes.fr', 'ac-bordeaux.fr', 'gmail.com',
  'orange.fr', 'free.fr', 'laposte.net', 'outlook.fr', 'sncf.fr', 'capgemini.com', 'credit-agricole.fr',
];
