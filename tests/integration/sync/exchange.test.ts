import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '@shared/backup';
import { SyncFileError } from '@shared/sync/exchangeFile';
import { auditFor } from '../../../renderer/src/db/safety/auditLog';
import { conflictsTable, resolveConflict } from '../../../renderer/src/db/sync/bridge';
import { exportExchange, importExchange } from '../../../renderer/src/db/sync/exchange';
import { partners, thisNode } from '../../../renderer/src/db/sync/state';
import { closeLaptop, laptop, revisionTrees, syncedData, type Laptop } from './helpers';
import { conflictList, expectConverged, offlineEdits, prepareMeeting } from './scenario';

const open: Laptop[] = [];
const two = async () => {
  const a = await laptop('Jana');
  const b = await laptop('Petr');
  open.push(a, b);
  return [a, b] as const;
};
afterEach(async () => {
  for (const l of open.splice(0)) await closeLaptop(l);
});

/** A exports for B (everything B has not confirmed) and B imports it. */
async function send(from: Laptop, to: Laptop) {
  const toId = (await thisNode(to.db)).id;
  const known = (await partners(from.db)).some((p) => p.id === toId);
  const file = await exportExchange(from.db, from.pouch, known ? toId : null);
  return { file, result: await importExchange(to.db, to.pouch, file.bytes) };
}

describe('exchange by file', () => {
  it('a meeting prepared on one laptop appears on the other, audited as coming from its author', async () => {
    const [a, b] = await two();
    const base = await prepareMeeting(a);
    await send(a, b);
    expect(await syncedData(b.db)).toEqual(await syncedData(a.db));
    const history = await auditFor(b.db, 'meetings', base.meetingId);
    expect(history.map((e) => [e.op, e.from, e.user])).toEqual([['create', 'Jana', 'Petr']]);
    // Nothing travels back: B's outbox stays empty, A sees nothing new.
    expect(await b.db.table('outbox').count()).toBe(0);
    const back = await send(b, a);
    expect(back.result.applied).toBe(0);
  });

  it('offline edits on both sides end identical, with zero lost records and exactly the expected conflicts', async () => {
    const [a, b] = await two();
    const base = await prepareMeeting(a);
    await send(a, b);
    await offlineEdits(a, b, base);
    await send(a, b);
    await send(b, a);
    await expectConverged(a, b, base);
    // The edit won over the deletion, and says what it beat.
    const [guest] = (await conflictsTable(a.db).toArray()).filter((c) => c.kind === 'editDelete');
    expect(guest!.winner).toMatchObject({ phone: '+420 777 123 456' });
    expect(guest!.versions).toEqual([expect.objectContaining({ deleted: true })]);
  });

  it('importing the same file twice, or files in another order, changes nothing more', async () => {
    const [a, b] = await two();
    const base = await prepareMeeting(a);
    const first = await exportExchange(a.db, a.pouch, null);
    await importExchange(b.db, b.pouch, first.bytes);
    await offlineEdits(a, b, base);
    const second = await exportExchange(a.db, a.pouch, null);
    // The newer file first, then the older one, then the newer one again.
    await importExchange(b.db, b.pouch, second.bytes);
    const data = await syncedData(b.db);
    const trees = await revisionTrees(b.pouch);
    const audit = await b.db.table('audit').count();
    for (const f of [first, second]) {
      const again = await importExchange(b.db, b.pouch, f.bytes);
      expect(again).toMatchObject({ applied: 0, deleted: 0, refused: 0 });
    }
    expect(await syncedData(b.db)).toEqual(data);
    expect(await revisionTrees(b.pouch)).toEqual(trees);
    expect(await b.db.table('audit').count()).toBe(audit);
  });

  it('a conflict decided on one laptop is decided on every laptop', async () => {
    const [a, b] = await two();
    const base = await prepareMeeting(a);
    await send(a, b);
    await offlineEdits(a, b, base);
    await send(a, b);
    await send(b, a);
    for (const c of await conflictsTable(a.db).toArray())
      await resolveConflict(a.db, a.pouch, c.key, c.versions[0]!.rev);
    expect(await conflictList(a)).toEqual([]);
    await send(a, b);
    expect(await conflictList(b)).toEqual([]);
    expect(await syncedData(b.db)).toEqual(await syncedData(a.db));
    // The deletion was accepted for the guest; m2's attendance is the version chosen.
    expect(await a.db.people.get(base.guestId)).toBeUndefined();
  });
});

describe('hostile exchange files are refused, nothing written', () => {
  async function refusal(l: Laptop, file: Uint8Array | string): Promise<string[]> {
    const before = await syncedData(l.db);
    try {
      await importExchange(l.db, l.pouch, file);
    } catch (e) {
      if (!(e instanceof SyncFileError)) throw e;
      expect(await syncedData(l.db)).toEqual(before);
      expect(await revisionTrees(l.pouch)).toEqual([]);
      return e.issues.map((i) => i.code);
    }
    throw new Error('accepted');
  }
  async function tampered(a: Laptop, change: (f: Record<string, unknown>) => void) {
    const file = JSON.parse(
      new TextDecoder().decode((await exportExchange(a.db, a.pouch, null)).bytes),
    ) as Record<string, unknown>;
    change(file);
    file.sha256 = await sha256Hex(canonicalJson(file.docs));
    return JSON.stringify(file);
  }
  type Doc = { _id: string; table: string; data?: Record<string, unknown>; _revisions: object };
  const docs = (f: Record<string, unknown>) => f.docs as Doc[];

  it('refuses empty, broken, foreign and own files, bad checksums and bad records', async () => {
    const [a, b] = await two();
    await prepareMeeting(a);
    expect(await refusal(b, '')).toEqual(['safety.errors.empty']);
    expect(await refusal(b, '{"format":')).toEqual(['safety.errors.truncated']);
    expect(await refusal(b, '{"__proto__":{}}')).toEqual(['safety.errors.forbiddenKey']);
    expect(await refusal(b, new Uint8Array([0xff, 0xfe, 0x00]))).toEqual(['safety.errors.notText']);
    expect(await refusal(b, '{"format":"triada-backup"}')).toEqual(['sync.errors.notExchange']);
    const good = JSON.parse(
      new TextDecoder().decode((await exportExchange(a.db, a.pouch, null)).bytes),
    );
    expect(await refusal(b, JSON.stringify({ ...good, sha256: '0'.repeat(64) }))).toEqual([
      'sync.errors.checksum',
    ]);
    expect(await refusal(b, JSON.stringify({ ...good, formatVersion: 9 }))).toEqual([
      'sync.errors.newerFormat',
    ]);
    // A person with a control character, a meeting without a date, a document under a foreign
    // id, a forged revision history, an unknown table.
    const person = (f: Record<string, unknown>) => docs(f).find((d) => d.table === 'people')!;
    expect(
      await refusal(b, await tampered(a, (f) => (person(f).data!.lastName = 'Nov\u0000á'))),
    ).toEqual(['safety.errors.unsafeText']);
    expect(
      await refusal(
        b,
        await tampered(a, (f) => delete docs(f).find((d) => d.table === 'meetings')!.data!.date),
      ),
    ).toEqual(['safety.errors.invalidRecord']);
    expect(
      await refusal(b, await tampered(a, (f) => (person(f).data!.id = 'someone-else'))),
    ).toEqual(['sync.errors.badDocument']);
    expect(
      await refusal(
        b,
        await tampered(a, (f) => (person(f)._revisions = { start: 5, ids: ['ab'] })),
      ),
    ).toEqual(['sync.errors.badDocument']);
    expect(await refusal(b, await tampered(a, (f) => (person(f)._id = 'secrets:1')))).toEqual([
      'sync.errors.badDocument',
    ]);
  });

  it('refuses a laptop its own file', async () => {
    const [a] = await two();
    await prepareMeeting(a);
    const own = await exportExchange(a.db, a.pouch, null);
    await expect(importExchange(a.db, a.pouch, own.bytes)).rejects.toMatchObject({
      issues: [{ code: 'sync.errors.ownFile' }],
    });
  });
});
