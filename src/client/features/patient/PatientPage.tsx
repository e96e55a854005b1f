import { useTranslation } from '../../i18n';
import { useParams } from '../../ui/router';
import { displayName } from '../../../domain/patient-identity';
import { usePatient, useUnits } from '../../data';
import { useDeclareWard } from '../ward/current-ward';
import { Loading } from '../../ui/Loading';
import { useNow } from '../../ui/useNow';
import { usePageTitle } from '../../ui/usePageTitle';
import { NotesSection } from '../notes/NotesSection';
import { FormsSection } from '../forms/FormsSection';
import { HisSection } from '../his/HisSection';
import { IdentityBanner } from './IdentityBanner';
import { LinkedAway, LinkedRecords } from './LinkedRecords';
import { PatientPrintMenu } from '../print/PatientPrintMenu';
import { RefusedPage } from '../../ui/RefusedPage';

export function PatientPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const record = usePatient(id);
  const units = useUnits();
  const now = useNow(60_000);
  const patient = record?.patient;
  usePageTitle(patient ? `${displayName(patient)} (${patient.ipp})` : null);
  useDeclareWard(patient?.unitCode);

  if (record === undefined || units === undefined) return <Loading />;
  // A shared tablet may hold another ward's patients from an earlier user: not hers to read.
  if (record && !units.some((u) => u.code === record.patient.unitCode))
    return <RefusedPage message={t('ward.notYourWard', { unit: record.patient.unitCode })} />;
  if (record === null || !patient)
    return <RefusedPage message={t('patient.notFound')} />;

  return (
    <div className="patient-page">
      <IdentityBanner
        patient={patient}
        unitName={units?.find((u) => u.code === patient.unitCode)?.name}
        today={now}
        actions={<PatientPrintMenu patientId={record.patientId} />}
      />
      <div className="page">
        <LinkedAway patientId={record.patientId} />
        <HisSection patientId={record.patientId} />
        {/* The key resets every open form when the nurse moves to another patient. */}
        <NotesSection key={record.patientId} patientId={record.patientId} />
        <FormsSection key={`forms-${record.patientId}`} patientId={record.patientId} />
        <LinkedRecords patientId={record.patientId} />
      </div>
    </div>
  );
}
