// A settings form's submit (enrol a colleague, set a PIN, ask for persistent storage): one at a
// time, busy while it runs, and its outcome in words afterwards, success or the reason it failed.
import { useCallback, useRef, useState, type FormEvent } from 'react';

export interface SubmitMessage {
  ok: boolean;
  text: string;
}

export interface SubmitSteps {
  /** The work; resolves to what to tell her (null: nothing to say). */
  run: () => Promise<string | null>;
  /** Why it failed, in her words. */
  failed: (err: unknown) => string;
  /** After either, e.g. empty the password fields. */
  always?: () => void;
}

interface SubmitState {
  running: boolean;
  setBusy: (busy: boolean) => void;
  setMessage: (message: SubmitMessage | null) => void;
}

/** One submit, unless one is running (a gloved double tap). False when it did not run or failed. */
export async function submitOnce(state: SubmitState, steps: SubmitSteps): Promise<boolean> {
  if (state.running) return false;
  state.running = true;
  state.setBusy(true);
  state.setMessage(null);
  try {
    const text = await steps.run();
    if (text !== null) state.setMessage({ ok: true, text });
    return true;
  } catch (err) {
    state.setMessage({ ok: false, text: steps.failed(err) });
    return false;
  } finally {
    steps.always?.();
    state.running = false;
    state.setBusy(false);
  }
}

export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<SubmitMessage | null>(null);
  const state = useRef<SubmitState>({ running: false, setBusy, setMessage });
  /** The form's onSubmit. */
  const onSubmit = useCallback(
    (steps: SubmitSteps) => (e?: FormEvent) => {
      e?.preventDefault();
      void submitOnce(state.current, steps);
    },
    [],
  );
  return { busy, message, onSubmit };
}
