// The ward's handover: every patient in room order with the latest handover's severity, open
// actions and when it was written. The round mode steps through the same list, patient by patient.
import { useTranslation } from '../../i18n';
import { Link } from '../../ui/router';
import { useWardHandover } from '../../data';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { AllergyBadge, BirthLine, Ipp, PatientName, RoomBed } from '../../ui/patient';
import { useNow } from '../../ui/useNow';
import { usePageTitle } from '../../ui/usePageTitle';
import { useRouteWard } from '../ward/useRouteWard';
import { HandoverSummary } from './HandoverSummary';

export function WardHandoverPage() {
  const { t } = useTranslation();
  const { unit, units, info, label } = useRouteWard();
  const rows = useWardHandover(unit);
  const now = useNow();
  usePageTitle(t('handover.title', { unit: label }));
  if (units === undefined) return <Loading />;
  if (!info) return <section className="page"><Notice kind="error">{t('ward.notYourWard', { unit })}</Notice></section>;
  const base = `/ward/${encodeURIComponent(unit)}`;
  return (
    <section className="page">
      <div className="section-header">
        <h1>{t('handover.title', { unit: label })}</h1>
        <div className="button-row">
          <Link to={`${base}/handover/round`} className="button button--primary">{t('handover.startRound')}</Link>
          <Link to={base} className="button">{t('handover.backToBoard')}</Link>
        </div>
      </div>
      {rows === undefined ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Notice kind="info">{t('ward.noPatients')}</Notice>
      ) : (
        <ol className="handover-list">
          {rows.map((r, i) => (
            <li key={r.patientId} className="handover-item">
              <div className="handover-item-who">
                <span className="ward-row-room"><RoomBed patient={r.patient} /></span>
                <Link to={`/patient/${encodeURIComponent(r.patientId)}`} className="handover-item-name"><PatientName patient={r.patient} /></Link>
                <span className="ward-row-ids"><BirthLine patient={r.patient} today={now} /> · <Ipp patient={r.patient} /></span>
                <AllergyBadge allergies={r.patient.allergies} />
              </div>
              <HandoverSummary handover={r.handover} now={now} />
              <Link to={`${base}/handover/round/${i + 1}`} className="button handover-item-open">{t('handover.openInRound')}</Link>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
