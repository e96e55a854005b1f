// Building blocks of the demo directory. All numbers are fictitious: DECT 4xxx,
// mobiles 06 00 00 xx xx, landlines 05 00 00 xx xx.
import type { ContactBody, Phone } from '../../domain/schemas/contact';

/** A contact with a key, so the call trees can name it before it has a docId. */
export interface SeedContact extends ContactBody {
  key: string;
}

/** The English labels of the demo directory (shown on English screens; French stays the source). */
export const PHONE_LABELS_EN: Readonly<Record<string, string>> = {
  DECT: 'DECT', 'DECT infirmier': 'DECT, nurses', 'DECT cadre': 'DECT, charge nurse', 'DECT urgence vitale': 'DECT, life-threatening emergency',
  Portable: 'Mobile', 'Portable d’astreinte': 'Mobile, on call', 'Portable de crise': 'Mobile, crisis unit', Astreinte: 'On call',
  'Ligne directe': 'Direct line', 'Ligne directe régulation': 'Direct line, dispatch', 'Ligne de crise': 'Crisis line',
  Radio: 'Radio', 'Radio urgence': 'Radio, emergency', Coursier: 'Runner', 'Équipe de réanimation': 'Resuscitation team',
};

/** A phone with its English label, and a radio channel's English name ("Canal 1" -> "Channel 1"). */
function phone(kind: Phone['kind'], number: string, label: string): Phone {
  const labelEn = PHONE_LABELS_EN[label];
  const numberEn = kind === 'radio' && number.startsWith('Canal ') ? `Channel ${number.slice('Canal '.length)}` : undefined;
  return { label, number, kind, ...(labelEn ? { labelEn } : {}), ...(numberEn ? { numberEn } : {}) };
}

export const dect = (number: string, label = 'DECT'): Phone => phone('dect', number, label);
export const mobile = (number: string, label = 'Portable'): Phone => phone('mobile', number, label);
export const landline = (number: string, label = 'Ligne directe'): Phone => phone('landline', number, label);
export const radio = (number: string, label = 'Radio'): Phone => phone('radio', number, label);
export const runner = (number: string, label = 'Coursier'): Phone => phone('runner', number, label);
