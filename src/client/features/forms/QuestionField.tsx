// One question of a form, as a big touch-friendly control: text and number inputs, date and time
// pickers with a "now" button, yes/no and options as large toggle buttons, free text for an
// open choice. Its label, hint and error sit with it, tied by aria-describedby.
import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import {
  entryFormatOf, hasOptions, isCalculated, itemText, localNow, optionKey, optionLabel, unitLabel, type QuestionnaireItem,
} from '../../../domain/questionnaire';
import { fieldDomId } from './problem-text';
import { QuantityInput } from './QuantityInput';
import { AlarmNotice } from './AlarmNotice';

interface Props {
  item: QuestionnaireItem;
  fieldKey: string;
  raws: string[];
  errors: string[];
  /** The display items under the question. */
  help?: string[];
  onChange: (raws: string[]) => void;
}

export function QuestionField({ item: given, fieldKey, raws, errors, help = [], onChange }: Props) {
  const { t, i18n } = useTranslation();
  const id = fieldDomId(fieldKey);
  // A calculated item is the engine's to fill: shown, never typed in.
  const calculated = isCalculated(given);
  const item = calculated ? { ...given, readOnly: true } : given;
  const label = itemText(item, i18n.language);
  const invalid = errors.length > 0;
  const describedBy = [invalid ? `${id}-error` : '', help.length > 0 ? `${id}-help` : ''].filter(Boolean).join(' ') || undefined;
  const isGroupOfButtons = item.type === 'boolean' || hasOptions(item);
  const Label = isGroupOfButtons ? 'legend' : 'label';
  const body = (
    <>
      <Label className="field-label" {...(isGroupOfButtons ? {} : { htmlFor: id })}>
        {label}
        {item.required && <span className="required-mark"> ({t('forms.required')})</span>}
        {calculated && <span className="calculated-mark"> ({t('forms.calculated')})</span>}
      </Label>
      {help.length > 0 && (
        <div className="field-help" id={`${id}-help`}>
          {help.map((h, i) => <p key={i}>{h}</p>)}
        </div>
      )}
      {invalid && (
        <p className="field-error" id={`${id}-error`}>
          {errors.join(' ')}
        </p>
      )}
      <Control item={item} id={id} raws={raws} invalid={invalid} describedBy={describedBy} onChange={onChange} label={label} />
      {!invalid && <AlarmNotice item={item} raws={raws} />}
    </>
  );
  const className = `field form-field form-field--${item.type}${invalid ? ' field--invalid' : ''}`;
  return isGroupOfButtons ? (
    <fieldset className={className} aria-describedby={describedBy} data-key={fieldKey}>
      {body}
    </fieldset>
  ) : (
    <div className={className} data-key={fieldKey}>
      {body}
    </div>
  );
}

export interface ControlProps {
  item: QuestionnaireItem;
  id: string;
  raws: string[];
  invalid: boolean;
  describedBy: string | undefined;
  label: string;
  onChange: (raws: string[]) => void;
}

function Control(p: ControlProps): ReactNode {
  const { item } = p;
  if (item.type === 'boolean') return <YesNo {...p} />;
  if (hasOptions(item)) return <Options {...p} />;
  if (item.type === 'quantity') return <QuantityInput {...p} />;
  if (item.repeats) return <RepeatedInputs {...p} />;
  return <SingleInput {...p} value={p.raws[0] ?? ''} onValue={(v) => p.onChange([v])} />;
}

function SingleInput({ item, id, invalid, describedBy, value, onValue }: ControlProps & { value: string; onValue: (v: string) => void }) {
  const { t } = useTranslation();
  const common = {
    id,
    className: 'input',
    value,
    readOnly: item.readOnly,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    onChange: (e: { target: { value: string } }) => onValue(e.target.value),
  };
  if (item.type === 'text') return <textarea {...common} className="input textarea" rows={3} maxLength={item.maxLength} />;
  if (item.type === 'date' || item.type === 'dateTime' || item.type === 'time') {
    const type = item.type === 'dateTime' ? 'datetime-local' : item.type;
    return (
      <div className="input-with-button">
        <input {...common} type={type} />
        {!item.readOnly && item.type !== 'date' && (
          <button type="button" className="button" onClick={() => onValue(localNow(new Date(), item.type as 'dateTime' | 'time'))}>
            {t('forms.now')}
          </button>
        )}
      </div>
    );
  }
  const numeric = item.type === 'integer' || item.type === 'decimal';
  const unit = numeric ? unitLabel(item) : undefined;
  const input = (
    <input
      {...common}
      type="text"
      inputMode={item.type === 'integer' ? 'numeric' : item.type === 'decimal' ? 'decimal' : undefined}
      autoComplete="off"
      maxLength={numeric ? 20 : item.maxLength}
      placeholder={entryFormatOf(item)}
      className={numeric ? 'input input--number' : 'input'}
    />
  );
  return unit ? <span className="input-with-unit">{input}<span className="input-unit">{unit}</span></span> : input;
}

function RepeatedInputs(p: ControlProps) {
  const { t } = useTranslation();
  const values = p.raws.length > 0 ? p.raws : [''];
  return (
    <div className="repeated-inputs">
      {values.map((v, i) => (
        <div key={i} className="repeated-input">
          <SingleInput {...p} id={i === 0 ? p.id : `${p.id}-${i}`} value={v} onValue={(nv) => p.onChange(values.map((x, j) => (j === i ? nv : x)))} />
          {values.length > 1 && (
            <button type="button" className="button button--quiet" aria-label={t('forms.removeAnswer', { n: i + 1, label: p.label })} onClick={() => p.onChange(values.filter((_, j) => j !== i))}>
              {t('forms.remove')}
            </button>
          )}
        </div>
      ))}
      <button type="button" className="button" onClick={() => p.onChange([...values, ''])}>
        {t('forms.addAnswer')}
      </button>
    </div>
  );
}

function YesNo({ raws, onChange, item }: ControlProps) {
  const { t } = useTranslation();
  const current = raws[0] ?? '';
  const choices: [string, string][] = [['true', t('forms.yes')], ['false', t('forms.no')]];
  return (
    <div className="option-buttons">
      {choices.map(([value, label]) => (
        <button
          key={value}
          type="button"
          className="option-button"
          aria-pressed={current === value}
          disabled={item.readOnly}
          // A second tap clears: "not answered" must stay reachable.
          onClick={() => onChange(current === value ? [] : [value])}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

function Options({ item, raws, onChange, id, invalid }: ControlProps) {
  const { t, i18n } = useTranslation();
  const keys = (item.answerOption ?? []).map(optionKey);
  const chosen = raws.filter((r) => r.trim() !== '');
  const other = item.type === 'open-choice' ? chosen.find((r) => !keys.includes(r)) ?? '' : '';
  const toggle = (key: string) => {
    if (item.repeats) onChange(chosen.includes(key) ? chosen.filter((r) => r !== key) : [...chosen, key]);
    else onChange(chosen.includes(key) ? [] : [key]);
  };
  return (
    <>
      <div className={`option-buttons${(item.answerOption?.length ?? 0) > 6 ? ' option-buttons--many' : ''}`}>
        {(item.answerOption ?? []).map((o) => {
          const key = optionKey(o);
          return (
            <button key={key} type="button" className="option-button" aria-pressed={chosen.includes(key)} disabled={item.readOnly} onClick={() => toggle(key)}>
              {optionLabel(o, i18n.language)}
            </button>
          );
        })}
      </div>
      {item.type === 'open-choice' && (
        <label className="other-answer">
          <span>{t('forms.other')}</span>
          <input
            id={`${id}-other`}
            className="input"
            value={other}
            maxLength={item.maxLength}
            aria-invalid={invalid || undefined}
            onChange={(e) => {
              const kept = chosen.filter((r) => keys.includes(r));
              const next = e.target.value;
              onChange(item.repeats ? [...kept, ...(next ? [next] : [])] : next ? [next] : kept);
            }}
          />
        </label>
      )}
    </>
  );
}
