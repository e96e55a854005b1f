// What the signed-in person may do, asked before showing a button. The server checks again:
// this only spares a nurse a button that would be refused.
import { docTypeRule } from '../../../domain/schemas';
import { canWrite } from '../../../domain/scope';
import type { SessionUser } from '../../data';

export function mayWrite(user: SessionUser | null, docType: string, scope: string): boolean {
  if (!user) return false;
  const rule = docTypeRule(docType);
  return !!rule && rule.writers.includes(user.role) && canWrite(user, scope);
}
