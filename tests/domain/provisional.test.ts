// Who may enrol whom offline, and the shape of an enrolment entry.
import { describe, expect, it } from 'vitest';
import { newId, type Entry } from '../../src/domain/entry';
import { authorDisplay, enrolmentBody, enrolmentShapeProblem, enrolRoleProblem, provisionalAuthor } from '../../src/domain/provisional';

describe('enrolRoleProblem', () => {
  it('lets a charge nurse or an admin enrol, never above her own role', () => {
    expect(enrolRoleProblem('charge', 'nurse')).toBeNull();
    expect(enrolRoleProblem('charge', 'charge')).toBeNull();
    expect(enrolRoleProblem('admin', 'admin')).toBeNull();
    expect(enrolRoleProblem('charge', 'admin')).toMatch(/may not enrol a admin/);
    expect(enrolRoleProblem('nurse', 'nurse')).toMatch(/role nurse may not enrol anyone/);
    expect(enrolRoleProblem('admin', 'interface')).toMatch(/cannot be given offline/);
    expect(enrolRoleProblem('admin', 'toString')).toMatch(/cannot be given offline/);
  });
});

describe('an enrolment entry', () => {
  const body = { accountId: newId(), username: 'marie.relief', name: 'Marie Relief', role: 'nurse' as const };
  const entry = (over: Partial<Entry> = {}) =>
    ({ id: newId(), kind: 'create', scope: 'unit:MED', body, author: { userId: 'u1', name: 'Chef', role: 'charge' }, ...over }) as Entry;

  it('is one create in a ward, not by a provisional account, then an admin’s decision', () => {
    expect(enrolmentShapeProblem(entry())).toBeNull();
    const linked = { ...body, decision: { status: 'linked', account: { userId: 'u9', name: 'Marie Dupont' } } };
    const admin = { userId: 'a1', name: 'Admin', role: 'admin' };
    expect(enrolmentShapeProblem(entry({ kind: 'amend', body: linked, author: admin }))).toBeNull();
    expect(enrolmentShapeProblem(entry({ kind: 'amend', author: admin }))).toMatch(/carries the admin’s decision/);
    expect(enrolmentShapeProblem(entry({ kind: 'amend', body: linked }))).toMatch(/only an admin/);
    expect(enrolmentShapeProblem(entry({ body: linked }))).toMatch(/decided by an admin afterwards/);
    expect(enrolmentShapeProblem(entry({ kind: 'addendum', author: admin }))).toMatch(/not annotated or retracted/);
    expect(enrolmentShapeProblem(entry({ scope: 'global' }))).toMatch(/lives in its ward/);
    expect(enrolmentShapeProblem(entry({ author: { userId: 'p', name: 'P', role: 'nurse', enrolledBy: { userId: 'u1', name: 'Chef' } } }))).toMatch(/may not enrol/);
  });

  it('refuses a bad username or an empty name', () => {
    expect(enrolmentBody.safeParse(body).success).toBe(true);
    expect(enrolmentBody.safeParse({ ...body, username: 'Marie Relief' }).success).toBe(false);
    expect(enrolmentBody.safeParse({ ...body, name: '  ' }).success).toBe(false);
  });

  it('makes an author carrying both names, which exports write out', () => {
    const author = provisionalAuthor(entry() as Entry & { body: typeof body });
    expect(author).toEqual({ userId: body.accountId, name: 'Marie Relief', role: 'nurse', enrolledBy: { userId: 'u1', name: 'Chef' } });
    expect(authorDisplay(author)).toBe('Marie Relief, inscrite hors ligne par Chef');
    expect(authorDisplay({ name: 'Chef' })).toBe('Chef');
  });
});
