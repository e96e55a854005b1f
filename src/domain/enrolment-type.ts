// The enrolment's document type, apart from its schema: the tablet lists who was enrolled on it
// from its first screens, which do not load zod.
export const ENROLMENT_DOC_TYPE = 'enrolment';
