import { useTranslation } from '../../i18n';
import { Link } from '../../ui/router';
import type { WardRow } from '../../data';
import { useFormat } from '../../i18n';
import { ChevronIcon, ConflictIcon } from '../../ui/icons';
import { AllergyBadge, BirthLine, Ipp, PatientName, RoomBed } from '../../ui/patient';
import { SeverityBadge } from '../handover/SeverityBadge';

/** One patient of the board: the whole row is one big link to the patient page. */
export function WardPatientRow({ row, now }: { row: WardRow; now: Date }) {
  const { t } = useTranslation();
  const f = useFormat();
  const p = row.patient;
  return (
    <li>
      <Link to={`/patient/${encodeURIComponent(row.patientId)}`} className="ward-row">
        <span className="ward-row-room">
          <RoomBed patient={p} />
        </span>
        <span className="ward-row-identity">
          <PatientName patient={p} />
          <span className="ward-row-ids">
            <BirthLine patient={p} today={now} />
            <span aria-hidden="true"> · </span>
            <Ipp patient={p} />
          </span>
        </span>
        <span className="ward-row-state">
          {row.severity && <SeverityBadge severity={row.severity} />}
          <AllergyBadge allergies={p.allergies} />
          <span className="ward-row-last">
            {row.lastNoteAt
              ? t('ward.lastNote', { absolute: f.dateTime(row.lastNoteAt), relative: f.relative(row.lastNoteAt, now) })
              : t('ward.noNotes')}
            {row.noteCount > 0 && <span className="ward-row-count"> · {t('ward.notes', { count: row.noteCount })}</span>}
          </span>
          {row.conflicted && (
            <span className="badge badge--conflict">
              <ConflictIcon />
              {t('ward.conflict')}
            </span>
          )}
        </span>
        <ChevronIcon className="ward-row-chevron" />
      </Link>
    </li>
  );
}
