import type { Store } from '../store/open-store';
import type { LoginLimits } from '../http/login-limits';
import type { CheckSwitches } from '../sync/entry-checks';

/** What every route needs from the outside: the store, a clock (tests set it), token life. */
export interface RouteContext {
  store: Store;
  now: () => Date;
  tokenTtlHours: number;
  /** Internal, for tests: checks switched off to show a test can fail without them. */
  checks: CheckSwitches;
  loginLimits: LoginLimits;
  /** The main record's FHIR endpoint the recovery export is sent to (RELEVE_FHIR_EXPORT_URL); unset: download only. */
  fhirExportUrl?: string | undefined;
}
