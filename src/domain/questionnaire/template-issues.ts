// What can be wrong with a template, or left out of an imported one. Codes, so the admin screen
// can word them in French or English; describeTemplateIssue is the English for logs and the server.
// What an import leaves out is reported apart (import-report.ts).

export const TEMPLATE_ISSUE_CODES = [
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

const WORDING: Record<TemplateIssueCode, string> = {
  notJson: 'the file is not JSON',
  notQuestionnaire: 'the file is not a FHIR Questionnaire (resourceType)',
  notR4: 'the file is not a FHIR R4 Questionnaire',
  meaningNotAccepted: 'something that changes what the form means is left out, and was not accepted',
  missingUrl: 'the template has no url',
  missingVersion: 'the template has no version',
  missingTitle: 'the template has no title',
  badStatus: 'status must be draft, active, retired or unknown',
  noItems: 'the template has no items',
  duplicateLinkId: 'linkId is used twice',
  missingLinkId: 'an item has no linkId',
  groupWithoutItems: 'a group must contain items',
  itemsUnderQuestion: 'display items cannot contain items',
  choiceWithoutOptions: 'a choice needs answerOption values',
  duplicateOption: 'two options have the same value',
  badOption: 'an option must have exactly one value',
  optionsOnNonChoice: 'answerOption is only for choice, open-choice, string, integer, date and time items',
  maxLengthOnType: 'maxLength is only for string, text and open-choice items',
  initialOnType: 'groups and display items take no initial value',
  initialWithOptions: 'an item with answerOption uses initialSelected, not initial',
  badInitial: 'the initial value does not fit the item type',
  tooManyInitial: 'several initial values on an item that does not repeat',
  requiredOnDisplay: 'display items cannot be required or repeat',
  conditionUnknownQuestion: 'enableWhen names an unknown question',
  conditionOnItself: 'enableWhen names the item itself',
  conditionOnNonQuestion: 'enableWhen must name a question, not a group or display item',
  conditionAnswerType: 'the enableWhen answer does not fit the question type or operator',
  conditionMissingBehavior: 'several enableWhen conditions need an enableBehavior (all or any)',
  conditionCycle: 'enableWhen conditions depend on each other in a loop',
  badShape: 'the template does not have the expected shape',
  versionExists: 'this url and version already exist: import it as a new version',
};

/** Every template issue blocks saving (what is left out on import is in the import report). */
export function isBlocking(code: TemplateIssueCode): boolean {
  return TEMPLATE_ISSUE_CODES.includes(code);
}

export function describeTemplateIssue(i: TemplateIssue): string {
  const where = [i.linkId && `item ${i.linkId}`, i.name && `(${i.name})`].filter(Boolean).join(' ');
  return where ? `${where}: ${WORDING[i.code]}` : WORDING[i.code];
}
