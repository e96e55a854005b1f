// The colleagues enrolled offline on this tablet's wards, and where IT's decision on each stands
// as this tablet last pulled it (data/enrolments.ts): to be confirmed, linked to whose account,
// or refused and why. Shown only when there are some.
import type { TFunction } from '../../i18n';
import { useTranslation } from '../../i18n';
import { useEnrolments, type EnrolmentView } from '../../data';
import { useFormat } from '../../i18n';

function statusText(t: TFunction, e: EnrolmentView): string {
  if (e.decision?.status === 'linked') return t('enrol.onTablet.linked', { account: e.decision.account.name });
  if (e.decision?.status === 'refused') return t('enrol.onTablet.refused', { reason: e.decision.reason });
  return t('enrol.onTablet.pending');
}

export function EnrolmentsOnTablet() {
  const { t } = useTranslation();
  const f = useFormat();
  const enrolments = useEnrolments();
  if (!enrolments?.length) return null;
  return (
    <section aria-labelledby="enrolments-on-tablet">
      <h2 id="enrolments-on-tablet">{t('enrol.onTablet.title')}</h2>
      <p>{t('enrol.onTablet.help')}</p>
      <ul className="plain-list enrolments-on-tablet">
        {enrolments.map((e) => (
          <li key={e.accountId} data-status={e.decision?.status ?? 'pending'}>
            {t('enrol.onTablet.line', { name: e.name, by: e.enrolledBy, at: f.dateTime(e.enrolledAt) })} — <strong>{statusText(t, e)}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
