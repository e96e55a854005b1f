// Building blocks of the demo fiches réflexes (procedures.ts assembles them).
import type { CareRole } from '../../domain/roles';
import type { ProcedureCategory, ProcedureStep } from '../../domain/schemas/procedure';

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
