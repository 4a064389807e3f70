import { describe, expect, it } from 'vitest';
import type { BodyInput } from '@shared/domain';
import { DEFAULT_RULES } from '@shared/domain';
import {
  addMembership,
  createBody,
  removeBody,
  removeMembership,
  updateBody,
  updateMembership,
} from './bodies';
import { ValidationError } from '../errors';
import { createMeeting } from '../meetings/meetings';
import { createPerson } from './people';
import { bodyMembers, bodyStats, listBodies } from '../queries';
import { db, domainCode, rejection } from '../testDb';

const ps = (code: string, kind: BodyInput['kind'] = 'working'): BodyInput => ({
  kind,
  code,
  name: `Skupina ${code}`,
  rules: DEFAULT_RULES,
});
const person = (lastName: string) =>
  createPerson(db, { firstName: 'Jan', lastName, triadRole: 'public' });

describe('bodies', () => {
  it('creates a body; the code is unique regardless of case', async () => {
    const b = await createBody(db, ps('PS1'));
    expect(await db.bodies.get(b.id)).toEqual(b);
    expect(await domainCode(createBody(db, ps('ps1')))).toBe('errors.duplicateBodyCode');
    expect(await domainCode(createBody(db, ps('PS1 ')))).toBe('errors.duplicateBodyCode');
    expect(await db.bodies.count()).toBe(1);
  });

  it('Czech case folding: ŘS clashes with řs', async () => {
    await createBody(db, ps('ŘS', 'steering'));
    expect(await domainCode(createBody(db, ps('řs', 'steering')))).toBe('errors.duplicateBodyCode');
  });

  it('invalid body input is a ValidationError', async () => {
    const e = await rejection(
      createBody(db, {
        ...ps('PS1'),
        rules: { ...DEFAULT_RULES, quorum: { numerator: 3, denominator: 2, strict: false } },
      }),
    );
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fields).toEqual({ 'rules.quorum.numerator': 'errors.fraction' });
    expect(await db.bodies.count()).toBe(0);
  });

  it('update keeps its own code, rejects another’s, and clears the target group', async () => {
    const a = await createBody(db, { ...ps('PS1'), targetGroup: 'senioři' });
    const b = await createBody(db, ps('PS2'));
    await updateBody(db, a.id, { ...ps('PS1'), name: 'Senioři a OZP' });
    const after = (await db.bodies.get(a.id))!;
    expect(after.name).toBe('Senioři a OZP');
    expect('targetGroup' in after).toBe(false);
    expect(await domainCode(updateBody(db, b.id, ps('PS1')))).toBe('errors.duplicateBodyCode');
    expect(await domainCode(updateBody(db, 'nope', ps('PS9')))).toBe('errors.notFound');
  });

  it('an archived body frees its code', async () => {
    const a = await createBody(db, ps('PS1'));
    await createMeeting(db, {
      bodyId: a.id,
      date: '2026-03-03',
      timeFrom: '09:00',
      timeTo: '10:00',
      place: 'MÚ',
    });
    expect(await removeBody(db, a.id)).toBe('archived');
    await createBody(db, ps('PS1'));
    expect((await listBodies(db)).length).toBe(1);
    expect((await listBodies(db, true)).length).toBe(2);
  });

  it('removeBody deletes an unused body with its memberships', async () => {
    const a = await createBody(db, ps('PS1'));
    const p = await person('Novák');
    await addMembership(db, {
      bodyId: a.id,
      personId: p.id,
      role: 'member',
      votingRight: true,
      from: '2026-01-01',
    });
    expect(await removeBody(db, a.id)).toBe('deleted');
    expect(await db.bodies.count()).toBe(0);
    expect(await db.memberships.count()).toBe(0);
  });

  it('listBodies: steering first, then by code', async () => {
    await createBody(db, ps('PS2'));
    await createBody(db, ps('PS1'));
    await createBody(db, ps('ŘS', 'steering'));
    expect((await listBodies(db)).map((b) => b.code)).toEqual(['ŘS', 'PS1', 'PS2']);
  });
});

describe('memberships', () => {
  it('an overlapping membership of the same person is errors.duplicateMembership', async () => {
    const b = await createBody(db, ps('PS1'));
    const p = await person('Novák');
    await addMembership(db, {
      bodyId: b.id,
      personId: p.id,
      role: 'member',
      votingRight: true,
      from: '2025-01-01',
    });
    expect(
      await domainCode(
        addMembership(db, {
          bodyId: b.id,
          personId: p.id,
          role: 'chair',
          votingRight: true,
          from: '2026-01-01',
        }),
      ),
    ).toBe('errors.duplicateMembership');
    expect(await db.memberships.count()).toBe(1);
  });

  it('periods touching on one day overlap; disjoint periods are fine', async () => {
    const b = await createBody(db, ps('PS1'));
    const p = await person('Novák');
    await addMembership(db, {
      bodyId: b.id,
      personId: p.id,
      role: 'member',
      votingRight: true,
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(
      await domainCode(
        addMembership(db, {
          bodyId: b.id,
          personId: p.id,
          role: 'member',
          votingRight: true,
          from: '2024-12-31',
        }),
      ),
    ).toBe('errors.duplicateMembership');
    expect(
      await domainCode(
        addMembership(db, {
          bodyId: b.id,
          personId: p.id,
          role: 'member',
          votingRight: true,
          from: '2023-01-01',
        }),
      ),
    ).toBe('errors.duplicateMembership');
    await addMembership(db, {
      bodyId: b.id,
      personId: p.id,
      role: 'chair',
      votingRight: true,
      from: '2025-01-01',
    });
    await addMembership(db, {
      bodyId: b.id,
      personId: p.id,
      role: 'member',
      votingRight: false,
      from: '2020-01-01',
      to: '2023-12-31',
    });
    expect(await db.memberships.count()).toBe(3);
  });

  it('the same person may sit in two bodies', async () => {
    const b1 = await createBody(db, ps('PS1'));
    const b2 = await createBody(db, ps('PS2'));
    const p = await person('Novák');
    await addMembership(db, {
      bodyId: b1.id,
      personId: p.id,
      role: 'member',
      votingRight: true,
      from: '2025-01-01',
    });
    await addMembership(db, {
      bodyId: b2.id,
      personId: p.id,
      role: 'member',
      votingRight: true,
      from: '2025-01-01',
    });
    expect(await db.memberships.count()).toBe(2);
  });

  it('a substitute already standing in for another member is errors.substituteTaken', async () => {
    const b = await createBody(db, ps('PS1'));
    const [a, c, s] = [await person('Adámek'), await person('Cibulka'), await person('Svoboda')];
    await addMembership(db, {
      bodyId: b.id,
      personId: a.id,
      role: 'member',
      votingRight: true,
      from: '2025-01-01',
      substituteId: s.id,
    });
    expect(
      await domainCode(
        addMembership(db, {
          bodyId: b.id,
          personId: c.id,
          role: 'member',
          votingRight: true,
          from: '2025-06-01',
          substituteId: s.id,
        }),
      ),
    ).toBe('errors.substituteTaken');
    // but after A's membership ended, S may stand in for C
    const m = (await db.memberships.toArray())[0]!;
    await updateMembership(db, m.id, {
      bodyId: b.id,
      personId: a.id,
      role: 'member',
      votingRight: true,
      from: '2025-01-01',
      to: '2025-05-31',
      substituteId: s.id,
    });
    await addMembership(db, {
      bodyId: b.id,
      personId: c.id,
      role: 'member',
      votingRight: true,
      from: '2025-06-01',
      substituteId: s.id,
    });
    expect(await db.memberships.count()).toBe(2);
  });

  it('unknown people and bodies are rejected', async () => {
    const b = await createBody(db, ps('PS1'));
    const p = await person('Novák');
    expect(
      await domainCode(
        addMembership(db, {
          bodyId: b.id,
          personId: 'nope',
          role: 'member',
          votingRight: true,
          from: '2025-01-01',
        }),
      ),
    ).toBe('errors.unknownPerson');
    expect(
      await domainCode(
        addMembership(db, {
          bodyId: 'nope',
          personId: p.id,
          role: 'member',
          votingRight: true,
          from: '2025-01-01',
        }),
      ),
    ).toBe('errors.notFound');
    expect(
      await domainCode(
        addMembership(db, {
          bodyId: b.id,
          personId: p.id,
          role: 'member',
          votingRight: true,
          from: '2025-01-01',
          substituteId: 'nope',
        }),
      ),
    ).toBe('errors.unknownPerson');
  });

  it('invalid membership input is a ValidationError', async () => {
    const b = await createBody(db, ps('PS1'));
    const p = await person('Novák');
    const e = await rejection(
      addMembership(db, {
        bodyId: b.id,
        personId: p.id,
        role: 'member',
        votingRight: true,
        from: '2025-01-01',
        to: '2024-01-01',
      }),
    );
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fields).toEqual({ to: 'errors.membershipEndsBeforeStart' });
  });

  it('updateMembership does not clash with itself and clears substitute and end', async () => {
    const b = await createBody(db, ps('PS1'));
    const [p, s] = [await person('Novák'), await person('Svoboda')];
    const m = await addMembership(db, {
      bodyId: b.id,
      personId: p.id,
      role: 'member',
      votingRight: true,
      from: '2025-01-01',
      to: '2025-12-31',
      substituteId: s.id,
    });
    await updateMembership(db, m.id, {
      bodyId: b.id,
      personId: p.id,
      role: 'chair',
      votingRight: true,
      from: '2025-01-01',
    });
    const after = (await db.memberships.get(m.id))!;
    expect(after.role).toBe('chair');
    expect('to' in after).toBe(false);
    expect('substituteId' in after).toBe(false);
    expect(after.createdAt).toBe(m.createdAt);
    expect(
      await domainCode(
        updateMembership(db, 'nope', {
          bodyId: b.id,
          personId: p.id,
          role: 'chair',
          votingRight: true,
          from: '2025-01-01',
        }),
      ),
    ).toBe('errors.notFound');
  });

  it('bodyMembers filters by day and sorts Czech; bodyStats counts voting members', async () => {
    const b = await createBody(db, ps('PS1'));
    const [s, c, h, ch] = [
      await person('Šimková'),
      await person('Čech'),
      await person('Hájek'),
      await person('Chmelař'),
    ];
    await addMembership(db, {
      bodyId: b.id,
      personId: s.id,
      role: 'member',
      votingRight: true,
      from: '2025-01-01',
      substituteId: c.id,
    });
    await addMembership(db, {
      bodyId: b.id,
      personId: c.id,
      role: 'secretary',
      votingRight: false,
      from: '2025-01-01',
    });
    await addMembership(db, {
      bodyId: b.id,
      personId: h.id,
      role: 'member',
      votingRight: true,
      from: '2025-01-01',
      to: '2025-06-30',
    });
    await addMembership(db, {
      bodyId: b.id,
      personId: ch.id,
      role: 'chair',
      votingRight: true,
      from: '2025-01-01',
    });
    expect((await bodyMembers(db, b.id)).map((m) => m.person.lastName)).toEqual([
      'Čech',
      'Hájek',
      'Chmelař',
      'Šimková',
    ]);
    const later = await bodyMembers(db, b.id, '2025-07-01');
    expect(later.map((m) => m.person.lastName)).toEqual(['Čech', 'Chmelař', 'Šimková']);
    expect(later.find((m) => m.personId === s.id)!.substitute?.id).toBe(c.id);
    expect((await bodyStats(db, '2025-07-01')).get(b.id)).toEqual({ members: 3, voting: 2 });
    await removeMembership(db, later[0]!.id);
    expect((await bodyStats(db, '2025-07-01')).get(b.id)).toEqual({ members: 2, voting: 2 });
  });
});
