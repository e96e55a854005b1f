// The import's report of what it leaves out, grouped by what leaving it out does:
// - meaning: the form would ask or compute something else (a calculation, a condition, a value
//   set, a question type); the import is refused unless the admin accepts each such line;
// - look: only how it is shown (item controls, orientation, rendering);
// - metadata: what the form says about itself (narrative, identifiers, extraction rules).
// Repeats are collapsed: one line per effect, kind and element, with the items it concerns.

export type Effect = 'meaning' | 'look' | 'metadata';

export type LeftOutCode =
  | 'type' | 'attribute' | 'rootAttribute' | 'extension' | 'modifierExtension' | 'option' | 'initial'
  | 'condition' | 'conditionOnDropped' | 'withParent' | 'valueSetMissing' | 'valueSetNotExpandable'
  | 'expressionLanguage' | 'badExpression' | 'badUnit' | 'emptiedGroup';

/** One element left out, before collapsing. */
export interface LeftOut {
  effect: Effect;
  code: LeftOutCode;
  /** The attribute path ("answerOption.extension"), type, value set or extension URL. */
  name: string;
  linkId?: string;
  text?: string;
}

export interface ReportLine {
  /** Stable: what the admin accepts (effect|code|name). */
  key: string;
  effect: Effect;
  code: LeftOutCode;
  name: string;
  count: number;
  /** The items concerned, in template order (none for the template itself). */
  items: { linkId: string; text: string }[];
}

export const EFFECTS: readonly Effect[] = ['meaning', 'look', 'metadata'];

/** One line per (effect, code, name), meaning first, then look, then metadata. */
export function collapseReport(all: readonly LeftOut[]): ReportLine[] {
  const lines = new Map<string, ReportLine>();
  for (const l of all) {
    const key = `${l.effect}|${l.code}|${l.name}`;
    const line = lines.get(key) ?? { key, effect: l.effect, code: l.code, name: l.name, count: 0, items: [] };
    line.count += 1;
    if (l.linkId !== undefined && !line.items.some((i) => i.linkId === l.linkId)) line.items.push({ linkId: l.linkId, text: l.text ?? '' });
    lines.set(key, line);
  }
  return [...lines.values()].sort((a, b) => EFFECTS.indexOf(a.effect) - EFFECTS.indexOf(b.effect));
}

const LOOK = [
  'questionnaire-itemControl', 'questionnaire-choiceOrientation', 'rendering-', 'questionnaire-displayCategory',
  'questionnaire-supportLink', 'sdc-questionnaire-shortText', 'questionnaire-sliderStepValue', 'questionnaire-optionPrefix',
  'sdc-questionnaire-collapsible', 'sdc-questionnaire-width', 'questionnaire-usageMode', 'sdc-questionnaire-keyboard',
  'sdc-questionnaire-entryMode', 'questionnaire-hidden-answer', 'sdc-questionnaire-columns', 'sdc-questionnaire-styleSensitive',
  'sdc-questionnaire-choiceColumn', 'sdc-questionnaire-optionalDisplay', 'questionnaire-chat',
];
const METADATA = [
  'sdc-questionnaire-observationExtract', 'sdc-questionnaire-observationLinkPeriod', 'sdc-questionnaire-itemExtractionContext',
  'sdc-questionnaire-itemPopulationContext', 'sdc-questionnaire-definitionExtract', 'sdc-questionnaire-preferredTerminologyServer',
  'questionnaire-performerType', 'designNote', 'questionnaire-signatureRequired', 'sdc-questionnaire-assemble',
  'questionnaire-baseType', 'questionnaire-fhirType', 'questionnaire-referenceResource', 'sdc-questionnaire-endpoint',
  'structuredefinition-', 'questionnaire-sourceStructureMap', 'sdc-questionnaire-targetStructureMap', 'artifact-',
  'cqf-knowledgeCapability', 'cqf-knowledgeRepresentationLevel', 'questionnaire-derivationType', 'workflow-',
];

/**
 * What leaving out this extension does. Unknown extensions count as changing the meaning: SDC's
 * behaviour extensions (limits, calculations) are ordinary extensions, so an unknown one may well
 * be a rule of the form; the admin can still accept it knowingly.
 */
export function effectOfExtension(url: string, hasExpression: boolean): Effect {
  if (hasExpression) return 'meaning';
  const tail = url.slice(url.lastIndexOf('/') + 1);
  if (LOOK.some((p) => tail.startsWith(p))) return 'look';
  if (METADATA.some((p) => tail.startsWith(p))) return 'metadata';
  return 'meaning';
}

/** Template attributes outside the subset: all say something about the form, none change its questions. */
export const META_ROOT_ATTRIBUTES: ReadonlySet<string> = new Set([
  'meta', 'text', 'identifier', 'contact', 'copyright', 'jurisdiction', 'useContext', 'purpose', 'approvalDate', 'lastReviewDate',
  'effectivePeriod', 'experimental', 'derivedFrom', 'implicitRules', 'copyrightLabel', 'versionAlgorithmString',
]);

/** Item attributes that say something about the question without changing what it asks. */
export const META_ITEM_ATTRIBUTES: ReadonlySet<string> = new Set(['definition', 'id', '_prefix', '_linkId']);
