// A patient's nursing notes on paper: one row per note, in the order things were observed, with
// the time observed (and "saisie différée"), the cible, D / A / R, who wrote and changed it, its
// addenda, and "entered in error" struck with its reason. A conflict prints every version.
import { useTranslation } from '../../i18n';
import { useAuthorName } from '../../ui/author-name';
import { columnWidths, PAGE_WIDTH_MM } from '../../../domain/print/columns';
import { KIT_NOTES_HOURS, type PrintedNote, type PrintedNoteVersion } from '../../../domain/print/notes-sheet';
import type { PrintFacts, PrintPatient } from '../../data/print';
import { useFormat } from '../../i18n';
import { NOTE_FIELDS } from '../notes/note-body';
import type { PrintBlock, PrintTable, SheetSpec } from './sheet-types';
import { useSheets } from './sheets';
import { addendumText, retractReason } from '../../../domain/schemas/annotation';

// In mm before scaling: observed at, cible, D / A / R, written by.
const NOTE_COLUMNS = [26, 30, 96, 42];

function useNoteRow() {
  const { t } = useTranslation();
  const nameOf = useAuthorName();
  const f = useFormat();
  const dar = (v: PrintedNoteVersion) =>
    NOTE_FIELDS.filter((k) => v.body[k].trim() !== '').map((k) => (
      <p key={k} className="pn-dar"><strong>{t(`notes.short.${k}`)}</strong>{'\u00a0: '}{v.body[k]}</p>
    ));
  return (n: PrintedNote) => {
    const conflicted = n.versions.length > 1;
    const latest = n.versions[0]!;
    return (
      <>
        <td>{f.dateTime(n.at)}{latest.late && <><br /><strong>{t('print.notes.late')}</strong></>}</td>
        <td><strong>{conflicted ? t('print.notes.conflict', { count: n.versions.length }) : latest.body.target}</strong></td>
        <td>
          {n.retraction && (
            <p className="pn-retracted">
              <strong>{t('print.notes.retracted', { reason: retractReason(n.retraction.body), name: nameOf(n.retraction.author), time: f.dateTime(n.retraction.createdAt) })}</strong>
            </p>
          )}
          <div className={n.retraction ? 'pn-struck' : undefined}>
            {conflicted
              ? n.versions.map((v, i) => (
                  <div key={v.by.entryId}><p className="pn-version">{t('print.notes.version', { n: i + 1, name: nameOf(v.by.author) })} — {v.body.target}</p>{dar(v)}</div>
                ))
              : dar(latest)}
          </div>
          {n.addenda.map((a) => (
            <p key={a.entryId} className="pn-addendum">
              {t('print.notes.addendum', { name: nameOf(a.author), time: f.dateTime(a.createdAt), text: addendumText(a.body) })}
            </p>
          ))}
        </td>
        <td>
          {t('print.notes.written', { name: nameOf(n.created.author), time: f.dateTime(n.created.createdAt) })}
          {n.amended && !conflicted && <><br />{t('print.notes.amended', { name: nameOf(latest.by.author), time: f.dateTime(latest.by.createdAt) })}</>}
        </td>
      </>
    );
  };
}

/** The notes sheet of one patient: every note, or the kit's last 72 h. */
export function useNotesSheet() {
  const { t } = useTranslation();
  const f = useFormat();
  const { patientSheet } = useSheets();
  const row = useNoteRow();
  return (p: PrintPatient & { notes: PrintedNote[] }, facts: PrintFacts, today: Date, scope: 'all' | 'kit'): SheetSpec => {
    const asOf = facts.asOf ? f.dateTime(facts.asOf) : t('print.sheet.neverSynced');
    const table: PrintTable = {
      id: 'notes',
      widthsMm: columnWidths(NOTE_COLUMNS, PAGE_WIDTH_MM.portrait),
      header: (['at', 'target', 'text', 'author'] as const).map((k) => <th key={k} scope="col">{t(`print.notes.${k}`)}</th>),
    };
    const blocks: PrintBlock[] = p.notes.length === 0
      ? [{ key: 'none', node: <p className="pf-display">{t('print.notes.none')}</p> }]
      : p.notes.map((n) => ({ key: `note:${n.docId}`, table, node: row(n) }));
    const subtitle = scope === 'kit' ? t('print.notes.subtitleKit', { hours: KIT_NOTES_HOURS, asOf }) : t('print.notes.subtitleAll', { asOf });
    return patientSheet('notes', `${p.patientId}:notes`, t('print.notes.title'), subtitle, p, facts, blocks, today);
  };
}
