// @types/pouchdb-* declare a global `Buffer` interface that breaks Node's Buffer type across the
// whole program, so tsconfig maps the PouchDB modules here and the code types them through its
// own PouchLike (renderer/src/db/sync/pouch.ts).
declare const PouchModule: unknown;
export default PouchModule;
