// Builders shared by the voting tests (not exported from index.ts).
import type { TriadRole } from '../domain/triad';
import type { EntitlementSnapshot } from './schema';

/** A snapshot of `members` voting members of whom the first `present` are present. */
export function snapshotOf(
  members: number,
  present: number,
  roles: TriadRole[] = [],
): EntitlementSnapshot {
  return {
    takenAt: '2025-03-25T10:00:00Z',
    members: Array.from({ length: members }, (_, i) => ({
      voterId: `m${i + 1}`,
      entitled: true,
      present: i < present,
      ...(roles[i] ? { role: roles[i] } : {}),
    })),
  };
}

/** Individual yes/no/abstain ballots with voter ids m1, m2, … */
export function votes(yes: number, no: number, abstain: number, firstVoter = 1) {
  const list = [
    ...Array<'yes'>(yes).fill('yes'),
    ...Array<'no'>(no).fill('no'),
    ...Array<'abstain'>(abstain).fill('abstain'),
  ];
  return list.map((vote, i) => ({
    kind: 'individual' as const,
    voterId: `m${firstVoter + i}`,
    vote,
  }));
}

/** Deterministic permutation of `items` ordered by `keys` (fast-check friendly shuffle). */
export function permute<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, key: keys[i % Math.max(keys.length, 1)] ?? 0, i }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map((x) => x.item);
}
