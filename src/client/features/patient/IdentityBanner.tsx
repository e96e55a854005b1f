// The patient's identity, stuck under the status bar while the notes scroll: a note must never
// be read or written without seeing whose it is (two identifiers, room, allergies).
import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import { Link } from '../../ui/router';
import type { PatientBody } from '../../../domain/schemas';
import { AllergyBadge, BirthLine, Ipp, PatientName, RoomBed } from '../../ui/patient';
import { useStickyHeight } from '../../ui/useStickyHeight';

interface Props {
  patient: PatientBody;
  unitName: string | undefined;
  today: Date;
  /** The page's own buttons about this patient (the patient page's print menu). */
  actions?: ReactNode;
}

export function IdentityBanner({ patient, unitName, today, actions }: Props) {
  const { t } = useTranslation();
  const ref = useStickyHeight<HTMLElement>('--identity-height');
  // Two lines: the two identifiers on the first (name, birth date and age, IPP), where the
  // patient is on the second; allergies at the right, outlined in red, and the page's actions.
  return (
    <section className="identity" ref={ref} aria-label={t('patient.identity')}>
      <div className="identity-main">
        <div className="identity-ids">
          <h1 className="identity-name">
            <PatientName patient={patient} />
          </h1>
          <BirthLine patient={patient} today={today} />
          <span className="sep" aria-hidden="true">·</span>
          <Ipp patient={patient} />
        </div>
        <p className="identity-place">
          <span>{t('patient.sexLabel', { sex: t(`patient.sex.${patient.sex}`) })}</span>
          <span className="sep" aria-hidden="true">·</span>
          <RoomBed patient={patient} />
          {/* In portrait the header's ward button says the same: this one gives way to the allergies. */}
          <span className="identity-ward">
            <span className="sep" aria-hidden="true">·</span>
            <Link to={`/ward/${encodeURIComponent(patient.unitCode)}`}>
              {t('patient.ward', { unit: unitName ? `${patient.unitCode} · ${unitName}` : patient.unitCode })}
            </Link>
          </span>
        </p>
      </div>
      <div className="identity-allergies">
        <AllergyBadge allergies={patient.allergies} />
      </div>
      {actions && <div className="identity-actions">{actions}</div>}
    </section>
  );
}
