// Names for the demo census: common French names, accents included, so the app is tried on
// real-looking data (sorting, search without accents, printing) from day one.

export const FEMALE_FIRST_NAMES = [
  'Hélène', 'Léa', 'Chloé', 'Zoé', 'Anaïs', 'Noémie', 'Gisèle', 'Thérèse', 'Françoise', 'Geneviève',
  'Renée', 'Josiane', 'Éliane', 'Agnès', 'Bérénice', 'Céline', 'Mélanie', 'Émilie', 'Marie', 'Jeanne',
  'Monique', 'Sylvie', 'Nathalie', 'Isabelle', 'Christiane', 'Odette', 'Raymonde', 'Maëlle', 'Inès', 'Camille',
] as const;

export const MALE_FIRST_NAMES = [
  'Jérôme', 'Frédéric', 'Stéphane', 'Sébastien', 'Benoît', 'André', 'René', 'Gaël', 'Raphaël', 'Joël',
  'Loïc', 'Noël', 'Hervé', 'Jean-François', 'Gérard', 'Michel', 'Bernard', 'Jacques', 'Pierre', 'Louis',
  'Marcel', 'Lucien', 'Émile', 'Théo', 'Mathéo', 'Yannick', 'Patrice', 'Thierry', 'Didier', 'Karim',
] as const;

export const LAST_NAMES = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
  'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel',
  'Girard', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Légaré', 'Hébert', 'Lemaître', 'Chevalier',
  'Gauthier', 'Perrin', 'Rousseau', 'Clément', 'Gérard', 'Ménard', 'Pelletier', 'Fabre', 'Brunet', 'Guérin',
  'Muller', 'Roussel', 'Masson', 'Marchand', 'Duval', 'Lemaire', 'Fontaine', 'Barbier', 'Faure', 'Renaud',
  'Aubert', 'Giraud', 'Lacroix', 'Caron', 'Poirier', 'Schmitt', 'Vidal', 'Étienne', 'Bérard', 'Lévêque',
  'Thévenet', 'Crépin', 'Le Gall', 'Nguyen', 'Benali', 'Da Silva', 'Kervella', 'Boucher', 'Chauvin', 'Hoarau',
] as const;

// Most patients have no known allergy; the rest carry one or two of the usual suspects.
export const ALLERGENS = [
  'Pénicilline', 'Iode', 'Latex', 'Amoxicilline', 'Aspirine', 'Codéine', 'Arachide', 'Sulfamides',
  'Morphine', 'AINS', 'Fruits à coque', 'Sparadrap',
] as const;
