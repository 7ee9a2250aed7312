// Minimal types for the stand-in hub's packages (they ship none); only what the tests and bench use.
declare module 'pouchdb' {
  interface PouchDoc {
    _id: string;
    _rev?: string;
    [field: string]: unknown;
  }
  interface PouchDatabase {
    get(id: string, opts?: Record<string, unknown>): Promise<PouchDoc & { _conflicts?: string[] }>;
    put(doc: PouchDoc): Promise<{ ok: boolean; id: string; rev: string }>;
    bulkDocs(docs: PouchDoc[], opts?: { new_edits?: boolean }): Promise<unknown[]>;
    allDocs(
      opts?: Record<string, unknown>,
    ): Promise<{ total_rows: number; rows: { id: string; value: { rev: string } }[] }>;
    info(): Promise<{ doc_count: number; update_seq: unknown }>;
    replicate: {
      from(source: string | PouchDatabase, opts?: Record<string, unknown>): Promise<{ docs_written: number }>;
    };
    destroy(): Promise<void>;
  }
  interface PouchStatic {
    new (name: string, opts?: Record<string, unknown>): PouchDatabase;
    plugin(plugin: unknown): PouchStatic;
    defaults(opts: Record<string, unknown>): PouchStatic;
  }
  const PouchDB: PouchStatic;
  export type { PouchDatabase, PouchDoc, PouchStatic };
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'express-pouchdb' {
  import type { Server } from 'node:http';
  interface ExpressPouchApp {
    listen(port: number, host: string, cb: () => void): Server;
  }
  function expressPouchDB(pouch: unknown, opts?: Record<string, unknown>): ExpressPouchApp;
  export default expressPouchDB;
}
