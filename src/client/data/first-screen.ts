// The screen a tablet opens on, read before React draws anything (issue 15). Drawn the usual way,
// the ward board took nine renders to its first row: the session's answer drew the frame, the
// frame's hooks started the board's reads, their answers drew again, one live query at a time.
// Here the session, the nurse's wards and the board's rows are read side by side as soon as the
// databases are open, and the first render already has them. The live queries still run, so
// every screen stays live; they start from these answers instead of from "loading".
import type { Language } from '../i18n';
import { hasDataKey } from '../db/vault/data-key';
import { holdSession } from './session';
import { loadUnitNames, loadWard, unitsNamed } from './ward';
import { firstScreenIsDrawn, forgetFirstAnswers, keepFirstAnswer, unitsAnswerKey, wardAnswerKey } from './first-answers';

const WARD_BOARD = /^\/ward\/([^/]+)\/?$/;

let releaseSession: (() => void) | null = null;

/**
 * Reads what the screen at `path` first shows, once `opened` (the databases) has settled. Never
 * throws: a read that fails is read again by the screen itself, which then shows the error.
 */
export async function readFirstScreen(opened: Promise<unknown>, path: string, language: Language): Promise<void> {
  try {
    await opened;
    const unit = WARD_BOARD.exec(path)?.[1];
    const code = unit === undefined ? null : decodeURIComponent(unit);
    // Asked for together with the session, not after it: the rows are kept only if she may see
    // this ward. Locked, nothing is read (the rows cannot be opened; the lock screen comes first).
    const board = code !== null && hasDataKey() ? Promise.all([loadUnitNames(language), loadWard(code)]) : null;
    board?.catch(() => undefined); // read again by the screen, which shows the error
    const session = await holdSession();
    if (firstScreenIsDrawn()) return session.release();
    releaseSession = session.release;
    const user = session.user;
    if (!user || !board || code === null || !user.units.includes(code)) return;
    const [names, rows] = await board;
    keepFirstAnswer(unitsAnswerKey(user.id, user.units, language), unitsNamed(user, names));
    keepFirstAnswer(wardAnswerKey(code), rows);
  } catch (err) {
    console.warn('first screen read on its own', err);
  }
}

/** Called once the first screen is committed: its components read for themselves from now on. */
export function firstScreenDrawn(): void {
  forgetFirstAnswers();
  releaseSession?.();
  releaseSession = null;
}
