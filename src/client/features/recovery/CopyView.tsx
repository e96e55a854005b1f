// The "copy" view of a worklist line: plain values, one per line, in the order the main record's
// screens ask for them (the form's own question order; a note's target then D, A, R; an
// admission's identity), so the person re-typing reads down the list without hunting.
import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import { itemText, type QuestionnaireItem, type ResponseItem } from '../../../domain/questionnaire';
import { currentBody } from '../../../domain/doc-bodies';
import type { RecoveryDocView } from '../../data';
import { useFormat } from '../../i18n';
import { AnswerText } from '../forms/ResponseView';
import { asNoteBody, NOTE_FIELDS } from '../notes/note-body';

interface Line {
  key: string;
  label: string;
  value?: ReactNode;
}

function formLines(items: readonly QuestionnaireItem[] | undefined, answered: readonly ResponseItem[], lang: string, path: string): Line[] {
  return (items ?? []).flatMap((item): Line[] => {
    const hits = answered.filter((a) => a.linkId === item.linkId);
    if (item.type === 'display' || hits.length === 0) return [];
    const key = `${path}/${item.linkId}`;
    if (item.type === 'group') {
      return hits.flatMap((row, i) => [
        { key: `${key}#${i}`, label: item.repeats ? `${itemText(item, lang)} ${i + 1}` : itemText(item, lang) },
        ...formLines(item.item, row.item ?? [], lang, `${key}#${i}`),
      ]);
    }
    const value = (hits[0]!.answer ?? []).map((a, i) => <AnswerText key={i} item={item} answer={a} />);
    return [{ key, label: itemText(item, lang), value }];
  });
}

function useCopyLines(view: RecoveryDocView): Line[] {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const doc = view.doc;
  switch (doc.docType) {
    case 'form': {
      const response = currentBody(doc);
      return view.template ? formLines(view.template.template.item, response?.item ?? [], i18n.language, '') : [];
    }
    case 'note': {
      const n = asNoteBody(currentBody(doc));
      // The main record asks when it was observed: the time written on the note, not the time it was typed.
      const observed = n.observedAt ? [{ key: 'observedAt', label: t('noteForm.observedAt'), value: f.dateTime(n.observedAt) }] : [];
      return [...observed, { key: 'target', label: t('notes.target'), value: n.target }, ...NOTE_FIELDS.map((k) => ({ key: k, label: t(`notes.${k}`), value: n[k] }))];
    }
    case 'patient': {
      const p = currentBody(doc);
      if (!p) return [];
      return [
        { key: 'ipp', label: t('recovery.copy.ipp'), value: p.ipp },
        { key: 'last', label: t('recovery.copy.lastName'), value: p.lastName },
        { key: 'first', label: t('recovery.copy.firstName'), value: p.firstName },
        { key: 'birth', label: t('recovery.copy.birthDate'), value: f.date(p.birthDate) },
        { key: 'sex', label: t('recovery.copy.sex'), value: p.sex },
        { key: 'where', label: t('recovery.copy.where'), value: `${p.unitCode} · ${p.room}${p.bed ? ` · ${p.bed}` : ''}` },
        ...(p.admittedAt ? [{ key: 'at', label: t('recovery.copy.admittedAt'), value: f.dateTime(p.admittedAt) }] : []),
      ];
    }
    case 'patient-link': {
      const l = currentBody(doc);
      if (!l) return [];
      return [
        { key: 'merged', label: t('recovery.copy.mergedIpp'), value: `${l.merged.ipp} (${l.merged.name})` },
        { key: 'into', label: t('recovery.copy.intoIpp'), value: `${l.into.ipp} (${l.into.name})` },
      ];
    }
    default:
      return [];
  }
}

export function CopyView({ view }: { view: RecoveryDocView }) {
  const { t } = useTranslation();
  const lines = useCopyLines(view);
  if (lines.length === 0) return <p className="muted">{t('recovery.copy.nothing')}</p>;
  return (
    <ol className="copy-lines">
      {lines.map((l) =>
        l.value === undefined ? (
          <li key={l.key} className="copy-heading">{l.label}</li>
        ) : (
          <li key={l.key} className="copy-line">
            <span className="copy-label">{l.label}</span>
            <output className="copy-value">{l.value === '' ? '—' : l.value}</output>
          </li>
        ),
      )}
    </ol>
  );
}
