// What the hospital's information system sent for this patient: prescriptions, then results,
// with the time of the newest of them (safety rule 4: staleness is visible).
import '../../styles/his.css';
import { useTranslation } from '../../i18n';
import { usePatientHisData } from '../../data';
import { useFormat } from '../../i18n';
import { Loading } from '../../ui/Loading';
import { PrescriptionsSection } from './PrescriptionsSection';
import { ResultsSection } from './ResultsSection';

export function HisSection({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const data = usePatientHisData(patientId);
  if (!data) return <Loading />;
  return (
    <div className="his">
      <p className="muted his-asof">
        {t('his.fromHis')} {data.asOf && t('his.asOf', { time: f.dateTime(data.asOf) })}
      </p>
      <PrescriptionsSection data={data} />
      <ResultsSection data={data} />
    </div>
  );
}
