// The answers that differ between versions of a conflicted form (domain/questionnaire/differences.ts).
import { describe, expect, it } from 'vitest';
import { differingPaths } from '../../src/domain/questionnaire';

const row = (spo2: number, temp?: number) => ({
  linkId: 'vitals',
  item: [{ linkId: 'vs-spo2', answer: [{ valueInteger: spo2 }] }, ...(temp !== undefined ? [{ linkId: 'vs-temperature', answer: [{ valueDecimal: temp }] }] : [])],
});

describe('differingPaths', () => {
  it('marks the answers that differ, and the rows and groups that hold them', () => {
    const a = [{ linkId: 'severity', answer: [{ valueCoding: { code: 'watcher' } }] }, row(95, 37.2), row(93)];
    const b = [{ linkId: 'severity', answer: [{ valueCoding: { code: 'watcher' } }] }, row(95, 38.9), row(93)];
    expect([...differingPaths([a, b])].sort()).toEqual(['vitals#0', 'vitals#0/vs-temperature#0']);
  });

  it('counts an answer left blank in one version as a difference, and nothing when all agree', () => {
    expect(differingPaths([[row(95, 37)], [row(95)]])).toEqual(new Set(['vitals#0', 'vitals#0/vs-temperature#0']));
    expect(differingPaths([[row(95, 37)], [row(95, 37)]]).size).toBe(0);
  });
});
