// Every document in conflict on this tablet, each a big link that opens it, with what it is and
// whose it is: the patient's name, birth date, IPP and room (two identifiers, DESIGN.md rule 5).
import { useTranslation } from '../../i18n';
import { Link } from '../../ui/router';
import { titleOf } from '../../../domain/questionnaire';
import { useConflicts, type ConflictView } from '../../data';
import { ConflictIcon } from '../../ui/icons';
import { Loading } from '../../ui/Loading';
import { BirthLine, Ipp, PatientName, RoomBed } from '../../ui/patient';
import { useNow } from '../../ui/useNow';
import { docTypeLabel } from './doc-type-label';

export function ConflictList() {
  const { t } = useTranslation();
  const conflicts = useConflicts();
  if (conflicts === undefined) return <Loading />;
  if (conflicts.length === 0) return <p>{t('sync.conflictsNone')}</p>;
  return (
    <>
      <p>{t('sync.conflictsHelp')}</p>
      <ul className="conflict-list">
        {conflicts.map((c) => (
          <li key={c.docId}>
            {c.link ? (
              <Link to={c.link} className="conflict-link">
                <ConflictLine conflict={c} />
              </Link>
            ) : (
              <div className="conflict-link">
                <ConflictLine conflict={c} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function ConflictLine({ conflict: c }: { conflict: ConflictView }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const title = c.template ? titleOf(c.template, i18n.language) : c.target ? `${docTypeLabel(c.docType, t)} — ${c.target}` : docTypeLabel(c.docType, t);
  return (
    <>
      <span className="conflict-title">
        <ConflictIcon /> <strong>{title}</strong> · {t('sync.conflictVersions', { count: c.versions })}
      </span>
      {c.patient && (
        <span className="conflict-patient">
          <PatientName patient={c.patient} />
          <span aria-hidden="true"> · </span>
          <BirthLine patient={c.patient} today={now} />
          <span aria-hidden="true"> · </span>
          <Ipp patient={c.patient} />
          <span aria-hidden="true"> · </span>
          <RoomBed patient={c.patient} />
        </span>
      )}
    </>
  );
}
