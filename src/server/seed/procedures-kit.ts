// Building blocks of the demo fiches réflexes (procedures.ts assembles them).
import type { CareRole } from '../../domain/roles';
import type { ProcedureCategory, ProcedureStep } from '../../domain/schemas/procedure';
import type { Phone } from '../../domain/schemas/contact';
import { dect, radio } from './contacts-phones';

export interface SeedProcedure {
  code: string;
  title: string;
  category: ProcedureCategory;
  units: 'all' | string[];
  roles: CareRole[];
  summary: string;
  owner: string;
  reviewedMonthsAgo: number;
  reviewEveryMonths: number;
  steps: ProcedureStep[];
}

/** The English text of a fiche: same code, same steps in the same order. */
export interface SeedTranslation {
  code: string;
  title: string;
  summary: string;
  owner: string;
  steps: string[];
}

/** A step ticked off in a checklist run. */
export const tick = (text: string): ProcedureStep => ({ text, checklist: true });
/** A step that guides without being ticked. */
export const info = (text: string): ProcedureStep => ({ text, checklist: false });
/** A life-saving step, pinned in red at the top of the fiche and of its runs, with its numbers. */
export const safety = (text: string, phones: Phone[]): ProcedureStep => ({ text, checklist: false, safety: true, phones });

/** The resuscitation team, reached without the switchboard. */
export const RESUSCITATION_PHONES: Phone[] = [dect('4000', 'Équipe de réanimation'), radio('Canal 1')];
