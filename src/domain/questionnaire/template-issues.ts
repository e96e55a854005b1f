// What can be wrong with a template, or left out of an imported one. Codes, so the admin screen
// can word them in French or English (the i18n catalogs).
// What an import leaves out is reported apart (import-report.ts).

const TEMPLATE_ISSUE_CODES = [
  'notJson', 'notQuestionnaire', 'notR4', 'missingUrl', 'missingVersion', 'missingTitle', 'badStatus', 'noItems', 'duplicateLinkId',
  'missingLinkId', 'groupWithoutItems', 'itemsUnderQuestion', 'choiceWithoutOptions', 'duplicateOption', 'badOption',
  'optionsOnNonChoice', 'maxLengthOnType', 'initialOnType', 'initialWithOptions', 'badInitial', 'tooManyInitial',
  'requiredOnDisplay', 'conditionUnknownQuestion', 'conditionOnItself', 'conditionOnNonQuestion', 'conditionAnswerType',
  'conditionMissingBehavior', 'conditionCycle', 'badShape', 'versionExists', 'meaningNotAccepted',
] as const;
export type TemplateIssueCode = (typeof TEMPLATE_ISSUE_CODES)[number];

export interface TemplateIssue {
  code: TemplateIssueCode;
  /** The item concerned, if any. */
  linkId?: string;
  /** The attribute, type, extension url, option or question concerned. */
  name?: string;
}

/** Every template issue blocks saving (what is left out on import is in the import report). */
export function isBlocking(code: TemplateIssueCode): boolean {
  return TEMPLATE_ISSUE_CODES.includes(code);
}

