// The pieces of a patient's identity, written the same way on every screen: name, birth date
// with age, IPP (the two identifiers of DESIGN.md rule 5), room and bed, allergies.
import { useTranslation } from '../i18n';
import { allergyName } from '../../domain/english-names';
import { ageOn, displayName } from '../../domain/patient-identity';
import type { PatientBody } from '../../domain/schemas';
import { useFormat } from '../i18n';
import { WarningIcon } from './icons';

export function PatientName({ patient }: { patient: PatientBody }) {
  return <span className="patient-name">{displayName(patient)}</span>;
}

export function BirthLine({ patient, today }: { patient: Pick<PatientBody, 'birthDate' | 'sex'>; today: Date }) {
  const { t } = useTranslation();
  const f = useFormat();
  const vars = { date: f.date(patient.birthDate), age: ageOn(patient.birthDate, today) };
  const key = patient.sex === 'F' ? 'patient.bornF' : patient.sex === 'M' ? 'patient.bornM' : 'patient.born';
  return <span className="patient-birth">{t(key, vars)}</span>;
}

export function Ipp({ patient }: { patient: PatientBody }) {
  const { t } = useTranslation();
  return <span className="patient-ipp">{t('patient.ipp', { ipp: patient.ipp })}</span>;
}

export function RoomBed({ patient }: { patient: PatientBody }) {
  const { t } = useTranslation();
  return (
    <span className="patient-room">
      {patient.bed ? t('ward.roomBed', { room: patient.room, bed: patient.bed }) : t('ward.roomOnly', { room: patient.room })}
    </span>
  );
}

/**
 * Allergies in words, outlined in red with an icon when there are some. An empty list is shown
 * as "none recorded", never "none": the census may simply not know. On an English screen the usual
 * allergens read in English; any other shows as recorded.
 */
export function AllergyBadge({ allergies }: { allergies: readonly string[] }) {
  const { t, i18n } = useTranslation();
  if (allergies.length === 0) return <span className="allergy allergy--none">{t('patient.allergiesNone')}</span>;
  return (
    <span className="allergy allergy--some">
      <WarningIcon />
      {t('patient.allergies', { list: allergies.map((a) => allergyName(a, i18n.language)).join(', ') })}
    </span>
  );
}
