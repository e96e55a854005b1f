// The patient's identity, stuck under the status bar while the notes scroll: a note must never
// be read or written without seeing whose it is (two identifiers, room, allergies).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PatientBody } from '../../../domain/schemas';
import { AllergyBadge, BirthLine, Ipp, PatientName, RoomBed } from '../../ui/patient';
import { useStickyHeight } from '../../ui/useStickyHeight';

interface Props {
  patient: PatientBody;
  unitName: string | undefined;
  today: Date;
}

export function IdentityBanner({ patient, unitName, today }: Props) {
  const { t } = useTranslation();
  const ref = useStickyHeight<HTMLElement>('--identity-height');
  return (
    <section className="identity" ref={ref} aria-label={t('patient.identity')}>
      <div className="identity-main">
        <h1 className="identity-name">
          <PatientName patient={patient} />
        </h1>
        <p className="identity-ids">
          <BirthLine patient={patient} today={today} />
          <span className="sep" aria-hidden="true">·</span>
          <Ipp patient={patient} />
          <span className="sep" aria-hidden="true">·</span>
          <span>{t('patient.sexLabel', { sex: t(`patient.sex.${patient.sex}`) })}</span>
        </p>
        <p className="identity-place">
          <RoomBed patient={patient} />
          <span className="sep" aria-hidden="true">·</span>
          <Link to={`/ward/${encodeURIComponent(patient.unitCode)}`}>
            {t('patient.ward', { unit: unitName ? `${patient.unitCode} · ${unitName}` : patient.unitCode })}
          </Link>
        </p>
      </div>
      <div className="identity-allergies">
        <AllergyBadge allergies={patient.allergies} />
      </div>
    </section>
  );
}
