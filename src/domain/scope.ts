// Scopes say who may receive an entry: 'global' (everyone) or 'unit:<unit code>' (that ward).
import type { Role } from './roles';

export const GLOBAL_SCOPE = 'global';
const UNIT_PREFIX = 'unit:';

export function unitScope(unitCode: string): string {
  return UNIT_PREFIX + unitCode;
}

/** The unit code of a unit scope, or null for 'global' and anything malformed. */
export function unitOfScope(scope: string): string | null {
  if (!scope.startsWith(UNIT_PREFIX)) return null;
  const code = scope.slice(UNIT_PREFIX.length);
  return /^[A-Z0-9_-]{2,16}$/.test(code) ? code : null;
}

export function isValidScope(scope: string): boolean {
  return scope === GLOBAL_SCOPE || unitOfScope(scope) !== null;
}

export interface ScopeHolder {
  role: Role;
  units: readonly string[];
}

/** The scopes a user pulls: global, and the units they belong to. */
export function readableScopes(user: ScopeHolder): string[] {
  return [GLOBAL_SCOPE, ...user.units.map(unitScope)];
}

export function canRead(user: ScopeHolder, scope: string): boolean {
  if (scope === GLOBAL_SCOPE) return true;
  const unit = unitOfScope(scope);
  return unit !== null && user.units.includes(unit);
}

/** Ward members write their ward's scope; only an admin writes global content. */
export function canWrite(user: ScopeHolder, scope: string): boolean {
  if (scope === GLOBAL_SCOPE) return user.role === 'admin';
  const unit = unitOfScope(scope);
  if (unit === null) return false;
  return user.role === 'admin' || user.units.includes(unit);
}
