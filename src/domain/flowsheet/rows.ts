// The rows of a flowsheet: those written in the form itself, then the rounds appended as entries
// of their own (row-body.ts). Each appended row is a small document inside the form: added once,
// corrected by amends naming the version they saw, struck by a retract. Two tablets correcting
// the same row at once leave it with two versions, shown side by side until someone resolves it;
// nothing picks a winner. Pure: the same on the tablet, the server and paper.
import type { Entry } from '../entry';
import { projectDocument, type DocState, type RowEntry } from '../project';
import type { QuestionnaireResponse, ResponseItem } from '../questionnaire/types';
import { isFlowsheetRow, rowItemOf, type FlowsheetRowBody } from './row-body';

export interface FlowsheetRow {
  /** The entry that added the row: the row's identity. */
  rowId: string;
  /** The repeating group (table) it belongs to. */
  linkId: string;
  /** Its current versions, oldest id first: more than one means two tablets corrected it at once. */
  heads: RowVersion[];
  /** The row as shown: the newest current version's. */
  item: ResponseItem;
  added: RowVersion;
  /** The retract that struck it, if any ("entered in error", with its reason). */
  struck: RowEntry | null;
}

/** A version of a row (its add, an amend, a resolve): its body is the row itself. */
type RowVersion = RowEntry & { body: FlowsheetRowBody };

const isRowVersion = (e: RowEntry): e is RowVersion => e.kind !== 'retract' && isFlowsheetRow(e.body);

/** The row each row entry belongs to, following parents back to the addendum that added it. */
function rootsOf(entries: readonly RowEntry[]): Map<string, string> {
  const byId = new Map(entries.map((e) => [e.entryId, e]));
  const roots = new Map<string, string>();
  const rootOf = (e: RowEntry, depth: number): string | undefined => {
    const known = roots.get(e.entryId);
    if (known !== undefined) return known;
    if (e.kind === 'addendum') return e.entryId;
    const parent = byId.get(e.parents[0] ?? '');
    return parent && depth < entries.length ? rootOf(parent, depth + 1) : undefined;
  };
  for (const e of entries) {
    const root = rootOf(e, 0);
    if (root !== undefined) roots.set(e.entryId, root);
  }
  return roots;
}

/** Every appended row of the document, in the order they were added (by entry id). */
export function appendedRows(doc: Pick<DocState, 'rowEntries'>): FlowsheetRow[] {
  const entries = doc.rowEntries ?? [];
  const roots = rootsOf(entries);
  const superseded = new Set(entries.filter((e) => e.kind !== 'retract').flatMap((e) => e.parents));
  const out: FlowsheetRow[] = [];
  for (const added of entries) {
    if (added.kind !== 'addendum' || !isRowVersion(added)) continue;
    const mine = entries.filter((e) => roots.get(e.entryId) === added.entryId);
    const heads = mine.filter((e): e is RowVersion => isRowVersion(e) && !superseded.has(e.entryId));
    const shown = heads[heads.length - 1] ?? added;
    const item = rowItemOf(shown.body);
    if (!item) continue;
    out.push({ rowId: added.entryId, linkId: item.linkId, heads, item, added, struck: mine.find((e) => e.kind === 'retract') ?? null });
  }
  return out;
}

/** Who wrote a row: its authors may strike it (with charge nurses and admins). */
function rowAuthorIds(doc: Pick<DocState, 'rowEntries'>, entryId: string): string[] {
  const entries = doc.rowEntries ?? [];
  const root = rootsOf(entries).get(entryId);
  return entries.filter((e) => e.kind === 'addendum' && e.entryId === root).map((e) => e.author.userId);
}

/** The first date-time of a row: when the round was observed (vs-time, gl-time, adm-time). */
export function observedAt(item: ResponseItem): string | undefined {
  for (const child of item.item ?? []) {
    const at = child.answer?.[0]?.valueDateTime;
    if (at) return at;
  }
  return undefined;
}

const byObservation = (a: ResponseItem, b: ResponseItem) => {
  const ta = Date.parse(observedAt(a) ?? '');
  const tb = Date.parse(observedAt(b) ?? '');
  return Number.isNaN(ta) || Number.isNaN(tb) ? 0 : ta - tb;
};

/**
 * The form with its appended rows in place, rows of each table in observation order: what the
 * screen and paper show. Struck rows are left out (the screen shows them struck on its own).
 */
export function withAppendedRows(response: QuestionnaireResponse, doc: Pick<DocState, 'rowEntries'>): QuestionnaireResponse {
  const rows = appendedRows(doc).filter((r) => r.struck === null);
  if (rows.length === 0) return response;
  const items = [...(response.item ?? [])];
  for (const linkId of new Set(rows.map((r) => r.linkId))) {
    const own = items.filter((i) => i.linkId === linkId);
    const merged = [...own, ...rows.filter((r) => r.linkId === linkId).map((r) => r.item)].sort(byObservation);
    const at = own.length > 0 ? items.indexOf(own[0]!) : items.length;
    const rest = items.filter((i) => i.linkId !== linkId);
    items.length = 0;
    items.push(...rest.slice(0, at), ...merged, ...rest.slice(at));
  }
  return { ...response, item: items };
}

/**
 * The users whose record a retract takes back: a row's author when it strikes a row, else the
 * document's (its create). Charge nurses and admins may retract either (identity-rules.ts).
 */
export function retractAuthors(entries: readonly Entry[], retract: Pick<Entry, 'parents'>): string[] {
  const parent = entries.find((x) => x.id === retract.parents[0]);
  if (parent && isFlowsheetRow(parent.body)) return rowAuthorIds(projectDocument(entries), parent.id);
  return entries.filter((x) => x.kind === 'create').map((x) => x.author.userId);
}

/** One line of a flowsheet table: a row written in the form itself, or an appended one. */
export interface FlowsheetLine {
  key: string;
  item: ResponseItem;
  /** The appended row, with its author, versions and striking; null for the form's own rows. */
  row: FlowsheetRow | null;
}

/** Every line of one table, struck ones included, in observation order. */
export function flowsheetLines(response: QuestionnaireResponse, doc: Pick<DocState, 'rowEntries'>, linkId: string): FlowsheetLine[] {
  const own = (response.item ?? []).filter((i) => i.linkId === linkId).map((item, n) => ({ key: `form:${n}`, item, row: null }));
  const appended = appendedRows(doc).filter((r) => r.linkId === linkId).map((row) => ({ key: row.rowId, item: row.item, row }));
  return [...own, ...appended].sort((a, b) => byObservation(a.item, b.item));
}
