// The forms engine: FHIR R4 Questionnaire in, QuestionnaireResponse out. Pure, shared by the
// tablet, the server and the printed forms.
export * from './types';
export * from './walk';
export * from './convert';
export * from './values';
export * from './enable-when';
export * from './problems';
export * from './check-values';
export * from './build';
export * from './response-problems';
export * from './template-issues';
export * from './template-problems';
export * from './import-report';
export * from './import-version';
export * from './import-template';
export * from './extensions';
export * from './expressions';
export * from './limits';
export * from './calculate';
export * from './recompute';
export * from './launch-context';
export * from './handover';
export * from './admission';
export * from './differences';
