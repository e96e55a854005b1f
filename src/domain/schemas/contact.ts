import { z } from 'zod';

/** How to reach someone when the switchboard is dead: the kind says which device to pick up. */
export const PHONE_KINDS = ['dect', 'mobile', 'landline', 'radio', 'runner'] as const;
export type PhoneKind = (typeof PHONE_KINDS)[number];

export const phoneBody = z.strictObject({
  label: z.string().trim().min(1, 'the label is required').max(80),
  /** A number, a radio channel or a place a runner goes to: free text, dialled only if it looks like a number. */
  number: z.string().trim().min(1, 'the number is required').max(80),
  kind: z.enum(PHONE_KINDS),
  /** On English screens: the label, and a channel or place written in words ("Canal 1"); French stays the source. */
  labelEn: z.string().trim().min(1).max(80).optional(),
  numberEn: z.string().trim().min(1).max(80).optional(),
});
export type Phone = z.infer<typeof phoneBody>;

/** A directory entry: a ward, a service, an on-call role or an outside body such as the SAMU. */
export const contactBody = z.strictObject({
  name: z.string().trim().min(1, 'the name is required').max(200),
  role: z.string().trim().max(200),
  service: z.string().trim().min(1, 'the service is required').max(120),
  phones: z.array(phoneBody).min(1, 'a contact needs at least one way to reach them').max(12),
  notes: z.string().max(2000),
  onCall: z.boolean(),
  /** Reached first in a life-threatening emergency (the resuscitation team, the SAMU): first on paper. */
  emergency: z.boolean().optional(),
  /** The ward this contact is, when it is one: lets a tablet find its own ward's numbers. */
  unitCode: z.string().regex(/^[A-Z0-9_-]{2,16}$/, 'must be a unit code such as MED').optional(),
});
export type ContactBody = z.infer<typeof contactBody>;
