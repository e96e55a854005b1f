// The settings forms' submit (ui/useSubmit.ts): one at a time, busy while it runs, then its
// outcome in words; what must run after either (emptying password fields) always runs.
import { describe, expect, it } from 'vitest';
import { submitOnce, type SubmitMessage } from '../../../src/client/ui/useSubmit';

function form() {
  const seen = { busy: [] as boolean[], messages: [] as (SubmitMessage | null)[], always: 0 };
  const state = { running: false, setBusy: (b: boolean) => seen.busy.push(b), setMessage: (m: SubmitMessage | null) => seen.messages.push(m) };
  return { state, seen };
}

describe('a settings form submit', () => {
  it('is busy while it runs, then says what was done', async () => {
    const { state, seen } = form();
    const ok = await submitOnce(state, { run: async () => 'Code PIN enregistré.', failed: () => 'no', always: () => seen.always++ });
    expect(ok).toBe(true);
    expect(seen.busy).toEqual([true, false]);
    expect(seen.messages).toEqual([null, { ok: true, text: 'Code PIN enregistré.' }]);
    expect(seen.always).toBe(1);
    expect(state.running).toBe(false);
  });

  it('a failure is told in her words, and the fields are emptied all the same', async () => {
    const { state, seen } = form();
    const ok = await submitOnce(state, {
      run: () => Promise.reject(new Error('wrong password')),
      failed: (err) => `Mot de passe incorrect (${(err as Error).message})`,
      always: () => seen.always++,
    });
    expect(ok).toBe(false);
    expect(seen.messages.at(-1)).toEqual({ ok: false, text: 'Mot de passe incorrect (wrong password)' });
    expect(seen.busy).toEqual([true, false]);
    expect(seen.always).toBe(1);
  });

  it('a second tap while the first runs does nothing; nothing to say leaves no message', async () => {
    const { state, seen } = form();
    let finish!: () => void;
    let runs = 0;
    const steps = { run: () => { runs++; return new Promise<null>((r) => (finish = () => r(null))); }, failed: () => 'no' };
    const first = submitOnce(state, steps);
    expect(await submitOnce(state, steps)).toBe(false);
    finish();
    expect(await first).toBe(true);
    expect(runs).toBe(1);
    expect(seen.messages).toEqual([null]);
    expect(await submitOnce(state, { ...steps, run: async () => null })).toBe(true);
  });
});
