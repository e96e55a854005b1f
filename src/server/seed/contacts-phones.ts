// Building blocks of the demo directory. All numbers are fictitious: DECT 4xxx,
// mobiles 06 00 00 xx xx, landlines 05 00 00 xx xx.
import type { ContactBody, Phone } from '../../domain/schemas/contact';

/** A contact with a key, so the call trees can name it before it has a docId. */
export interface SeedContact extends ContactBody {
  key: string;
}

export const dect = (number: string, label = 'DECT'): Phone => ({ label, number, kind: 'dect' });
export const mobile = (number: string, label = 'Portable'): Phone => ({ label, number, kind: 'mobile' });
export const landline = (number: string, label = 'Ligne directe'): Phone => ({ label, number, kind: 'landline' });
export const radio = (number: string, label = 'Radio'): Phone => ({ label, number, kind: 'radio' });
export const runner = (number: string, label = 'Coursier'): Phone => ({ label, number, kind: 'runner' });
