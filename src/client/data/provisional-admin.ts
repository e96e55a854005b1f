// The accounts enrolled offline, on the admin screen: listed from the server with the accounts
// they may be linked to, and decided there (link, create, refuse). Online only, like every admin
// edit: the decision is the server's, in one transaction; the tablets learn it at their next sync.
import { matchesWords } from '../../domain/downtime/library';
import { provisionalDecisionSchema, type LinkableAccount, type ProvisionalAccountView, type ProvisionalListAnswer, type ProvisionalProblem } from '../../domain/provisional';
import { api, HttpError, OfflineError } from '../sync/http';
import { signedInToken, useOnlineAnswer, type OnlineAnswer } from './online-answer';

export type { LinkableAccount, ProvisionalAccountView } from '../../domain/provisional';

/** What an admin asks (the body of POST /api/admin/provisional/:id). */
export type ProvisionalDecision =
  | { action: 'link'; username: string }
  | { action: 'create'; username: string; password: string }
  | { action: 'refuse'; reason: string };

/** The field of a decision the server would refuse, checked before asking to confirm; null if none. */
export function decisionInputProblem(decision: ProvisionalDecision): 'username' | 'password' | 'reason' | null {
  const parsed = provisionalDecisionSchema.safeParse(decision);
  if (parsed.success) return null;
  const field = parsed.error.issues[0]?.path[0];
  return field === 'password' || field === 'reason' ? field : 'username';
}

/**
 * Why a decision was not made, for the screen to say in words: nothing was changed in any of
 * these cases (the server decides in one transaction, or not at all).
 */
export type DecisionProblem = ProvisionalProblem | 'offline' | 'forbidden' | 'invalid' | 'failed';

export class DecisionError extends Error {
  constructor(readonly problem: DecisionProblem, readonly reason: string) {
    super(reason);
    this.name = 'DecisionError';
  }
}

const PROBLEMS: readonly ProvisionalProblem[] = ['unknown_account', 'already_decided', 'no_such_user', 'user_disabled', 'username_taken'];

/** The server's refusal as the screen names it; the server's own words are kept as the reason. */
function decisionProblem(err: unknown): DecisionError {
  if (err instanceof OfflineError) return new DecisionError('offline', err.message);
  if (!(err instanceof HttpError)) return new DecisionError('failed', err instanceof Error ? err.message : String(err));
  const details = err.body?.details;
  const told = typeof details === 'object' && details !== null ? (details as { problem?: unknown; message?: unknown }) : {};
  const reason = typeof told.message === 'string' ? told.message : typeof details === 'string' ? details : err.message;
  if (typeof told.problem === 'string' && (PROBLEMS as readonly string[]).includes(told.problem)) return new DecisionError(told.problem as ProvisionalProblem, reason);
  if (err.status === 404) return new DecisionError('unknown_account', reason);
  if (err.status === 401 || err.status === 403) return new DecisionError('forbidden', reason);
  if (err.status === 400) return new DecisionError('invalid', Array.isArray(details) ? JSON.stringify(details) : reason);
  return new DecisionError('failed', reason);
}

/** The provisional accounts and the linkable accounts, fetched on mount and again on reload(). */
export function useProvisionalAccounts(): OnlineAnswer<ProvisionalListAnswer> {
  return useOnlineAnswer<ProvisionalListAnswer>('/api/admin/provisional');
}

/** Links, creates or refuses; the account as the server now holds it. Throws a DecisionError. */
export async function decideProvisional(id: string, decision: ProvisionalDecision): Promise<ProvisionalAccountView> {
  try {
    const path = `/api/admin/provisional/${encodeURIComponent(id)}`;
    return (await api<{ account: ProvisionalAccountView }>(path, { token: await signedInToken(), method: 'POST', body: decision })).account;
  } catch (err) {
    throw decisionProblem(err);
  }
}

/** The linkable accounts a typed search matches (name, username or ward), accents and case ignored. */
export function matchingAccounts(accounts: readonly LinkableAccount[], search: string): LinkableAccount[] {
  return accounts.filter((a) => matchesWords(`${a.name} ${a.username} ${a.units.join(' ')}`, search));
}
