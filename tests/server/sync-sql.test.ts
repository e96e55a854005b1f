// The push path's statements run on the transaction's own connection, without Kysely
// (store/dialect.ts SyncSql): they must see and share that transaction, and be refused outside one.
import { describe, it, expect, afterEach } from 'vitest';
import { syncSqlOf } from '../../src/server/store/dialect';
import type { Store } from '../../src/server/store/open-store';
import { testStore } from './helpers';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe('SyncSql: the push path on the transaction connection', () => {
  it('is refused outside a transaction, where the connection is shared', async () => {
    store = await testStore({ empty: true });
    await expect(syncSqlOf(store.db)).rejects.toThrow(/transaction/);
  });

  it('writes inside the transaction: rolled back with it, committed with it', async () => {
    store = await testStore();
    const s = store;
    const [user] = await s.db.selectFrom('users').select('id').limit(1).execute();
    const insert = "insert into user_history (user_id, name, role, until) values (?, 'x', 'nurse', '2026-01-01')";
    await expect(
      s.db.transaction().execute(async (trx) => {
        (await syncSqlOf(trx)).query(insert, [user!.id]);
        // The query builder on the same transaction sees the row the raw statement wrote.
        expect((await trx.selectFrom('user_history').select('user_id').where('user_id', '=', user!.id).execute()).length).toBe(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await s.db.selectFrom('user_history').select('user_id').where('user_id', '=', user!.id).execute()).length).toBe(0);
    await s.db.transaction().execute(async (trx) => void (await syncSqlOf(trx)).query(insert, [user!.id]));
    expect((await s.db.selectFrom('user_history').select('user_id').where('user_id', '=', user!.id).execute()).length).toBe(1);
  });
});
