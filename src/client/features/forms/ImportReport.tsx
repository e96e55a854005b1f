// The import's report, grouped by effect: what changes the form's meaning (each line to accept,
// one by one), what changes only its look, what is only about the form. Each line names the
// element or extension URL, how many times it occurs, and the questions by text and linkId.
import { useTranslation } from '../../i18n';
import { EFFECTS, type ReportLine } from '../../../domain/questionnaire';

const SHOWN_ITEMS = 4;

interface Props {
  report: readonly ReportLine[];
  accepted: ReadonlySet<string>;
  onAccept: (key: string, yes: boolean) => void;
}

export function ImportReport({ report, accepted, onAccept }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {EFFECTS.map((effect) => {
        const lines = report.filter((l) => l.effect === effect);
        if (lines.length === 0) return null;
        return (
          <section key={effect} className={`import-group import-group--${effect}`} aria-label={t(`templateImport.effect.${effect}`)}>
            <h3>{t(`templateImport.effect.${effect}`)}</h3>
            <p>{t(`templateImport.effectHelp.${effect}`)}</p>
            <ul>{lines.map((l) => <Line key={l.key} line={l} accepted={accepted.has(l.key)} onAccept={onAccept} />)}</ul>
          </section>
        );
      })}
    </>
  );
}

function Line({ line, accepted, onAccept }: { line: ReportLine; accepted: boolean; onAccept: Props['onAccept'] }) {
  const { t } = useTranslation();
  const items = line.items.slice(0, SHOWN_ITEMS).map((i) => (i.text ? `«\u00a0${i.text}\u00a0» (${i.linkId})` : i.linkId)).join(', ');
  const more = line.items.length > SHOWN_ITEMS ? ` ${t('templateImport.moreItems', { count: line.items.length - SHOWN_ITEMS })}` : '';
  return (
    <li className="import-line" data-effect={line.effect}>
      <span>{t(`templateImport.code.${line.code}`, { name: line.name })}</span>
      {line.count > 1 && <strong> {t('templateImport.times', { count: line.count })}</strong>}
      {items && <div className="import-line-items">{t('templateImport.items', { list: items + more })}</div>}
      {line.effect === 'meaning' && (
        <label className="checkbox">
          <input type="checkbox" checked={accepted} onChange={(e) => onAccept(line.key, e.target.checked)} />
          {t('templateImport.accept')}
        </label>
      )}
    </li>
  );
}
