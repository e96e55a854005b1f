import { z } from 'zod';
import { CARE_ROLES } from '../roles';
import { phoneBody } from './contact';

/** The families of "fiches réflexes", so a ward can filter the library. */
export const PROCEDURE_CATEGORIES = [
  'information-system', 'communication', 'medication', 'diagnostics', 'transfusion',
  'patient-flow', 'theatre', 'oncology', 'crisis', 'recovery',
] as const;
export type ProcedureCategory = (typeof PROCEDURE_CATEGORIES)[number];

const UNIT_CODE = /^[A-Z0-9_-]{2,16}$/;

const procedureStep = z.strictObject({
  text: z.string().trim().min(1, 'a step needs its text').max(1000),
  /** Ticked off in a checklist run; the other steps are guidance. */
  checklist: z.boolean(),
  /** A life-saving step ("Urgence vitale : …"): pinned in red at the top of the fiche and of every run. */
  safety: z.boolean().optional(),
  /** The numbers the step names, dialled from it (tel:) on a tablet. */
  phones: z.array(phoneBody).max(6).optional(),
});
export type ProcedureStep = z.infer<typeof procedureStep>;

/**
 * A downtime procedure ("fiche réflexe"). `code` (e.g. FR-02) is shared by the translations of
 * one procedure, so a tablet in English shows the English text of the same fiche.
 */
export const procedureBody = z
  .strictObject({
    code: z.string().regex(/^[A-Z]{2,4}-\d{2,3}$/, 'must look like FR-02').optional(),
    title: z.string().trim().min(1, 'the title is required').max(200),
    category: z.enum(PROCEDURE_CATEGORIES),
    units: z.union([z.literal('all'), z.array(z.string().regex(UNIT_CODE, 'must be a unit code such as MED')).min(1).max(50)]),
    roles: z.array(z.enum(CARE_ROLES)).min(1, 'say who the procedure is for').max(CARE_ROLES.length),
    summary: z.string().trim().min(1, 'the summary is required').max(2000),
    steps: z.array(procedureStep).min(1, 'a procedure has at least one step').max(60),
    owner: z.string().trim().min(1, 'the owner is required').max(200),
    reviewedAt: z.iso.date(),
    nextReviewAt: z.iso.date(),
    lang: z.enum(['fr', 'en']),
  })
  .refine((p) => p.nextReviewAt > p.reviewedAt, { message: 'the next review comes after the last one', path: ['nextReviewAt'] });
export type ProcedureBody = z.infer<typeof procedureBody>;
