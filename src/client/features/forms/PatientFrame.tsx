// Any screen about one patient: the identity banner (two identifiers, room, allergies) stays on
// top while the form scrolls, and another ward's patient is refused, as on the patient page.
import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import { Link } from '../../ui/router';
import type { PatientBody } from '../../../domain/schemas';
import { usePatient, useUnits } from '../../data';
import { useDeclareWard } from '../ward/current-ward';
import { Loading } from '../../ui/Loading';
import { useNow } from '../../ui/useNow';
import { IdentityBanner } from '../patient/IdentityBanner';
import { RefusedPage } from '../../ui/RefusedPage';

export function PatientFrame({ patientId, children }: { patientId: string; children: (p: { patient: PatientBody; scope: string }) => ReactNode }) {
  const { t } = useTranslation();
  const record = usePatient(patientId);
  const units = useUnits();
  const now = useNow(60_000);
  useDeclareWard(record?.patient.unitCode);
  if (record === undefined || units === undefined) return <Loading />;
  const refused = record === null ? t('patient.notFound') : !units.some((u) => u.code === record.patient.unitCode) ? t('ward.notYourWard', { unit: record.patient.unitCode }) : null;
  if (refused || !record)
    return <RefusedPage message={refused ?? t('patient.notFound')} />;
  return (
    <div className="patient-page">
      <IdentityBanner patient={record.patient} unitName={units.find((u) => u.code === record.patient.unitCode)?.name} today={now} />
      <div className="page">
        <p>
          <Link to={`/patient/${encodeURIComponent(patientId)}`} className="back-link">← {t('forms.backToPatient')}</Link>
        </p>
        {children(record)}
      </div>
    </div>
  );
}
