// One Provenance per exported resource: who wrote it (name, role, user id), on which tablet,
// when it was recorded, the Relève entry and its hash, the downtime episode, the versions it
// replaced, and for a transcription the paper's author and time as written on the sheet.
import type { Entry } from '../../entry';
import { authorDisplay } from '../../provisional';
import type { Transcription } from '../transcription';
import { DATA_OPERATION, PARTICIPANT_TYPE, SYSTEMS } from './systems';
import type { Resource } from './resources';
import { retractReason } from '../../schemas/annotation';

export interface ProvenanceFacts {
  /** The entry that wrote this version. */
  entry: Entry;
  /** Earlier versions this one replaced. */
  replaced: readonly Entry[];
  retraction: Entry | null;
  transcription: Transcription | null;
  /** The IPP it was written under, when it now shows under another patient. */
  writtenUnder: string | null;
}

const participant = (code: string, display: string) => ({ coding: [{ system: PARTICIPANT_TYPE, code, display }] });

const entryEntity = (e: Entry, role: 'source' | 'revision' | 'removal') => ({
  role,
  what: { identifier: { system: SYSTEMS.entry, value: e.id }, display: `${e.kind} ${e.hash}` },
});

export function provenanceFor(target: string, f: ProvenanceFacts): Resource {
  const { entry: e, transcription: t } = f;
  const writer = {
    type: participant(t ? 'enterer' : 'author', t ? 'Enterer' : 'Author'),
    role: [{ text: e.author.role }],
    who: { identifier: { system: SYSTEMS.user, value: e.author.userId }, display: authorDisplay(e.author) },
  };
  // A provisional account's entries name who vouched for her (domain/provisional.ts).
  const enroller = e.author.enrolledBy
    ? [{ type: participant('attester', 'Attester'), role: [{ text: 'Inscription hors ligne' }], who: { identifier: { system: SYSTEMS.user, value: e.author.enrolledBy.userId }, display: e.author.enrolledBy.name } }]
    : [];
  const tablet = {
    type: participant('assembler', 'Assembler'),
    who: { type: 'Device', identifier: { system: SYSTEMS.device, value: e.deviceId }, display: `Tablette ${e.deviceId}` },
  };
  const paper = t ? [{ type: participant('author', 'Author'), who: { display: t.paperAuthor } }] : [];
  const entities = [
    entryEntity(e, 'source'),
    { role: 'source', what: { identifier: { system: SYSTEMS.entryHash, value: e.hash } } },
    ...(e.downtimeId ? [{ role: 'source', what: { identifier: { system: SYSTEMS.downtime, value: e.downtimeId }, display: 'Épisode de mode dégradé' } }] : []),
    ...f.replaced.map((r) => entryEntity(r, 'revision')),
    ...(f.retraction ? [entryEntity(f.retraction, 'removal')] : []),
    ...(t ? [{ role: 'source', what: { identifier: { system: SYSTEMS.paperSheet, value: t.sheet }, display: 'Feuille papier retranscrite' } }] : []),
    ...(f.writtenUnder ? [{ role: 'source', what: { identifier: { system: SYSTEMS.temporaryIpp, value: f.writtenUnder }, display: 'Écrit sous le numéro temporaire' } }] : []),
  ];
  const reason = f.retraction ? retractReason(f.retraction.body) : '';
  return {
    resourceType: 'Provenance',
    target: [{ reference: target }],
    ...(t ? { occurredDateTime: t.paperTime } : {}),
    recorded: e.createdAt,
    activity: { coding: [{ system: DATA_OPERATION, code: e.kind === 'create' ? 'CREATE' : 'UPDATE' }] },
    ...(reason ? { reason: [{ text: `Saisi par erreur : ${reason}` }] } : {}),
    agent: [writer, ...enroller, tablet, ...paper],
    entity: entities,
  };
}
