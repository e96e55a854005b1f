// Declaring a downtime offers the fiches and call tree that match its reason; "Exercice" is asked
// once, as a box, not also as a reason.
import { describe, expect, it } from 'vitest';
import { DECLARED_REASONS, guidesFor } from '../../src/domain/downtime/reason-guides';

const fiche = (code: string) => ({ body: { code } });
const tree = (event: 'cyberattack' | 'phone-loss' | 'power' | 'network' | 'other') => ({ body: { event } });
const procedures = ['FR-01', 'FR-02', 'FR-03', 'FR-04', 'FR-13', 'FR-15'].map(fiche);
const trees = [tree('cyberattack'), tree('phone-loss'), tree('other')];

describe('fiches and call tree for a reason', () => {
  it('offers the switchboard fiche and the phone-loss call tree for a switchboard failure', () => {
    const g = guidesFor('switchboard', procedures, trees);
    expect(g.procedures.map((p) => p.body.code)).toEqual(['FR-02']);
    expect(g.callTrees.map((c) => c.body.event)).toEqual(['phone-loss']);
  });

  it('offers the cyberattack fiches in order and its call tree', () => {
    const g = guidesFor('cyberattack', procedures, trees);
    expect(g.procedures.map((p) => p.body.code)).toEqual(['FR-04', 'FR-13']);
    expect(g.callTrees).toHaveLength(1);
  });

  it('offers nothing before a reason is chosen, and no call tree the hospital does not have', () => {
    expect(guidesFor(null, procedures, trees)).toEqual({ procedures: [], callTrees: [] });
    expect(guidesFor('power', procedures, trees).callTrees).toEqual([]);
    expect(guidesFor('drill', procedures, trees)).toEqual({ procedures: [], callTrees: [] });
  });

  it('does not offer "drill" as a reason: it is the one Exercice box', () => {
    expect(DECLARED_REASONS).not.toContain('drill');
    expect(DECLARED_REASONS).toEqual(['network', 'records', 'switchboard', 'power', 'cyberattack']);
  });
});
