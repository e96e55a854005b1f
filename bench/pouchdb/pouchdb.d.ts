// The little of PouchDB's API the bench uses (its packages ship no types).
declare module 'pouchdb-browser' {
  interface Replication {
    docs_written: number;
  }
  interface ReplicateOptions {
    batch_size?: number;
  }
  class PouchDB {
    constructor(name: string);
    bulkDocs(docs: object[]): Promise<unknown[]>;
    info(): Promise<{ doc_count: number }>;
    destroy(): Promise<unknown>;
    replicate: {
      to(target: PouchDB, opts?: ReplicateOptions): Promise<Replication>;
      from(source: PouchDB, opts?: ReplicateOptions): Promise<Replication>;
    };
  }
  export default PouchDB;
}

declare module 'pouchdb-node' {
  interface PouchDBConstructor {
    defaults(opts: { prefix: string }): PouchDBConstructor;
  }
  const PouchDB: PouchDBConstructor;
  export default PouchDB;
}

declare module 'express-pouchdb' {
  import type { RequestListener } from 'node:http';
  export default function expressPouchDB(pouchdb: unknown, opts: { mode: string; inMemoryConfig: boolean }): RequestListener;
}
