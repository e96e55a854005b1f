import { z } from 'zod';

/** A ward. Its code names its scope: unit:<code>. */
export const unitBody = z.strictObject({
  code: z.string().regex(/^[A-Z0-9_-]{2,16}$/, 'must be 2-16 capitals, digits, - or _'),
  name: z.string().min(1).max(120),
});
export type UnitBody = z.infer<typeof unitBody>;
