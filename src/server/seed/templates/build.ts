// Helpers to write the demo hospital's form templates: French text with its English
// translation (FHIR's translation extension), so a nurse reading in English sees the same form,
// and every response stays tied to one template version whatever the language.
import {
  EXT, formKindCoding, HANDOVER_LINK_IDS, SEVERITY_SYSTEM, TRANSLATION_URL, type AnswerOption, type Questionnaire,
  type QuestionnaireItem, type Translatable,
} from '../../../domain/questionnaire';

const TEMPLATE_BASE = 'https://releve.example/fhir/Questionnaire/';
const CODE_BASE = 'https://releve.example/fhir/CodeSystem/';
const DEMO_TEMPLATE_VERSION = '1.0.0';
const DEMO_TEMPLATE_DATE = '2026-02-15';

function english(en: string): Translatable {
  return { extension: [{ url: TRANSLATION_URL, extension: [{ url: 'lang', valueCode: 'en' }, { url: 'content', valueString: en }] }] };
}

type Extra = Omit<QuestionnaireItem, 'linkId' | 'type' | 'text' | '_text' | 'item'>;

export function item(linkId: string, type: QuestionnaireItem['type'], fr: string, en: string, extra: Extra = {}): QuestionnaireItem {
  return { linkId, type, text: fr, _text: english(en), ...extra };
}

export function group(linkId: string, fr: string, en: string, items: QuestionnaireItem[], extra: Extra = {}): QuestionnaireItem {
  return { linkId, type: 'group', text: fr, _text: english(en), ...extra, item: items };
}

export function display(linkId: string, fr: string, en: string, extra: Extra = {}): QuestionnaireItem {
  return { linkId, type: 'display', text: fr, _text: english(en), ...extra };
}

/** Coded options of one code system: [code, French, English]. */
export function codes(system: string, list: readonly (readonly [string, string, string])[]): AnswerOption[] {
  return list.map(([code, fr, en]) => ({ valueCoding: { system: CODE_BASE + system, code, display: fr, _display: english(en) } }));
}

export interface TemplateSpec {
  name: string;
  fr: string;
  en: string;
  description: string;
  kind: string;
  item: QuestionnaireItem[];
}

export function template(spec: TemplateSpec): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    url: TEMPLATE_BASE + spec.name,
    version: DEMO_TEMPLATE_VERSION,
    name: spec.name.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
    title: spec.fr,
    _title: english(spec.en),
    status: 'active',
    date: DEMO_TEMPLATE_DATE,
    publisher: 'Relève — démonstration',
    description: spec.description,
    language: 'fr',
    code: [formKindCoding(spec.kind)],
    subjectType: ['Patient'],
    item: spec.item,
  };
}

/** Illness severity, the I of I-PASS, also asked in SAED: what the ward board shows. */
export function severityItem(): QuestionnaireItem {
  return {
    ...item(HANDOVER_LINK_IDS.severity, 'choice', 'Gravité de l’état du patient', 'Illness severity', { required: true }),
    answerOption: [
      ['stable', 'Stable', 'Stable'],
      ['watcher', 'À surveiller', 'Watcher'],
      ['unstable', 'Instable', 'Unstable'],
    ].map(([code, fr, en]) => ({ valueCoding: { system: SEVERITY_SYSTEM, code: code!, display: fr!, _display: english(en!) } })),
  };
}

/** The to-do list handed over: what, who, by when, and whether it is done. */
export function actionsGroup(fr: string, en: string): QuestionnaireItem {
  return group(HANDOVER_LINK_IDS.actions, fr, en, [
    item(HANDOVER_LINK_IDS.action, 'string', 'Action', 'Action', { required: true, maxLength: 200 }),
    item(HANDOVER_LINK_IDS.owner, 'string', 'Qui', 'Owner', { maxLength: 80 }),
    item(HANDOVER_LINK_IDS.due, 'dateTime', 'Pour quand', 'Due'),
    item(HANDOVER_LINK_IDS.done, 'boolean', 'Fait', 'Done'),
  ], { repeats: true });
}

/**
 * Plausibility: outside [min, max] is a typing slip (SpO₂ 960 %) and is refused; outside
 * [alarmLow, alarmHigh] is possible but alarming (the ward's warnings read it, issue 11).
 */
export function limits(type: 'integer' | 'decimal', min: number, max: number, alarmLow: number, alarmHigh: number) {
  const v = type === 'integer' ? 'valueInteger' : 'valueDecimal';
  return {
    extension: [
      { url: EXT.minValue, [v]: min },
      { url: EXT.maxValue, [v]: max },
      { url: EXT.alarmLow, valueDecimal: alarmLow },
      { url: EXT.alarmHigh, valueDecimal: alarmHigh },
    ],
  };
}

