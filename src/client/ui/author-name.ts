// The name a byline shows. An entry of a provisional account (domain/provisional.ts) shows both
// names, hers and her enroller's, on screen and on paper: "Marie Relief, inscrite hors ligne par
// Claire Chef". Once an admin linked her to a real account, the account too: "Marie Relief
// (compte de Marie Dupont), inscrite hors ligne par Claire Chef". Entries never change, so the
// decision is not on the entry: the app frame provides the decisions this tablet has pulled
// (data/enrolments.ts) and the bylines read them here.
import type { TFunction } from '../i18n';
import { createContext, useCallback, useContext } from 'react';
import { useTranslation } from '../i18n';
import type { Author } from '../../domain/entry';
import type { EnrolmentDecision } from '../../domain/provisional';

/** Decisions on provisional accounts, by account id. */
export type ProvisionalDecisions = ReadonlyMap<string, EnrolmentDecision>;

export const ProvisionalDecisionsContext = createContext<ProvisionalDecisions>(new Map());

type Named = Pick<Author, 'userId' | 'name' | 'enrolledBy'>;

export function authorName(t: TFunction, author: Named, decisions?: ProvisionalDecisions): string {
  if (!author.enrolledBy) return author.name;
  const decision = decisions?.get(author.userId);
  if (decision?.status === 'linked') return t('enrol.bylineLinked', { name: author.name, account: decision.account.name, by: author.enrolledBy.name });
  return t('enrol.byline', { name: author.name, by: author.enrolledBy.name });
}

/** What an admin decided on this account, if the tablet knows. */
export function useProvisionalDecision(userId: string | undefined): EnrolmentDecision | undefined {
  const decisions = useContext(ProvisionalDecisionsContext);
  return userId === undefined ? undefined : decisions.get(userId);
}

/** authorName with this tablet's decisions: what every screen's byline uses. */
export function useAuthorName(): (author: Named) => string {
  const { t } = useTranslation();
  const decisions = useContext(ProvisionalDecisionsContext);
  return useCallback((author: Named) => authorName(t, author, decisions), [t, decisions]);
}
