import { z } from 'zod';

/** HL7 table 0078 abnormal flags, the ones a nurse acts on. */
export const ABNORMAL_FLAGS = ['N', 'L', 'H', 'LL', 'HH', 'A', 'AA'] as const;
export type AbnormalFlag = (typeof ABNORMAL_FLAGS)[number];

/**
 * The latest value of one test for one patient (HL7v2 ORU^R01 OBX, FHIR Observation): one
 * document per patient and test code, a new value is a new version of it.
 */
export const resultBody = z.strictObject({
  /** LOINC code (OBX-3.1 with coding system LN). */
  code: z.string().min(1).max(40),
  system: z.string().min(1).max(80),
  label: z.string().min(1).max(200),
  value: z.string().min(1).max(200),
  unit: z.string().max(40).optional(),
  /** Reference range as the lab prints it: "3.5-5.0". */
  range: z.string().max(60).optional(),
  flag: z.enum(ABNORMAL_FLAGS).optional(),
  observedAt: z.iso.datetime({ offset: true }),
  /** F final, P preliminary, C corrected. */
  resultStatus: z.enum(['F', 'P', 'C']).optional(),
});
export type ResultBody = z.infer<typeof resultBody>;

export function isAbnormal(flag: AbnormalFlag | undefined): boolean {
  return flag !== undefined && flag !== 'N';
}
