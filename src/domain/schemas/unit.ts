import { z } from 'zod';

/** The cibles most notes on a French ward start from, offered when a ward has not set its own. */
export const DEFAULT_NOTE_TARGETS: readonly string[] = ['Douleur', 'Chute', 'Élimination', 'Alimentation', 'Sommeil', 'Anxiété', 'Plaie'];

export { DEFAULT_AUTO_LOCK_MINUTES, autoLockMinutesOf } from './auto-lock';

/**
 * A ward. Its code names its scope: unit:<code>. noteTargets are the ward's frequent cibles, one
 * tap each in the note form (an admin edits them); without them the defaults above are offered.
 * autoLockMinutes is how long its tablets stay unlocked without a touch (1 to 30; default 5).
 */
export const unitBody = z.strictObject({
  code: z.string().regex(/^[A-Z0-9_-]{2,16}$/, 'must be 2-16 capitals, digits, - or _'),
  name: z.string().min(1).max(120),
  /** The ward's name on English screens; the French name stays the source (english-names.ts). */
  nameEn: z.string().trim().min(1).max(120).optional(),
  noteTargets: z
    .array(z.string().trim().min(1, 'a cible cannot be empty').max(60))
    .max(24)
    .refine((l) => new Set(l.map((x) => x.toLocaleLowerCase('fr'))).size === l.length, 'each cible once')
    .optional(),
  autoLockMinutes: z.number().int().min(1).max(30).optional(),
});
export type UnitBody = z.infer<typeof unitBody>;

/**
 * A ward as an admin typed it, its cibles one per line: blank lines and spaces dropped, and an
 * empty list removed (the ward then offers the defaults).
 */
export function typedUnit(u: UnitBody): UnitBody {
  const targets = (u.noteTargets ?? []).map((x) => x.trim()).filter((x) => x !== '');
  const { noteTargets: _, ...rest } = u;
  return targets.length > 0 ? { ...rest, noteTargets: targets } : rest;
}

/** The quick picks of a ward's note form. */
export function noteTargetsOf(unit: Pick<UnitBody, 'noteTargets'> | undefined): readonly string[] {
  return unit?.noteTargets ?? DEFAULT_NOTE_TARGETS;
}

