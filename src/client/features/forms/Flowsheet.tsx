// One table of a flowsheet (vitals, glucose checks, drugs given) on the form page: the rows of
// the form itself and the rounds added since, in observation order, each with who entered it.
// A round is added, corrected or struck on its own (data/flowsheet.ts), so two tablets adding
// rounds at once both keep theirs. A round two tablets corrected at once shows both versions
// until a nurse keeps one.
import { useState } from 'react';
import { useAuthorName } from '../../ui/author-name';
import { useTranslation } from '../../i18n';
import { flowsheetLines, type FlowsheetLine, type FlowsheetRow } from '../../../domain/flowsheet/rows';
import { itemText, type Env, type QuestionnaireItem } from '../../../domain/questionnaire';
import { strikeFlowsheetRow, useDraft, type FormView } from '../../data';
import { ConflictIcon } from '../../ui/icons';
import { Timestamp } from '../../ui/Timestamp';
import { useFlash } from '../../ui/useFlash';
import { Notice } from '../../ui/Notice';
import { RetractForm } from '../editing/RetractForm';
import { roundDraftKey } from './drafts';
import { FlowsheetTable } from './FlowsheetTable';
import { RoundCompare, RoundEditor } from './RoundEditor';
import { retractReason } from '../../../domain/schemas/annotation';

type Mode = { kind: 'none' } | { kind: 'add' } | { kind: 'correct' | 'strike' | 'compare'; row: FlowsheetRow };

interface Props {
  view: FormView;
  group: QuestionnaireItem;
  /** Rounds may be added and corrected (the form is not retracted nor refused). */
  editable: boolean;
  /** %patient, for the calculations of a round. */
  launch: Env;
}

export function Flowsheet({ view, group, editable, launch }: Props) {
  const { t, i18n } = useTranslation();
  const title = itemText(group, i18n.language);
  const draft = useDraft<unknown>(roundDraftKey(view.doc.docId, group.linkId));
  const [chosen, choose] = useState<Mode | null>(null);
  const [flash, showFlash] = useFlash();
  const mode: Mode = chosen ?? (draft.value !== undefined && editable ? { kind: 'add' } : { kind: 'none' });
  const lines = view.response ? flowsheetLines(view.response, view.doc, group.linkId) : [];
  const done = (message: string) => (outcome: 'saved' | 'discarded') => {
    choose({ kind: 'none' });
    showFlash(outcome === 'saved' ? message : null);
  };
  const lineActions = editable ? (row: FlowsheetRow) => (next: Mode['kind']) => choose({ kind: next, row } as Mode) : null;

  return (
    <section className="flowsheet" aria-label={title}>
      <h3 className="flowsheet-title">{title}</h3>
      {lines.length === 0 ? (
        <p className="muted">{t('flowsheet.empty')}</p>
      ) : (
        <FlowsheetTable group={group} extraLabel={t('flowsheet.by')} lines={lines.map((line) => tableLine(line, lineActions))} />
      )}
      {flash && <Notice kind="success">{flash}</Notice>}
      {mode.kind === 'add' && <RoundEditor view={view} group={group} launch={launch} onDone={done(t('flowsheet.saved'))} />}
      {mode.kind === 'correct' && <RoundEditor view={view} group={group} launch={launch} row={mode.row} onDone={done(t('flowsheet.corrected'))} />}
      {mode.kind === 'compare' && <RoundCompare view={view} group={group} launch={launch} row={mode.row} onDone={done(t('flowsheet.corrected'))} />}
      {mode.kind === 'strike' && (
        <RetractForm doc={view.doc} onRetract={(reason) => strikeFlowsheetRow(view.doc, mode.row, reason)} onDone={done(t('flowsheet.struckSaved'))} />
      )}
      {editable && mode.kind === 'none' && (
        <button type="button" className="button button--primary flowsheet-add" onClick={() => choose({ kind: 'add' })}>
          {t('flowsheet.addRound', { title })}
        </button>
      )}
    </section>
  );
}

type Actions = ((row: FlowsheetRow) => (mode: Mode['kind']) => void) | null;

/** One line of the table with who entered it; `actions` null where nothing can be done to it (the round). */
export function tableLine(line: FlowsheetLine, actions: Actions) {
  const row = line.row;
  const classes = ['flowsheet-line', row?.struck && 'flowsheet-line--struck', row && row.heads.length > 1 && 'flowsheet-line--conflicted'];
  return {
    key: line.key,
    item: line.item,
    className: classes.filter(Boolean).join(' '),
    extra: row ? <RowByline row={row} choose={actions?.(row) ?? null} /> : <FormRowByline />,
  };
}

function FormRowByline() {
  const { t } = useTranslation();
  return <span className="muted">{t('flowsheet.inForm')}</span>;
}

function RowByline({ row, choose }: { row: FlowsheetRow; choose: ((mode: Mode['kind']) => void) | null }) {
  const { t } = useTranslation();
  const nameOf = useAuthorName();
  const latest = row.heads[row.heads.length - 1] ?? row.added;
  return (
    <div className="flowsheet-by">
      <span>
        {nameOf(latest.author)}, <Timestamp iso={latest.createdAt} />
      </span>
      {row.struck && (
        <strong className="flowsheet-struck">
          {t('flowsheet.struck', { reason: retractReason(row.struck.body), name: nameOf(row.struck.author) })}
        </strong>
      )}
      {!row.struck && row.heads.length > 1 && (
        <span className="badge badge--conflict"><ConflictIcon />{t('flowsheet.rowConflict')}</span>
      )}
      {choose && !row.struck && (
        <span className="flowsheet-actions">
          {row.heads.length > 1 ? (
            <button type="button" className="button" onClick={() => choose('compare')}>{t('flowsheet.compare')}</button>
          ) : (
            <button type="button" className="button" onClick={() => choose('correct')}>{t('flowsheet.correct')}</button>
          )}
          <button type="button" className="button button--danger-quiet" onClick={() => choose('strike')}>{t('flowsheet.strike')}</button>
        </span>
      )}
    </div>
  );
}
