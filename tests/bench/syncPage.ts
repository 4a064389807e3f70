// The page side of the sync bench (suites/sync.suite.ts): bundled for the browser by the suite
// and added to a page of the served app, so the app's own sync code (localReplica, syncRound,
// the bridge) runs in the app's origin against the app's database "triada", and the raw
// baseline runs PouchDB alone in the same kind of page. Exposed as window.__syncBench.
import PouchDBModule from 'pouchdb-browser';
import { SYNCED_TABLES } from '@shared/sync/tables';
import { markAttendance } from '../../renderer/src/db/meetings/attendance';
import { saveDiscussion } from '../../renderer/src/db/meetings/agenda';
import { addResolution } from '../../renderer/src/db/meetings/resolutions';
import { db } from '../../renderer/src/db/schema';
import { localReplica } from '../../renderer/src/db/sync/local';
import type { PouchLike } from '../../renderer/src/db/sync/pouch';
import { syncRound } from '../../renderer/src/db/sync/server';

const PouchDB = PouchDBModule as unknown as new (name: string) => PouchLike;

export interface Timed<T> {
  ms: number;
  from: number;
  to: number;
  result: T;
}

async function timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
  const from = performance.now();
  const result = await work();
  const to = performance.now();
  return { ms: to - from, from, to, result };
}

const remote = (server: string) => (name: string) => new PouchDB(`${server}/${name}`);

const api = {
  /** One sync round of the app (all bodies this laptop knows), timed. */
  round: (server: string) =>
    timed(async () => {
      const pouch = await localReplica(db);
      const t0 = performance.now();
      const r = await syncRound(db, pouch, remote(server), 'all', 'bench-server', (p) =>
        console.log(
          `${p.database} ${p.done}/${p.total} at ${Math.round(performance.now() - t0)} ms`,
        ),
      );
      return { ...r, databases: r.databases.length };
    }),

  /** Records per synced table in the app's database. */
  async counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const t of SYNCED_TABLES) out[t] = await db.table(t).count();
    return out;
  },

  /** Raw PouchDB: replicate these databases from the server into the replica `name`, in turn. */
  raw: (server: string, databases: string[], name: string) =>
    timed(async () => {
      const local = new PouchDB(name);
      let written = 0;
      for (const d of databases) {
        const source = new PouchDB(`${server}/${d}`);
        written += (await local.replicate.from(source)).docs_written;
        await source.close();
      }
      const info = await local.info();
      await local.close();
      return { written, docs: info.doc_count };
    }),

  /** One meeting changed as the room changes it: attendance, an item's discussion, a resolution. */
  async changeMeeting(input: {
    meetingId: string;
    itemId: string;
    personId: string;
    run: number;
  }): Promise<void> {
    await markAttendance(db, {
      meetingId: input.meetingId,
      personId: input.personId,
      status: input.run % 2 ? 'excused' : 'present',
    });
    await saveDiscussion(
      db,
      input.itemId,
      `Diskuse po synchronizaci, verze ${input.run}: skupina prošla podklady a doplnila připomínky.`,
    );
    await addResolution(db, input.itemId, {
      verb: 'takesNote',
      text: `Pracovní skupina bere na vědomí doplněné podklady (verze ${input.run}).`,
      result: { kind: 'consensus' },
    });
  },
};

(window as unknown as { __syncBench: typeof api }).__syncBench = api;
export type SyncBenchApi = typeof api;
