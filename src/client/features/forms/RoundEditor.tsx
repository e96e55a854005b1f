// Adding or correcting one round of a flowsheet: the form's own template cut down to that one
// table and one row (domain/flowsheet/row-body.ts), filled with the same editor, drafts and
// checks as a whole form. A correction names the row's versions the nurse started from.
import { useTranslation } from '../../i18n';
import { useAuthorName } from '../../ui/author-name';
import type { FlowsheetRowBody } from '../../../domain/flowsheet/row-body';
import type { FlowsheetRow } from '../../../domain/flowsheet/rows';
import { itemText, valuesFromResponse, initialValues, type Env, type QuestionnaireItem } from '../../../domain/questionnaire';
import { addFlowsheetRow, correctFlowsheetRow, rowTemplateOf, type FormView } from '../../data';
import { Notice } from '../../ui/Notice';
import { Timestamp } from '../../ui/Timestamp';
import { useWriteAction } from '../../ui/useWriteAction';
import { correctRoundDraftKey, roundDraftKey } from './drafts';
import { FlowsheetTable } from './FlowsheetTable';
import { FormEditor } from './FormEditor';
import { VersionColumn } from './VersionColumn';

interface Props {
  view: FormView;
  group: QuestionnaireItem;
  /** The row being corrected; none for a new round. */
  row?: FlowsheetRow;
  /** %patient, for the round's calculations. */
  launch: Env;
  onDone: (outcome: 'saved' | 'discarded') => void;
}

export function RoundEditor({ view, group, row, launch, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const template = view.template!.template;
  const cut = rowTemplateOf(template, group.linkId);
  const title = itemText(group, i18n.language);
  const shown = row ? (row.heads[row.heads.length - 1] ?? row.added).body.flowsheetRow : null;
  return (
    <FormEditor
      title={t(row ? 'flowsheet.correctTitle' : 'flowsheet.addTitle', { title })}
      template={cut}
      draftKey={row ? correctRoundDraftKey(view.doc.docId, row.rowId) : roundDraftKey(view.doc.docId, group.linkId)}
      initial={shown ? valuesFromResponse(cut, shown) : { answers: {}, groups: { [group.linkId]: [initialValues(group.item)] } }}
      {...(row ? { baseHeads: row.heads.map((h) => h.entryId) } : {})}
      saveLabel={t('flowsheet.save')}
      launch={launch}
      onSave={(values, heads) => (row ? correctFlowsheetRow(view.doc, row, template, values, heads ?? []) : addFlowsheetRow(view.doc, template, group.linkId, values))}
      onDone={onDone}
    />
  );
}

/** Two corrections of one round made at once: each side by side, the nurse keeps one. */
export function RoundCompare({ view, group, row, onDone }: Props & { row: FlowsheetRow }) {
  const { t } = useTranslation();
  const nameOf = useAuthorName();
  const save = useWriteAction();
  const template = view.template!.template;
  const cut = rowTemplateOf(template, group.linkId);
  const keep = async (body: FlowsheetRowBody) => {
    const values = valuesFromResponse(cut, body.flowsheetRow);
    if (await save.run(() => correctFlowsheetRow(view.doc, row, template, values, row.heads.map((h) => h.entryId)))) onDone('saved');
  };
  return (
    <div className="conflict">
      <Notice kind="warning">{t('flowsheet.compareHelp')}</Notice>
      <div className="versions">
        {row.heads.map((v, i) => (
          <VersionColumn
            key={v.entryId}
            label={t('flowsheet.version', { n: i + 1 })}
            byline={<p className="byline">{nameOf(v.author)}, <Timestamp iso={v.createdAt} /></p>}
            chooseLabel={t('flowsheet.keep')}
            busy={save.busy}
            onChoose={() => void keep(v.body)}
          >
            <FlowsheetTable group={group} lines={(v.body.flowsheetRow.item ?? []).map((item, n) => ({ key: String(n), item }))} />
          </VersionColumn>
        ))}
      </div>
      {save.error && <Notice kind="error">{save.error}</Notice>}
      <button type="button" className="button" onClick={() => onDone('discarded')}>{t('forms.close')}</button>
    </div>
  );
}
