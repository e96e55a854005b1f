import { describe, expect, it } from 'vitest';
import { softHyphenate } from '../../src/domain/print/hyphenate';

const show = (s: string) => softHyphenate(s).replace(/\u00ad/g, '-');

describe('softHyphenate', () => {
  it('breaks long header words between syllables', () => {
    expect(show('Fréquence respiratoire (/min)')).toBe('Fré-quence res-pi-ra-toire (/min)');
    expect(show('PA systolique (mmHg)')).toBe('PA sys-to-lique (mmHg)');
    expect(show('Température (°C)')).toBe('Tem-pé-ra-ture (°C)');
  });
  it('leaves short words, clusters and word edges alone', () => {
    expect(show('Heure SpO₂ Initiales')).toBe('Heure SpO₂ Ini-tiales');
    expect(show('Prescripteur')).toBe('Pres-crip-teur');
  });
  it('only adds soft hyphens', () => {
    const text = 'Motif de non-administration (si « Administré » = Non)';
    expect(softHyphenate(text).replace(/\u00ad/g, '')).toBe(text);
  });
});
