// Unlocking a shared tablet (issue 9): the offline password check (PBKDF2-SHA256, 600,000
// iterations, then AES-KW unwrap of the data key) must take at most 1.5 s, a PIN at most 300 ms.
// Node's WebCrypto (OpenSSL) over the real keyring code and Dexie (fake-indexeddb). Baseline,
// same run: the bare PBKDF2 derivation alone, so the ratio is the keyring's own overhead.
import 'fake-indexeddb/auto';
import { KeyringDb } from '../src/client/db/keyring/keyring-db';
import { enrolOnline, setPin, unlockWithPassword, unlockWithPin } from '../src/client/db/keyring/keyring';
import { deriveWrappingKey, PASSWORD_ITERATIONS, PIN_ITERATIONS, randomSalt } from '../src/client/db/keyring/kdf';
import { measure, timed, type Figures } from './measure';

const RUNS = 5;
const BUDGET = { password: 1500, pin: 300 };

function line(f: Figures): string {
  return `  ${f.name.padEnd(44)} median ${f.median.toFixed(1).padStart(8)} ms  (min ${f.min.toFixed(1)}, max ${f.max.toFixed(1)})`;
}

export async function runKeyringUnlock(): Promise<void> {
  console.log(`\nkeyring unlock (password: PBKDF2 ${PASSWORD_ITERATIONS}, PIN: PBKDF2 ${PIN_ITERATIONS}; ${RUNS} runs)`);
  const k = new KeyringDb(`bench-keyring-${process.pid}`);
  const user = { id: 'u-bench', name: 'Bench Nurse', role: 'nurse' as const, units: ['MED'] };
  await enrolOnline(k, { username: 'bench', password: 'correct horse', user, deviceSecret: Buffer.alloc(32, 3).toString('base64url') });
  await setPin(k, 'u-bench', 'correct horse', '482916');

  const password = await measure('unlock with password (keyring)', RUNS, () => timed(() => unlockWithPassword(k, 'bench', 'correct horse')));
  const pin = await measure('unlock with PIN (keyring)', RUNS, () => timed(() => unlockWithPin(k, 'u-bench', '482916')));
  const salt = randomSalt();
  const bareKdf = await measure('bare PBKDF2 600k derivation (baseline)', RUNS, () => timed(() => deriveWrappingKey('correct horse', salt, PASSWORD_ITERATIONS)));
  for (const f of [password, pin, bareKdf]) console.log(line(f));
  console.log(`  ratio password unlock / bare derivation (median): ${(password.median / bareKdf.median).toFixed(2)}x`);
  console.log(`  password: ${password.median <= BUDGET.password ? 'within' : 'OVER'} the ${BUDGET.password} ms budget`);
  console.log(`  PIN: ${pin.median <= BUDGET.pin ? 'within' : 'OVER'} the ${BUDGET.pin} ms budget`);
  k.close();
}
