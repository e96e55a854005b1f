// The kit's ward sheets as blocks: the census (every patient with both identifiers, allergies
// and latest severity), the phone directory, the ward's procedures, and the page that says where
// content the tablet does not hold yet will appear.
import { useTranslation } from '../../i18n';
import { columnWidths, PAGE_WIDTH_MM } from '../../../domain/print/columns';
import { softHyphenate } from '../../../domain/print/hyphenate';
import { TEMPORARY_IPP } from '../../../domain/questionnaire/admission';
import { ageOn, displayName } from '../../../domain/patient-identity';
import { directoryOrder, isReviewOverdue, localDate } from '../../../domain/downtime/library';
import type { ContactBody } from '../../../domain/schemas/contact';
import type { ProcedureBody } from '../../../domain/schemas/procedure';
import { useFormat } from '../../i18n';
import type { KitPatient } from '../../data/print';
import type { PrintBlock, PrintTable } from './sheet-types';

// Census columns in mm before scaling to the page: room, name, birth, IPP, allergies, severity, notes.
// The IPP column fits a temporary one (TMP-7K2M9QX4-0001, a size smaller) on one line; the name's
// keeps "LEMAIRE Jean-François" whole.
const CENSUS_COLUMNS = [19, 54, 25, 36, 30, 18, 18];
// The last column holds "Urgence vitale" / "De garde": wide enough for "Urgence" on one line.
const DIRECTORY_COLUMNS = [36, 46, 86, 26];

/** The ward's procedures (fiches réflexes): each fiche's head, its safety steps boxed, every step numbered. */
function useProcedureBlocks(): (list: readonly ProcedureBody[], now: Date) => PrintBlock[] {
  const { t } = useTranslation();
  const f = useFormat();
  return (list, now) =>
    list.flatMap((p, i) => {
      const head: PrintBlock = {
        key: `proc:${i}`,
        keepWithNext: true,
        node: (
          <div className="proc-head">
            <p className="pf-heading pf-heading--0">{p.code ? `${p.code} — ` : ''}{p.title}</p>
            <p className="pf-small">
              {t('print.procedures.meta', { owner: p.owner, reviewed: f.date(p.reviewedAt), next: f.date(p.nextReviewAt) })}
              {isReviewOverdue(p, localDate(now)) && <strong> · {t('print.procedures.overdue')}</strong>}
            </p>
            <p className="proc-summary">{p.summary}</p>
          </div>
        ),
      };
      // The life-saving steps again at the top, boxed, with their numbers; then every step
      // numbered 1, 2, 3… whether it is ticked (a box before it) or only read.
      const safety: PrintBlock[] = p.steps.filter((s) => s.safety).map((s, j) => ({
        key: `proc:${i}:safety:${j}`,
        keepWithNext: true,
        node: (
          <p className="proc-safety">
            <strong>{s.text}</strong>
            {s.phones?.map((ph, k) => <span key={k} className="dir-phone">{ph.label}{'\u00a0: '}<strong>{ph.number}</strong></span>)}
          </p>
        ),
      }));
      const steps = p.steps.map((s, j): PrintBlock => ({
        key: `proc:${i}:${j}`,
        node: (
          <p className={s.safety ? 'proc-step proc-step--safety' : 'proc-step'}>
            <span className="proc-bullet">{j + 1}.</span>
            {s.checklist ? <span className="pf-box" aria-hidden="true" /> : null} {s.text}
          </p>
        ),
      }));
      return [head, ...safety, ...steps];
    });
}

export function useWardBlocks() {
  const { t } = useTranslation();
  const f = useFormat();

  const census = (patients: readonly KitPatient[], today: Date): PrintBlock[] => {
    const table: PrintTable = {
      id: 'census',
      className: 'pf-table--census',
      widthsMm: columnWidths(CENSUS_COLUMNS, PAGE_WIDTH_MM.portrait),
      header: (['room', 'patient', 'birth', 'ipp', 'allergies', 'severity', 'notes'] as const).map((k) => (
        <th key={k} scope="col">{softHyphenate(t(`print.census.${k}`))}</th>
      )),
    };
    return patients.map((p) => ({
      key: p.patientId,
      table,
      node: (
        <>
          <td className="census-room">{p.patient.bed ? `${p.patient.room} ${p.patient.bed}` : p.patient.room}</td>
          <td className="census-name"><strong>{displayName(p.patient)}</strong></td>
          <td>{f.date(p.patient.birthDate)} ({ageOn(p.patient.birthDate, today)}) · {p.patient.sex}</td>
          <td className={TEMPORARY_IPP.test(p.patient.ipp) ? 'census-ipp census-ipp--temporary' : 'census-ipp'}><strong>{p.patient.ipp}</strong></td>
          <td>{p.patient.allergies.length > 0 ? <strong>{p.patient.allergies.join(', ')}</strong> : t('print.census.noAllergy')}</td>
          <td>{p.severity ? t(`print.census.severityLabel.${p.severity}`) : t('print.census.noHandover')}</td>
          <td />
        </>
      ),
    }));
  };

  const directory = (contacts: readonly ContactBody[]): PrintBlock[] => {
    const table: PrintTable = {
      id: 'directory',
      widthsMm: columnWidths(DIRECTORY_COLUMNS, PAGE_WIDTH_MM.portrait),
      header: (['service', 'name', 'phones', 'onCall'] as const).map((k) => <th key={k} scope="col">{t(`print.directory.${k}`)}</th>),
    };
    const sorted = directoryOrder(contacts);
    return sorted.map((c, i) => ({
      key: `contact:${i}`,
      table,
      node: (
        <>
          <td>{c.service}</td>
          <td><strong>{c.name}</strong>{c.role && <><br />{c.role}</>}{c.notes && <><br /><span className="pf-small">{c.notes}</span></>}</td>
          <td>
            {c.phones.map((ph, j) => (
              <span key={j} className="dir-phone">
                {t('print.form.labelled', { label: ph.label, text: '' })}<strong>{ph.number}</strong> ({t(`print.directory.kind.${ph.kind}`)})
              </span>
            ))}
          </td>
          <td>{c.emergency ? <strong>{t('print.directory.emergency')}</strong> : c.onCall ? t('print.directory.onCallWord') : ''}</td>
        </>
      ),
    }));
  };

  const pending = (what: 'directory' | 'procedures'): PrintBlock[] => [
    { key: 'pending', node: <p className="pf-display pending-note">{t(`print.pending.${what}`)}</p> },
  ];

  return { census, directory, procedures: useProcedureBlocks(), pending };
}
