// Draft keys of forms: one per thing being written, so each comes back after a reload or a crash.
export const newFormDraftKey = (templateDocId: string, patientId: string) => `form:new:${templateDocId}:${patientId}`;
export const amendFormDraftKey = (docId: string) => `form:amend:${docId}`;
export const resolveFormDraftKey = (docId: string) => `form:resolve:${docId}`;
export const confirmDraftKey = (docId: string) => `handover:confirm:${docId}`;
export const admissionDraftKey = (unitCode: string, templateDocId: string) => `admission:new:${unitCode}:${templateDocId}`;
export const roundDraftKey = (docId: string, linkId: string) => `form:round:${docId}:${linkId}`;
export const correctRoundDraftKey = (docId: string, rowId: string) => `form:round-fix:${docId}:${rowId}`;
