// The document types of downtime mode: episodes, the procedures and their checklist runs, the
// directory and its call trees. Registered in DOC_TYPES (index.ts) with one spread line.
import type { Entry } from '../entry';
import { GLOBAL_SCOPE, unitOfScope } from '../scope';
import type { DocTypeRule } from './index';
import { downtimeBody } from './downtime';
import { procedureBody } from './procedure';
import { contactBody } from './contact';
import { callTreeBody } from './calltree';
import { checklistBody, checklistTick } from './checklist';

/** A ward episode lives in its ward's scope, a hospital-wide one in global (so only an admin declares it). */
function episodeScopeProblem(e: Entry): string | null {
  if (e.kind === 'addendum' || e.kind === 'retract') return null;
  const b = e.body as { area?: unknown; unitCode?: unknown } | null | undefined; // malformed: bodyProblem reports it
  if (b?.area === 'hospital') return e.scope === GLOBAL_SCOPE ? null : 'a hospital-wide downtime lives in scope global';
  if (b?.area === 'unit') {
    return unitOfScope(e.scope) === b.unitCode ? null : `a downtime of unit ${String(b.unitCode)} lives in scope unit:${String(b.unitCode)}`;
  }
  return null;
}

export const DOWNTIME_DOC_TYPES: Readonly<Record<string, DocTypeRule>> = {
  downtime: { body: downtimeBody, needsPatient: false, scope: 'either', writers: ['charge', 'admin'], check: episodeScopeProblem },
  procedure: { body: procedureBody, needsPatient: false, scope: 'global', writers: ['admin'] },
  contact: { body: contactBody, needsPatient: false, scope: 'global', writers: ['admin'] },
  calltree: { body: callTreeBody, needsPatient: false, scope: 'global', writers: ['admin'] },
  checklist: {
    body: checklistBody,
    needsPatient: false,
    scope: 'unit',
    writers: ['nurse', 'charge', 'admin'],
    addendum: checklistTick,
  },
};
