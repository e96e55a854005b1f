// A transcribed sheet belongs to the episode it was written in, by the time written on the paper:
// its ward's episode first, else a hospital-wide one; none when the paper time falls outside all.
import { describe, expect, it } from 'vitest';
import type { EpisodeDoc } from '../../../src/domain/downtime/episode';
import { episodeOfPaper } from '../../../src/domain/recovery/transcription';

function episode(docId: string, scope: string, startedAt: string, endedAt?: string, retracted = false): EpisodeDoc {
  const body = { area: scope === 'global' ? 'hospital' : 'unit', ...(scope === 'global' ? {} : { unitCode: scope.slice(5) }), startedAt, reason: 'network', drill: false,
    ...(endedAt ? { endedAt, endedBy: { userId: 'u', name: 'N', role: 'charge' } } : {}) };
  return { docId, docType: 'downtime', scope, body, headVersions: [{ body } as EpisodeDoc['headVersions'][number]], retracted };
}

describe('episodeOfPaper', () => {
  const med = episode('e-med', 'unit:MED', '2026-11-28T10:00:00.000Z', '2026-11-28T14:00:00.000Z');
  const hospital = episode('e-all', 'global', '2026-11-28T09:00:00.000Z', '2026-11-28T18:00:00.000Z');
  const chir = episode('e-chir', 'unit:CHIR', '2026-11-28T10:00:00.000Z');
  const wrong = episode('e-wrong', 'unit:MED', '2026-11-28T15:00:00.000Z', '2026-11-28T16:00:00.000Z', true);

  it('picks the ward’s episode whose span holds the paper time, then a hospital-wide one', () => {
    expect(episodeOfPaper([hospital, med, chir], 'unit:MED', '2026-11-28T11:00:00.000Z')).toBe('e-med');
    expect(episodeOfPaper([hospital, med, chir], 'unit:MED', '2026-11-28T15:00:00.000Z')).toBe('e-all');
    expect(episodeOfPaper([med, chir], 'unit:MED', '2026-11-28T15:00:00.000Z')).toBeNull();
  });

  it('never takes another ward’s episode, nor one entered in error; a running episode has no end', () => {
    expect(episodeOfPaper([chir], 'unit:MED', '2026-11-28T11:00:00.000Z')).toBeNull();
    expect(episodeOfPaper([wrong], 'unit:MED', '2026-11-28T15:30:00.000Z')).toBeNull();
    expect(episodeOfPaper([chir], 'unit:CHIR', '2030-01-01T00:00:00.000Z')).toBe('e-chir');
  });
});
