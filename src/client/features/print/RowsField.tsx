// A number of blank rows, or "automatic" (the default for 24 hours of use) when left empty.
import { useId } from 'react';
import { useTranslation } from '../../i18n';
import { MAX_BLANK_ROWS } from '../../../domain/print/kit-plan';

interface Props {
  label: string;
  value: number | null;
  auto: number;
  onChange: (value: number | null) => void;
  max?: number;
}

export function RowsField({ label, value, auto, onChange, max = MAX_BLANK_ROWS }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field print-rows-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input print-number"
        type="number"
        inputMode="numeric"
        min={0}
        max={max}
        placeholder={t('print.options.auto', { count: auto })}
        value={value ?? ''}
        onChange={(e) => {
          const raw = e.target.value.trim();
          onChange(raw === '' ? null : Math.max(0, Math.min(max, Math.floor(Number(raw)) || 0)));
        }}
      />
    </div>
  );
}
