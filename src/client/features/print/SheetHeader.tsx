// The top of every printed page: what the sheet is (title, version), whose it is (both patient
// identifiers, or labelled blank lines to write them in), where (ward, room), and what to beware
// of (a drill, a conflicted or retracted document). DESIGN.md safety rule 5: on every page.
import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import type { PatientBody } from '../../../domain/schemas';
import { BirthLine, Ipp, PatientName, RoomBed } from '../../ui/patient';
import type { UnitInfo } from '../../data';

type SheetWho =
  | { kind: 'patient'; patient: PatientBody }
  /** A blank form: lines to write the identifiers; a temporary IPP already printed when it has one. */
  | { kind: 'blank'; temporaryIpp?: string | null }
  /** A ward sheet (census, directory, procedures): about the ward, not one patient. */
  | { kind: 'ward'; subtitle: string };

interface Props {
  title: string;
  version?: string;
  who: SheetWho;
  unit: UnitInfo | null;
  drill: boolean;
  notes?: ReactNode;
  today: Date;
}

function BlankLine({ label, wide }: { label: string; wide?: boolean }) {
  return (
    <span className={wide ? 'id-blank id-blank--wide' : 'id-blank'}>
      <span className="id-blank-label">{label}</span>
      <span className="id-blank-line" />
    </span>
  );
}

function Allergies({ allergies }: { allergies: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <p className="sheet-allergies">
      {allergies.length === 0 ? t('patient.allergiesNone') : <strong>{t('patient.allergies', { list: allergies.join(', ') })}</strong>}
    </p>
  );
}

export function SheetHeader({ title, version, who, unit, drill, notes, today }: Props) {
  const { t } = useTranslation();
  const ward = unit ? t('print.sheet.ward', { unit: `${unit.code} · ${unit.name}` }) : null;
  return (
    <>
      {drill && <p className="sheet-drill">{t('print.sheet.drill')}</p>}
      <p className="sheet-title">
        <strong>{title}</strong>
        {version && <span className="sheet-version"> · {t('print.sheet.version', { version })}</span>}
      </p>
      {who.kind === 'patient' && (
        <div className="sheet-who">
          <p className="sheet-name">
            <PatientName patient={who.patient} />
          </p>
          <p className="sheet-ids">
            <BirthLine patient={who.patient} today={today} /> · <strong><Ipp patient={who.patient} /></strong>
          </p>
          <p className="sheet-place">
            {ward} · <RoomBed patient={who.patient} />
          </p>
          <Allergies allergies={who.patient.allergies} />
        </div>
      )}
      {who.kind === 'blank' && (
        <div className="sheet-who sheet-who--blank">
          <p className="sheet-blank-row">
            <BlankLine label={t('print.sheet.lastName')} wide />
            <BlankLine label={t('print.sheet.firstName')} wide />
          </p>
          <p className="sheet-blank-row">
            <BlankLine label={t('print.sheet.birthDate')} />
            {who.temporaryIpp ? (
              <strong className="sheet-tmp-ipp">{t('print.sheet.temporaryIpp', { ipp: who.temporaryIpp })}</strong>
            ) : (
              <BlankLine label={t('print.sheet.ipp')} />
            )}
          </p>
          <p className="sheet-blank-row">
            {ward && <span className="sheet-ward">{ward}</span>}
            <BlankLine label={t('print.sheet.roomLabel')} />
            <span className="sheet-label-hint">({t('print.sheet.label')})</span>
          </p>
        </div>
      )}
      {who.kind === 'ward' && (
        <div className="sheet-who">
          <p className="sheet-name">{ward}</p>
          <p className="sheet-place">{who.subtitle}</p>
        </div>
      )}
      {notes}
    </>
  );
}
