// createdAt comes from the tablet's clock, which can be reset to 1970 by a flat battery or run
// ahead. It is shown to people, never used to decide, so an unbelievable one is kept and flagged:
// refusing it would lose what the nurse wrote.
import type { Entry } from '../../domain/entry';
import { isCreatedAtBelievable } from '../../domain/identity-rules';
import type { Verdict } from './entry-checks';

export function createdAtVerdict(e: Entry, now: Date): Verdict {
  return isCreatedAtBelievable(e.createdAt, now) ? null : { flag: 'clock_suspect' };
}
