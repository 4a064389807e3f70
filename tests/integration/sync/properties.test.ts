// Property: whatever the order of edits and of file exchanges between three copies, once every
// copy has exchanged with every other the copies hold the same data, revisions and conflicts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPerson, removePerson, updatePerson } from '../../../renderer/src/db/people/people';
import { exportExchange, importExchange } from '../../../renderer/src/db/sync/exchange';
import { partners, thisNode } from '../../../renderer/src/db/sync/state';
import { closeLaptop, laptop, revisionTrees, syncedData, type Laptop } from './helpers';
import { conflictList } from './scenario';

type Op =
  | { kind: 'create'; node: number }
  | { kind: 'edit'; node: number; pick: number; phone: number }
  | { kind: 'delete'; node: number; pick: number }
  | { kind: 'exchange'; from: number; to: number };

const node = fc.integer({ min: 0, max: 2 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), node }),
  fc.record({ kind: fc.constant('edit' as const), node, pick: fc.nat(), phone: fc.nat(9) }),
  fc.record({ kind: fc.constant('delete' as const), node, pick: fc.nat() }),
  fc.record({ kind: fc.constant('exchange' as const), from: node, to: node }),
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
  it('any order of edits and exchanges ends in the same data', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 14 }), async (ops) => {
        const l = [await laptop('A'), await laptop('B'), await laptop('C')];
        try {
          for (const o of ops) await run(l, o);
          // Everyone exchanges with everyone, twice round.
          for (let k = 0; k < 2; k++)
            for (const i of [0, 1, 2]) for (const j of [0, 1, 2]) await exchange(l[i]!, l[j]!);
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
