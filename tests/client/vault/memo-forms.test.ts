// The memo of the last unlock (vault/opened-memo.ts) with the rest of what the board reads: the
// ward's handover forms and the handover templates. With nothing changed, the first board read
// after an unlock opens ONE value (the memo); a form or template rewritten since is opened anew
// and what the board shows is what it holds now, never the memo's text.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildResponse, initialValues, setAnswers, type FormValues } from '../../../src/domain/questionnaire';
import { handoverIpass } from '../../../src/server/seed/templates/handover-ipass';
import { admin, admitPatient, dupont, nurse } from '../helpers';
import { appendEntry } from '../../../src/client/db/append';
import { loadWard } from '../../../src/client/data/ward';
import { loadTemplates } from '../../../src/client/data/templates';
import { generateDataKey, setDataKey } from '../../../src/client/db/vault/data-key';
import { memoWritten } from '../../../src/client/db/vault/opened-memo';
import { SEALED_FIELD } from '../../../src/client/db/vault/policy';
import type { ReleveDb } from '../../../src/client/db/schema';
import { stopVaults, unlockAfresh, vaultDb } from './vault-fixture';

afterEach(() => {
  vi.restoreAllMocks();
  stopVaults();
  setDataKey(null);
});

const bernard = { ...dupont, ipp: '80000002', lastName: 'Bernard', room: '113' };

function handover(patientId: string, severity: string): object {
  let v: FormValues = initialValues(handoverIpass.item);
  v = setAnswers(v, [], 'severity', [severity]);
  v = setAnswers(v, [{ linkId: 'summary', row: 0 }], 'summary-text', ['Sepsis urinaire']);
  return buildResponse(handoverIpass, v, { patientId, authored: new Date().toISOString(), authorName: nurse.name });
}

/** Two patients, the handover template, and a handover for each: the board reads 2 lines, 2 forms, 1 template. */
async function wardWithHandovers() {
  const v = vaultDb();
  setDataKey(await generateDataKey());
  const template = await appendEntry(v.db, { docType: 'template', kind: 'create', parents: [], scope: 'global', body: handoverIpass }, admin);
  const forms = [];
  for (const body of [dupont, bernard]) {
    const { entry } = await admitPatient(v.db, body);
    forms.push((await appendEntry(v.db, { docType: 'form', kind: 'create', parents: [], scope: 'unit:MED', patientId: entry.id, body: handover(entry.id, 'unstable') }, nurse)).entry);
  }
  return { ...v, template: template.entry, forms };
}

const severities = async (db: ReleveDb) => (await loadWard('MED', db)).map((r) => [r.patient.lastName, r.severity]);

describe('the memo holds the forms and templates the board reads', () => {
  it('with nothing changed, the first board read after an unlock opens one value: the memo', async () => {
    const { db } = await wardWithHandovers();
    await unlockAfresh(db);
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
    const board = await loadWard('MED', db);
    expect(board.map((r) => [r.patient.lastName, r.severity])).toEqual([['Dupont', 'unstable'], ['Bernard', 'unstable']]);
    expect(decrypt.mock.calls.length).toBe(5); // no memo yet: 2 lines, 2 forms, 1 template
    await memoWritten();
    await unlockAfresh(db);
    decrypt.mockClear();
    expect(await loadWard('MED', db)).toEqual(board);
    expect(decrypt.mock.calls.length).toBe(1);
  });

  it('a handover amended since is opened anew: the board shows its new severity, not the memo\'s', async () => {
    const { db, forms } = await wardWithHandovers();
    await unlockAfresh(db);
    await loadWard('MED', db);
    await memoWritten();
    const form = forms[0]!;
    await appendEntry(db, { docId: form.docId, docType: 'form', kind: 'amend', parents: [form.id], scope: 'unit:MED', patientId: form.patientId!, body: handover(form.patientId!, 'stable') }, nurse);
    await unlockAfresh(db);
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
    expect(await severities(db)).toEqual([['Dupont', 'stable'], ['Bernard', 'unstable']]);
    // The memo, Dupont's form, and her line (the amend rewrote it: a form touches her board line).
    expect(decrypt.mock.calls.length).toBeGreaterThan(1);
    // Written again with them: the unlock after opens the memo only, and still shows the amend.
    await memoWritten();
    await unlockAfresh(db);
    decrypt.mockClear();
    expect(await severities(db)).toEqual([['Dupont', 'stable'], ['Bernard', 'unstable']]);
    expect(decrypt.mock.calls.length).toBe(1);
  });

  it('a template rewritten since (retracted) is opened anew: read as retracted, never as the memo held it', async () => {
    const { db, template } = await wardWithHandovers();
    await unlockAfresh(db);
    const board = await loadWard('MED', db);
    expect((await loadTemplates(db)).map((t) => t.retracted)).toEqual([false]);
    await memoWritten();
    await appendEntry(db, { docId: template.docId, docType: 'template', kind: 'retract', parents: [template.id], scope: 'global', body: { reason: 'Remplacé' } }, admin);
    await unlockAfresh(db);
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
    expect((await loadTemplates(db)).map((t) => t.retracted)).toEqual([true]);
    expect(decrypt.mock.calls.length).toBe(2); // the memo, and the template
    expect(await loadWard('MED', db)).toEqual(board); // forms and lines from the memo
    expect(decrypt.mock.calls.length).toBe(2);
  });

  it('a memo of more than 64 KB is kept in parts under it (Chromium keeps larger values as files), all read, one decryption each', async () => {
    const { db, disk } = await wardWithHandovers();
    for (let n = 1; n <= 12; n++) {
      const long = { ...handoverIpass, version: `1.0.${n}`, description: `Révision ${n} : ${'é'.repeat(1_900)}${'a'.repeat(1_900)}` };
      await appendEntry(db, { docType: 'template', kind: 'create', parents: [], scope: 'global', body: long }, admin);
    }
    await unlockAfresh(db);
    const board = await loadWard('MED', db);
    await memoWritten();
    const raw = disk();
    const parts = (await raw.meta.where('key').startsWith('openedMemo#').toArray()) as unknown as Record<string, Uint8Array>[];
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p[SEALED_FIELD]!.byteLength).toBeLessThan(64 * 1024);
    raw.close();
    await unlockAfresh(db);
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
    expect(await loadWard('MED', db)).toEqual(board);
    expect(await loadTemplates(db)).toHaveLength(13);
    expect(decrypt.mock.calls.length).toBe(parts.length);
  });
});
