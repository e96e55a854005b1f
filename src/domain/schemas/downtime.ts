import { z } from 'zod';
import { DOWN_SYSTEMS } from './down-systems';

/** Why the ward works without its systems. A drill is a rehearsal of any of the others. */
export const DOWNTIME_REASONS = ['network', 'records', 'switchboard', 'power', 'cyberattack', 'drill'] as const;
export type DowntimeReason = (typeof DOWNTIME_REASONS)[number];

export { DOWN_SYSTEMS };

const UNIT_CODE = /^[A-Z0-9_-]{2,16}$/;

/** Who ended the episode, written into the body so the recovery team reads it with the episode. */
const endedBy = z.strictObject({
  userId: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  role: z.string().min(1).max(50),
});

/**
 * A downtime episode ("mode dégradé"): one ward (scope unit:<code>) or the whole hospital
 * (scope global). Ending it is an amend that sets endedAt and endedBy; the recovery phase starts.
 */
export const downtimeBody = z
  .strictObject({
    area: z.enum(['unit', 'hospital']),
    unitCode: z.string().regex(UNIT_CODE, 'must be a unit code such as MED').optional(),
    startedAt: z.iso.datetime({ offset: true }),
    reason: z.enum(DOWNTIME_REASONS),
    down: z.array(z.string().trim().min(1).max(80)).max(20),
    drill: z.boolean(),
    note: z.string().max(2000).optional(),
    endedAt: z.iso.datetime({ offset: true }).optional(),
    endedBy: endedBy.optional(),
  })
  .refine((b) => (b.area === 'unit') === (b.unitCode !== undefined), {
    message: 'a ward episode names its unitCode; a hospital-wide one has none',
    path: ['unitCode'],
  })
  .refine((b) => b.reason !== 'drill' || b.drill, { message: 'a drill is marked drill: true', path: ['drill'] })
  .refine((b) => (b.endedAt === undefined) === (b.endedBy === undefined), {
    message: 'endedAt and endedBy go together',
    path: ['endedBy'],
  })
  .refine((b) => b.endedAt === undefined || Date.parse(b.endedAt) >= Date.parse(b.startedAt), {
    message: 'an episode cannot end before it started',
    path: ['endedAt'],
  });
export type DowntimeBody = z.infer<typeof downtimeBody>;
