// Property: whatever the order of edits, file exchanges and syncs through a CouchDB-protocol
// server between three copies, once every copy has exchanged and synced with every other the
// copies hold the same data, revisions and conflicts.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, removePerson, updatePerson } from '../../../renderer/src/db/people/people';
import { exportExchange, importExchange } from '../../../renderer/src/db/sync/exchange';
import { syncRound } from '../../../renderer/src/db/sync/server';
import { partners, thisNode } from '../../../renderer/src/db/sync/state';
import {
  closeLaptop,
  laptop,
  remotePouch,
  revisionTrees,
  startServer,
  syncedData,
  type Laptop,
  type TestServer,
} from './helpers';
import { conflictList } from './scenario';

type Op =
  | { kind: 'create'; node: number }
  | { kind: 'edit'; node: number; pick: number; phone: number }
  | { kind: 'delete'; node: number; pick: number }
  | { kind: 'exchange'; from: number; to: number }
  | { kind: 'sync'; node: number };

const node = fc.integer({ min: 0, max: 2 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), node }),
  fc.record({ kind: fc.constant('edit' as const), node, pick: fc.nat(), phone: fc.nat(9) }),
  fc.record({ kind: fc.constant('delete' as const), node, pick: fc.nat() }),
  fc.record({ kind: fc.constant('exchange' as const), from: node, to: node }),
  fc.record({ kind: fc.constant('sync' as const), node }),
);

// One server for the file; each run gets databases of its own (a fresh prefix per run).
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});
let runId = 0;
const sync = (l: Laptop) =>
  syncRound(
    l.db,
    l.pouch,
    (name) => remotePouch(`${server.url}/r${runId}-${name}`),
    'all',
    'server',
  );

async function exchange(from: Laptop, to: Laptop): Promise<void> {
  if (from === to) return;
  const toId = (await thisNode(to.db)).id;
  const known = (await partners(from.db)).some((p) => p.id === toId);
  const file = await exportExchange(from.db, from.pouch, known ? toId : null);
  await importExchange(to.db, to.pouch, file.bytes);
}

async function run(l: Laptop[], o: Op): Promise<void> {
  if (o.kind === 'exchange') return exchange(l[o.from]!, l[o.to]!);
  if (o.kind === 'sync') {
    await sync(l[o.node]!);
    return;
  }
  const { db, name } = l[o.node]!;
  if (o.kind === 'create') {
    await createPerson(db, { firstName: name, lastName: 'Nový', triadRole: 'user' });
    return;
  }
  const people = (await db.people.toArray()).sort((a, b) => (a.id < b.id ? -1 : 1));
  const p = people[o.pick % Math.max(people.length, 1)];
  if (!p) return;
  if (o.kind === 'delete') await removePerson(db, p.id);
  else
    await updatePerson(db, p.id, {
      firstName: p.firstName,
      lastName: p.lastName,
      phone: `+420 777 000 00${o.phone}`,
      triadRole: 'user',
    });
}

describe('three copies', () => {
  it('any order of edits, exchanges and server syncs ends in the same data', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 14 }), async (ops) => {
        runId++;
        const l = [await laptop('A'), await laptop('B'), await laptop('C')];
        try {
          for (const o of ops) await run(l, o);
          // Everyone syncs and exchanges with everyone, twice round.
          for (let k = 0; k < 2; k++)
            for (const i of [0, 1, 2]) {
              await sync(l[i]!);
              for (const j of [0, 1, 2]) await exchange(l[i]!, l[j]!);
            }
          const [a, b, c] = l as [Laptop, Laptop, Laptop];
          const data = await syncedData(a.db);
          expect(await syncedData(b.db)).toEqual(data);
          expect(await syncedData(c.db)).toEqual(data);
          const trees = await revisionTrees(a.pouch);
          expect(await revisionTrees(b.pouch)).toEqual(trees);
          expect(await revisionTrees(c.pouch)).toEqual(trees);
          const conflicts = await conflictList(a);
          expect(await conflictList(b)).toEqual(conflicts);
          expect(await conflictList(c)).toEqual(conflicts);
        } finally {
          for (const x of l) await closeLaptop(x);
        }
      }),
      { numRuns: 12 },
    );
  });
});
