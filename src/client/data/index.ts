// What the screens may use of the data side. Screens never touch Dexie or HTTP directly.
export { useSession, login, loginWithPin, LoginError, useDeviceId, type SessionUser, type SessionState } from './session';
export { lockTablet, unlockWithPinCode, unlockWithOwnPassword, signOut, setMyPin, flushBeforeLock } from './lock';
export { useUnits, useWard, usePatient, type UnitInfo, type WardRow } from './ward';
export { useWardAutoLock } from './auto-lock';
export { useNotes, useNoteTargets, writeNote, amendNote, addAddendum, retractNote, resolveNote, type NoteView } from './notes';
export { useTemplates, useAllTemplates, useTemplate, useTemplateOfKind, saveTemplate, type TemplateView } from './templates';
export { useForms, useForm, writeForm, amendForm, resolveForm, type FormView } from './forms';
export { useWardHandover, confirmHandover, handoverAuthors } from './handover';
export type { LatestHandover } from './latest-handover';
export { admitPatient, useNextTemporaryIpp } from './admission';
export { useDraft, draftsOfWriter, clearMyDraft, useMyDraftPending, useDrafts, type DraftSummary, type OthersDrafts } from './drafts';
export { useSyncStatus, syncNow, useRejected } from './sync-status';
export {
  useUpdatePrompt, useLanguage, storedLanguage } from './device';
export { requestPersistentStorage, useStorageInfo } from './storage';
export { startClient } from './boot';
export { InvalidEntryError } from '../db/append';
// Downtime mode: episodes, checklist runs, procedures, directory, admin editing of reference content.
export * from './downtime';
export * from './checklists';
export * from './procedures';
export * from './directory';
export { useReference, useReferenceDoc, useReferenceAsOf, type ReferenceView } from './reference';
export { saveReference, OfflineEditError } from './reference-admin';
export { useRecoveryEpisodes, useWorklist, markBackEntry, downloadExport, type RecoveryEpisode, type WorklistView, type PatientLabel } from './recovery';
export { useRecoveryDoc, type RecoveryDocView } from './recovery-doc';
export { usePatientLinks, linkPatient, unlinkPatient, useLinkedRecords, useLinkOf, type CensusPatient, type TemporaryPatient, type LinksView } from './patient-links';
export { readScannedSheet, type ScannedSheet } from './scan';
export { sendExportToMainRecord, SendExportError, type SentExport, type SendFailure } from './send-export';
export { usePatientHisData, type PatientHisData, type HisDoc } from './his';
export { useSessionHealth } from './session-health';
export { enrolColleague, EnrolError, type EnrolInput } from './enrol';
export { useEnrolments, useProvisionalDecisions, type EnrolmentView } from './enrolments';
export { useWiped } from './wiped';
export type { WipeRecord as WipeRecordView } from '../db/wipe';
export { addFlowsheetRow, correctFlowsheetRow, strikeFlowsheetRow, rowTemplateOf } from './flowsheet';
export { useConflicts, type ConflictView } from './conflicts';
export { useKeptHisMessages, mapHisWard, type KeptMessage, type WardMapAnswer } from './his-wards';
