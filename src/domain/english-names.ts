// English forms of data written in French, for English screens. French stays the source: a ward's
// name and a phone's label carry an optional English form beside it (nameEn, labelEn, numberEn,
// typed by the admin, given by the seed), and the usual allergens have theirs here. Where the data
// has no English form the French is shown as recorded, never dropped: an allergy the list does not
// know still shows, in the words it was written in.

/** The English form on an English screen when there is one, else the French. */
function inLanguage(fr: string, en: string | undefined, language: string): string {
  return language.startsWith('en') && en !== undefined && en.trim() !== '' ? en : fr;
}

export function wardName(unit: { name: string; nameEn?: string | undefined }, language: string): string {
  return inLanguage(unit.name, unit.nameEn, language);
}

export function phoneLabel(phone: { label: string; labelEn?: string | undefined }, language: string): string {
  return inLanguage(phone.label, phone.labelEn, language);
}

export function phoneNumber(phone: { number: string; numberEn?: string | undefined }, language: string): string {
  return inLanguage(phone.number, phone.numberEn, language);
}

/** The usual allergens of a French census, keyed by their French name in lower case. */
const ALLERGENS_EN: Readonly<Record<string, string>> = {
  pénicilline: 'Penicillin', pénicillines: 'Penicillins', iode: 'Iodine', latex: 'Latex', amoxicilline: 'Amoxicillin',
  aspirine: 'Aspirin', codéine: 'Codeine', arachide: 'Peanut', sulfamides: 'Sulfonamides', morphine: 'Morphine',
  ains: 'NSAIDs', 'fruits à coque': 'Tree nuts', sparadrap: 'Adhesive tape', œuf: 'Egg', lait: 'Milk',
  'produits de contraste iodés': 'Iodinated contrast media', céphalosporines: 'Cephalosporins', paracétamol: 'Paracetamol',
};

/** An allergy as recorded, in English when it is one of the usual allergens and the screen is English. */
export function allergyName(recorded: string, language: string): string {
  return inLanguage(recorded, ALLERGENS_EN[recorded.trim().toLocaleLowerCase('fr')], language);
}
