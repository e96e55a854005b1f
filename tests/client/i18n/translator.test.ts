// Our reader over rosetta, with the real catalogs: the plural forms each language's rules pick,
// {{x}} filled and not escaped, French read where English lacks a string, and the screens'
// strings merged into the first chunk's section by section.
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src/client/i18n/translator';
import { fr } from '../../../src/client/i18n/fr';
import { en } from '../../../src/client/i18n/en';
import { screensFr } from '../../../src/client/i18n/screens.fr';
import { screensEn } from '../../../src/client/i18n/screens.en';

function both() {
  const i18n = createTranslator<'fr' | 'en'>('fr');
  i18n.addStrings('fr', fr);
  i18n.addStrings('en', en);
  return i18n;
}

describe('translator', () => {
  it('picks the plural form by the language: 0 is singular in French, plural in English', () => {
    const i18n = both();
    expect(i18n.t('status.rejected', { count: 0 })).toBe('0 refusée');
    expect(i18n.t('status.rejected', { count: 1 })).toBe('1 refusée');
    expect(i18n.t('status.rejected', { count: 2 })).toBe('2 refusées');
    expect(i18n.t('status.pending', { count: 1 })).toBe('1 en attente d’envoi');
    expect(i18n.t('status.pending', { count: 2 })).toBe('2 en attente d’envoi');
    i18n.changeLanguage('en');
    expect(i18n.t('status.pending', { count: 0 })).toBe('0 waiting to be sent');
    i18n.addStrings('en', screensEn);
    i18n.addStrings('fr', screensFr);
    expect(i18n.t('handover.openActions', { count: 0 })).toBe('0 open actions:');
    expect(i18n.t('handover.openActions', { count: 1 })).toBe('1 open action:');
    expect(i18n.t('handover.openActions', { count: 0 }, 'fr')).toBe('0 action en attente\u00a0:');
  });

  it('falls back to the _other form, then to the bare key, when the language has no string for its form', () => {
    const i18n = createTranslator<'fr' | 'pl'>('fr');
    i18n.addStrings('pl', { x: { n_one: '{{count}} plik', n_other: '{{count}} pliki?' }, y: 'bez liczby' });
    i18n.changeLanguage('pl');
    expect(i18n.t('x.n', { count: 1 })).toBe('1 plik');
    // Polish says "few" for 2: no x.n_few here, so _other.
    expect(i18n.t('x.n', { count: 2 })).toBe('2 pliki?');
    expect(i18n.t('y', { count: 2 })).toBe('bez liczby');
  });

  it('fills {{x}} and leaves the escaping to React', () => {
    const i18n = both();
    expect(i18n.t('header.signedInAs', { name: 'Dupont & <Martin>' })).toBe('Connecté·e\u00a0: Dupont & <Martin>');
  });

  it('reads the French where an English string is missing, and the key where no catalog has it', () => {
    const i18n = createTranslator<'fr' | 'en'>('fr');
    i18n.addStrings('fr', { a: { b: 'en français', n_one: '{{count}} lit', n_other: '{{count}} lits' } });
    i18n.addStrings('en', { a: { c: 'in English' } });
    i18n.changeLanguage('en');
    expect(i18n.t('a.c')).toBe('in English');
    expect(i18n.t('a.b')).toBe('en français');
    expect(i18n.t('a.n', { count: 0 })).toBe('0 lit');
    expect(i18n.t('a.nope')).toBe('a.nope');
    // A key that names a section is not a string.
    expect(i18n.t('a')).toBe('a');
  });

  it('merges a later catalog into the sections already there', () => {
    const i18n = createTranslator<'fr'>('fr');
    i18n.addStrings('fr', fr);
    expect(i18n.t('handover.openActions', { count: 2 })).toBe('handover.openActions');
    const before = i18n.t('status.label');
    i18n.addStrings('fr', screensFr);
    i18n.addStrings('fr', { status: { later: 'plus tard' } });
    expect(i18n.t('handover.openActions', { count: 2 })).toBe('2 actions en attente\u00a0:');
    expect(i18n.t('status.label')).toBe(before);
    expect(i18n.t('status.later')).toBe('plus tard');
    expect(i18n.hasStrings('fr')).toBe(true);
  });

  it('tells its listeners when the language changes, not when it stays', () => {
    const i18n = both();
    let calls = 0;
    const off = i18n.onLanguageChanged(() => calls++);
    i18n.changeLanguage('fr');
    i18n.changeLanguage('en');
    expect(i18n.language).toBe('en');
    off();
    i18n.changeLanguage('fr');
    expect(calls).toBe(1);
  });
});
