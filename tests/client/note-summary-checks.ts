// What the board's note-summary tests compare a line with: the same figures read the slow way.
import { expect } from 'vitest';
import { aNote } from './helpers';
import type { NewEntry } from '../../src/client/db/append';
import { figuresOf, summaryFigures, BOARD_LINES_BUILT } from '../../src/client/db/note-summary';
import type { ReleveDb } from '../../src/client/db/schema';
import { loadWard } from '../../src/client/data/ward';

/** What counting her notes gives, read the slow way. */
export async function counted(db: ReleveDb, patientId: string) {
  return figuresOf(await db.docs.where('[patientKey+docType]').equals([patientId, 'note']).toArray());
}

export async function expectSummaryTrue(db: ReleveDb, patientId: string) {
  const figures = await counted(db, patientId);
  expect(summaryFigures(await db.noteSummaries.get(patientId))).toEqual(figures);
  return figures;
}

/** The board read from its lines is the board read the slow way (every record, every note counted). */
export async function expectBoardTrue(db: ReleveDb, unit = 'MED') {
  const fromLines = await loadWard(unit, db);
  const built = await db.meta.get(BOARD_LINES_BUILT);
  await db.meta.delete(BOARD_LINES_BUILT);
  const slow = await loadWard(unit, db);
  await db.meta.put(built!);
  expect(fromLines).toEqual(slow);
  return fromLines;
}

export const noteOn = (patientId: string): NewEntry => ({ docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId, body: aNote });

