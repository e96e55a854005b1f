// Renders a template's items as a form, live: enableWhen is evaluated on every change, so a
// disabled item disappears (and will not be saved); a repeating group is a list of rows that can
// be added and removed. Errors come keyed by field and are shown next to it.
import { Fragment, useMemo } from 'react';
import { useTranslation } from '../../i18n';
import {
  addRow, computeForm, fieldKey, formContext, helpTexts, isEnabled, isHidden, itemText, needsEngine, rawsOf, removeRow, rowsOf,
  setAnswers, withOptions, type Env, type FormContext, type FormsEngine, type FormValues, type Questionnaire, type QuestionnaireItem,
  type RowPath,
} from '../../../domain/questionnaire';
import { fieldDomId, problemText, type ProblemsByKey } from './problem-text';
import { QuestionField } from './QuestionField';

interface Props {
  template: Questionnaire;
  values: FormValues;
  problems: ProblemsByKey;
  onChange: (next: FormValues) => void;
  /** The forms engine, for a template with expressions (useFormsEngine). */
  engine?: FormsEngine | undefined;
  /** %patient, for the expressions (the editor's launch variables). */
  launch?: Env | undefined;
}

export function FormRenderer({ template, values, problems, onChange, engine, launch }: Props) {
  // One context per render: enableWhen (and enableWhenExpression) results are memoised inside it;
  // answerExpression options replace the template's where the form computes them.
  const { shown, ctx } = useMemo(() => {
    const computed = engine && needsEngine(template) ? computeForm(template, values, engine, launch) : null;
    const shownTemplate = computed ? withOptions(template, computed.options) : template;
    return { shown: shownTemplate, ctx: formContext(shownTemplate, values, computed?.expressionEnabled) };
  }, [template, values, engine, launch]);
  return (
    <div className="form-items">
      <Items items={shown.item} row={values} path={[]} ctx={ctx} problems={problems} values={values} onChange={onChange} />
    </div>
  );
}

interface ItemsProps {
  items: readonly QuestionnaireItem[] | undefined;
  row: FormValues;
  path: RowPath;
  ctx: FormContext;
  problems: ProblemsByKey;
  values: FormValues;
  onChange: (next: FormValues) => void;
}

function Items(props: ItemsProps) {
  const { items, row, path, ctx, problems, values, onChange } = props;
  const { t, i18n } = useTranslation();
  return (
    <>
      {(items ?? []).map((item) => {
        // Hidden items are working values (often calculated): kept and saved, never shown.
        if (!isEnabled(ctx, item, path) || isHidden(item)) return null;
        const key = fieldKey(path, item.linkId);
        const errors = (problems.get(key) ?? []).map((p) => problemText(p, t, itemText(item, i18n.language)));
        if (item.type === 'display') {
          return (
            <p key={key} className="form-display">
              {itemText(item, i18n.language)}
            </p>
          );
        }
        if (item.type === 'group') {
          return item.repeats ? (
            <RepeatingGroup key={key} {...props} item={item} groupKey={key} errors={errors} />
          ) : (
            <fieldset key={key} className="form-group" id={fieldDomId(key)}>
              <legend className="form-group-title">{itemText(item, i18n.language)}</legend>
              {errors.length > 0 && <p className="field-error">{errors.join(' ')}</p>}
              <Items {...props} items={item.item} row={rowsOf(row, item)[0]!} path={[...path, { linkId: item.linkId, row: 0 }]} />
            </fieldset>
          );
        }
        // A question's own questions follow it, in its row, once it is answered.
        const followUps = (item.item ?? []).filter((c) => c.type !== 'display');
        return (
          <Fragment key={key}>
            <QuestionField
              item={item}
              fieldKey={key}
              raws={rawsOf(row, item.linkId)}
              errors={errors}
              help={helpTexts(item, i18n.language)}
              onChange={(raws) => onChange(setAnswers(values, path, item.linkId, raws))}
            />
            {followUps.length > 0 && <div className="form-follow-ups"><Items {...props} items={followUps} /></div>}
          </Fragment>
        );
      })}
    </>
  );
}

function RepeatingGroup(props: ItemsProps & { item: QuestionnaireItem; groupKey: string; errors: string[] }) {
  const { item, row, path, values, onChange, groupKey, errors } = props;
  const { t, i18n } = useTranslation();
  const rows = rowsOf(row, item);
  const title = itemText(item, i18n.language);
  return (
    <section className="form-group form-group--rows" aria-label={title} id={fieldDomId(groupKey)}>
      <h3 className="form-group-title">
        {title}
        {item.required && <span className="required-mark"> ({t('forms.required')})</span>}
      </h3>
      {errors.length > 0 && (
        <p className="field-error" aria-invalid="true" tabIndex={-1}>
          {errors.join(' ')}
        </p>
      )}
      <ol className="form-rows">
        {rows.map((r, i) => (
          <li key={i} className="form-row">
            <fieldset className="form-row-fields">
              <legend className="form-row-title">{t('forms.row', { n: i + 1, title })}</legend>
              <div className="form-row-grid">
                <Items {...props} items={item.item} row={r} path={[...path, { linkId: item.linkId, row: i }]} />
              </div>
              <button type="button" className="button button--quiet form-row-remove" onClick={() => onChange(removeRow(values, path, item, i))}>
                {t('forms.removeRow', { n: i + 1 })}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" className="button form-row-add" onClick={() => onChange(addRow(values, path, item))}>
        {t('forms.addRow', { title })}
      </button>
    </section>
  );
}
