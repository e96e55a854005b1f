// A repeating group as a table: one line per row (a round of vitals, a glucose check), one column
// per question, alarming values flagged. It never scrolls sideways: in a narrow box (a portrait
// tablet, a version beside another in a conflict) each line becomes a card of label: value pairs,
// by a container query in forms.css; each cell carries its column's label for that.
import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import { itemText, type QuestionnaireItem, type ResponseItem } from '../../../domain/questionnaire';
import { AlarmedAnswer } from './AlarmedAnswer';
import { DiffersMark } from './ResponseView';

export interface TableLine {
  key: string;
  item: ResponseItem;
  className?: string;
  /** Who wrote it and what can be done with it, in a last column. */
  extra?: ReactNode;
  /** In a conflict: the columns whose answer is not the same in the other version. */
  differs?: ReadonlySet<string>;
}

export function FlowsheetTable({ group, lines, extraLabel }: { group: QuestionnaireItem; lines: readonly TableLine[]; extraLabel?: string }) {
  const { i18n } = useTranslation();
  const columns = (group.item ?? []).filter((c) => c.type !== 'display' && c.type !== 'group');
  const labels = columns.map((c) => itemText(c, i18n.language));
  return (
    <div className="rows-table-box">
      <table className="table response-table rows-table">
        {/* Room for a whole date and time, and for who wrote the line with its buttons. */}
        <colgroup>
          {columns.map((c) => <col key={c.linkId} className={c.type === 'dateTime' ? 'rows-col-time' : undefined} />)}
          {extraLabel && <col className="rows-col-extra" />}
        </colgroup>
        <thead>
          <tr>
            {labels.map((label, i) => <th key={columns[i]!.linkId} scope="col">{label}</th>)}
            {extraLabel && <th scope="col">{extraLabel}</th>}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.key} className={line.className}>
              {columns.map((c, i) => {
                const answers = line.item.item?.find((x) => x.linkId === c.linkId)?.answer ?? [];
                const differs = line.differs?.has(c.linkId) === true;
                const classes = [answers.length === 0 && !differs && 'rows-table-empty', differs && 'rows-table-differs'].filter(Boolean).join(' ');
                return (
                  <td key={c.linkId} data-label={labels[i]} className={classes || undefined}>
                    {answers.map((a, j) => <AlarmedAnswer key={j} item={c} answer={a} />)}
                    {differs && <DiffersMark />}
                  </td>
                );
              })}
              {extraLabel && <td data-label={extraLabel} className="rows-table-extra">{line.extra}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
