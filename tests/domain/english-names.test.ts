// English forms of French data (issue 11 §6): shown on English screens where the data has one,
// the French as recorded otherwise, and never anything dropped.
import { describe, expect, it } from 'vitest';
import { allergyName, phoneLabel, phoneNumber, wardName } from '../../src/domain/english-names';
import { unitBody } from '../../src/domain/schemas';
import { contactBody } from '../../src/domain/schemas/contact';
import { ALLERGENS } from '../../src/server/seed/demo-people';
import { DEMO_CONTACTS } from '../../src/server/seed/contacts';
import { DEMO_UNITS } from '../../src/server/seed/demo-hospital';

describe('English names of French data', () => {
  it('chooses the English form on an English screen only, and the French when there is none', () => {
    const med = { code: 'MED', name: 'Médecine interne', nameEn: 'Internal medicine' };
    expect(wardName(med, 'en')).toBe('Internal medicine');
    expect(wardName(med, 'en-GB')).toBe('Internal medicine');
    expect(wardName(med, 'fr')).toBe('Médecine interne');
    expect(wardName({ name: 'Réanimation' }, 'en')).toBe('Réanimation');
    expect(wardName({ name: 'Réanimation', nameEn: '  ' }, 'en')).toBe('Réanimation');
    const radio = { label: 'Radio urgence', labelEn: 'Radio, emergency', number: 'Canal 1', numberEn: 'Channel 1' };
    expect([phoneLabel(radio, 'en'), phoneNumber(radio, 'en')]).toEqual(['Radio, emergency', 'Channel 1']);
    expect([phoneLabel(radio, 'fr'), phoneNumber(radio, 'fr')]).toEqual(['Radio urgence', 'Canal 1']);
  });

  it('reads the usual allergens in English and any other as recorded', () => {
    expect(allergyName('Pénicilline', 'en')).toBe('Penicillin');
    expect(allergyName('fruits à coque ', 'en')).toBe('Tree nuts');
    expect(allergyName('Pénicilline', 'fr')).toBe('Pénicilline');
    expect(allergyName('Kiwi', 'en')).toBe('Kiwi');
    // Every allergen of the demo census has its English form.
    for (const a of ALLERGENS) {
      const same = a === 'Latex' || a === 'Morphine'; // the same word in both languages
      if (same) expect(allergyName(a, 'en')).toBe(a);
      else expect(allergyName(a, 'en'), a).not.toBe(a);
    }
  });

  it('the seed gives every ward and every labelled phone its English form, and the schemas accept them', () => {
    for (const u of DEMO_UNITS) {
      expect(u.nameEn, u.code).toBeTruthy();
      expect(unitBody.safeParse({ code: u.code, name: u.name, nameEn: u.nameEn }).success).toBe(true);
    }
    expect(unitBody.safeParse({ code: 'MED', name: 'Médecine interne', nameEn: '' }).success).toBe(false);
    for (const c of DEMO_CONTACTS) {
      const { key: _, ...body } = c;
      expect(contactBody.safeParse(body).success, c.key).toBe(true);
      for (const p of c.phones) {
        expect(p.labelEn, `${c.key} ${p.label}`).toBeTruthy();
        if (p.kind === 'radio' && p.number.startsWith('Canal')) expect(p.numberEn).toMatch(/^Channel /);
      }
    }
  });
});
