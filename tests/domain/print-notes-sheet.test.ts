// Issue 11 §3: the notes on paper, in the order things happened, with everything a reader must
// see: amended, entered in error (struck, not left out), addenda, a conflict's versions.
import { describe, expect, it } from 'vitest';
import { projectDocument } from '../../src/domain/project';
import { notesToPrint } from '../../src/domain/print/notes-sheet';
import { addendum, amend, makeCreate, nurseYanis, retract } from './fixtures';

const note = (target: string, observedAt?: string) => ({ target, data: `${target} : données`, actions: '', results: '', ...(observedAt ? { observedAt } : {}) });

describe('notes to print', () => {
  it('orders by the time observed (else written), and says a late entry', async () => {
    const late = await makeCreate(note('Chute', '2026-02-09T02:10:00.000Z'), { createdAt: '2026-02-09T05:30:00.000Z' });
    const old = await makeCreate(note('Douleur'), { createdAt: '2026-02-09T03:00:00.000Z' });
    const now = await makeCreate(note('Sommeil', '2026-02-09T04:00:00.000Z'), { createdAt: '2026-02-09T04:05:00.000Z' });
    const printed = notesToPrint([late, old, now].map((e) => projectDocument([e])));
    expect(printed.map((n) => n.versions[0]!.body.target)).toEqual(['Chute', 'Douleur', 'Sommeil']);
    expect(printed.map((n) => n.at)).toEqual(['2026-02-09T02:10:00.000Z', '2026-02-09T03:00:00.000Z', '2026-02-09T04:00:00.000Z']);
    expect(printed.map((n) => n.versions[0]!.late)).toEqual([true, false, false]);
  });

  it('keeps only what happened since a time (the kit’s last 72 h)', async () => {
    const before = await makeCreate(note('Plaie', '2026-02-05T10:00:00.000Z'), { createdAt: '2026-02-09T04:00:00.000Z' });
    const after = await makeCreate(note('Anxiété'), { createdAt: '2026-02-08T10:00:00.000Z' });
    const printed = notesToPrint([projectDocument([before]), projectDocument([after])], new Date('2026-02-06T12:00:00.000Z'));
    expect(printed.map((n) => n.versions[0]!.body.target)).toEqual(['Anxiété']);
  });

  it('prints an amended note as it stands, a retracted one with its reason, and the addenda', async () => {
    const c = await makeCreate(note('Élimination', '2026-02-09T01:00:00.000Z'), { createdAt: '2026-02-09T01:05:00.000Z' });
    const a = await amend(c, { ...note('Élimination', '2026-02-09T01:00:00.000Z'), results: 'Diurèse 300 mL' }, { author: nurseYanis });
    const add = await addendum(a, 'Famille prévenue');
    const wrong = await makeCreate(note('Chute'), { createdAt: '2026-02-09T02:00:00.000Z' });
    const r = await retract(wrong, 'Mauvais patient');
    const [amended, struck] = notesToPrint([projectDocument([c, a, add]), projectDocument([wrong, r])]);
    expect(amended!.amended).toBe(true);
    expect(amended!.created.author.name).toBe('Camille Martin');
    expect(amended!.versions[0]!.by.author.name).toBe('Yanis Benali');
    expect(amended!.versions[0]!.body.results).toBe('Diurèse 300 mL');
    expect(amended!.addenda.map((x) => (x.body as { text: string }).text)).toEqual(['Famille prévenue']);
    expect(struck!.retraction?.body).toEqual({ reason: 'Mauvais patient' });
    expect(struck!.versions[0]!.body.target).toBe('Chute');
  });

  it('prints both versions of a conflicted note, and nothing of other documents', async () => {
    const c = await makeCreate(note('Douleur'));
    const one = await amend(c, { ...note('Douleur'), results: 'EVA 2' });
    const two = await amend(c, { ...note('Douleur'), results: 'EVA 3' }, { deviceId: 'tab-cardio-2' });
    const form = await makeCreate({ questionnaire: 'x' }, { docType: 'form' });
    const printed = notesToPrint([projectDocument([c, one, two]), projectDocument([form])]);
    expect(printed).toHaveLength(1);
    expect(printed[0]!.versions.map((v) => v.body.results).sort()).toEqual(['EVA 2', 'EVA 3']);
  });
});
