// npm run bench: every benchmark, each printing its figures and a same-run baseline ratio.
import { runSyncThroughput } from './sync-throughput';

await runSyncThroughput();
await (await import('./sync-pouchdb')).runSyncPouchDB();
await (await import('./print-kit')).runPrintKit();
await (await import('./sync-load')).runSyncLoad();
await (await import('./mllp-feed')).runMllpFeed();
await (await import('./vault-ward')).runVaultWard();
await (await import('./tablet')).runTablet();
await (await import('./keyring-unlock')).runKeyringUnlock();
