// The tablet's one translator, French first: French is bundled in the first chunk, so the first
// render has its strings without waiting; English is its own chunk, loaded when chosen.
import { fr } from './fr';
import { createTranslator } from './translator';

export type Language = 'fr' | 'en';

export const i18n = createTranslator<Language>('fr');
i18n.addStrings('fr', fr);
