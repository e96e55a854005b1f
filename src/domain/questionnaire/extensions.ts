// The FHIR and SDC extensions the engine understands, by URL, and how to read them off an item.
// A template keeps these (and only these) on its items, so it stays plain FHIR R4 JSON that any
// other FHIR tool reads the same way.
import type { Coding, Expression, Extension, QuestionnaireItem } from './types';

const CORE = 'http://hl7.org/fhir/StructureDefinition/';
const SDC = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-';

export const EXT = {
  hidden: `${CORE}questionnaire-hidden`,
  unit: `${CORE}questionnaire-unit`,
  unitOption: `${CORE}questionnaire-unitOption`,
  minValue: `${CORE}minValue`,
  maxValue: `${CORE}maxValue`,
  minLength: `${CORE}minLength`,
  maxDecimalPlaces: `${CORE}maxDecimalPlaces`,
  regex: `${CORE}regex`,
  entryFormat: `${CORE}entryFormat`,
  minOccurs: `${CORE}questionnaire-minOccurs`,
  maxOccurs: `${CORE}questionnaire-maxOccurs`,
  ordinalValue: `${CORE}ordinalValue`,
  itemWeight: `${CORE}itemWeight`,
  variable: `${CORE}variable`,
  targetConstraint: `${CORE}targetConstraint`,
  calculatedExpression: `${SDC}calculatedExpression`,
  enableWhenExpression: `${SDC}enableWhenExpression`,
  initialExpression: `${SDC}initialExpression`,
  answerExpression: `${SDC}answerExpression`,
  launchContext: `${SDC}launchContext`,
  /** On an option's Coding: the value set it was taken from (a `#id` of the template's contained). */
  valueSetReference: `${CORE}valueset-reference`,
  /** Relève's own: a value that is possible but alarming (the ward's plausibility warnings). */
  alarmLow: 'https://releve.example/fhir/StructureDefinition/alarm-low',
  alarmHigh: 'https://releve.example/fhir/StructureDefinition/alarm-high',
} as const;

/** The extensions a template keeps on an item (everything else is reported on import). */
export const ITEM_EXTENSIONS: ReadonlySet<string> = new Set([
  EXT.hidden, EXT.unit, EXT.unitOption, EXT.minValue, EXT.maxValue, EXT.minLength, EXT.maxDecimalPlaces, EXT.regex,
  EXT.entryFormat, EXT.minOccurs, EXT.maxOccurs, EXT.variable, EXT.targetConstraint, EXT.calculatedExpression,
  EXT.enableWhenExpression, EXT.initialExpression, EXT.answerExpression, EXT.alarmLow, EXT.alarmHigh,
]);
export const OPTION_EXTENSIONS: ReadonlySet<string> = new Set([EXT.ordinalValue, EXT.itemWeight]);
export const ROOT_EXTENSIONS: ReadonlySet<string> = new Set([EXT.variable, EXT.launchContext]);

/** The item's expression-valued extensions, the ones fhirpath runs. */
export const EXPRESSION_EXTENSIONS: readonly string[] = [
  EXT.variable, EXT.calculatedExpression, EXT.enableWhenExpression, EXT.initialExpression, EXT.answerExpression,
  EXT.targetConstraint,
];

export const UCUM = 'http://unitsofmeasure.org';

export function extensionsOf(holder: { extension?: Extension[] } | undefined, url: string): Extension[] {
  return (holder?.extension ?? []).filter((e) => e.url === url);
}

function extensionOf(holder: { extension?: Extension[] } | undefined, url: string): Extension | undefined {
  return holder?.extension?.find((e) => e.url === url);
}

/** A number- or date-valued extension (minValue, maxValue...) as a number or an ISO text. */
function limitValue(e: Extension | undefined): number | string | undefined {
  if (!e) return undefined;
  return e.valueInteger ?? e.valueDecimal ?? e.valueDate ?? e.valueDateTime ?? e.valueQuantity?.value ?? e.valueString;
}

export function isHidden(item: QuestionnaireItem): boolean {
  return extensionOf(item, EXT.hidden)?.valueBoolean === true;
}

/** A calculated item is read-only: the engine fills it, the nurse does not. */
export function calculatedExpressionOf(item: QuestionnaireItem): Expression | undefined {
  return extensionOf(item, EXT.calculatedExpression)?.valueExpression;
}

export function isCalculated(item: QuestionnaireItem): boolean {
  return calculatedExpressionOf(item) !== undefined;
}

export interface ItemLimits {
  min?: number | string;
  max?: number | string;
  /** Possible but alarming: below alarmLow or above alarmHigh. */
  alarmLow?: number;
  alarmHigh?: number;
  minLength?: number;
  maxDecimalPlaces?: number;
  regex?: string;
  minOccurs?: number;
  maxOccurs?: number;
}

export function limitsOf(item: QuestionnaireItem): ItemLimits {
  const num = (url: string) => {
    const v = limitValue(extensionOf(item, url));
    return typeof v === 'number' ? v : undefined;
  };
  const out: ItemLimits = {};
  const min = limitValue(extensionOf(item, EXT.minValue));
  const max = limitValue(extensionOf(item, EXT.maxValue));
  if (min !== undefined) out.min = min;
  if (max !== undefined) out.max = max;
  const set = <K extends keyof ItemLimits>(k: K, v: ItemLimits[K] | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set('alarmLow', num(EXT.alarmLow));
  set('alarmHigh', num(EXT.alarmHigh));
  set('minLength', num(EXT.minLength));
  set('maxDecimalPlaces', num(EXT.maxDecimalPlaces));
  set('minOccurs', num(EXT.minOccurs));
  set('maxOccurs', num(EXT.maxOccurs));
  set('regex', extensionOf(item, EXT.regex)?.valueString);
  return out;
}

export function entryFormatOf(item: QuestionnaireItem): string | undefined {
  return extensionOf(item, EXT.entryFormat)?.valueString;
}

/** The units a quantity item offers, the first being the default (questionnaire-unit, then unitOption). */
export function unitsOf(item: QuestionnaireItem): Coding[] {
  const units = [...extensionsOf(item, EXT.unit), ...extensionsOf(item, EXT.unitOption)].flatMap((e) => (e.valueCoding ? [e.valueCoding] : []));
  const seen = new Set<string>();
  return units.filter((u) => {
    const k = u.code ?? '';
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The unit printed after a number: the quantity's default unit, or a decimal/integer's questionnaire-unit. */
export function unitLabel(item: QuestionnaireItem): string | undefined {
  const u = unitsOf(item)[0];
  return u ? u.display ?? u.code : undefined;
}

