// The triad breakdown (byRole) is a whole count per role, so it is made only when the poll asks
// for it: `triadBreakdown`, or `triadAgreement`, which needs it (issue 12).
import { TRIAD_ROLES, type TriadRole } from '../domain/triad';

export function asksByRole(poll: { triadAgreement?: boolean; triadBreakdown?: boolean }): boolean {
  return poll.triadAgreement === true || poll.triadBreakdown === true;
}

/** Counts each role's units (and the unattributed ones) apart; one pass to split them. */
export function splitByRole<U extends { role: TriadRole | null }, T>(
  units: readonly U[],
  count: (units: readonly U[]) => T,
): Record<TriadRole | 'unattributed', T> {
  const groups = new Map<TriadRole | 'unattributed', U[]>([['unattributed', []]]);
  for (const role of TRIAD_ROLES) groups.set(role, []);
  for (const u of units) groups.get(u.role ?? 'unattributed')?.push(u);
  const out = {} as Record<TriadRole | 'unattributed', T>;
  for (const [key, list] of groups) out[key] = count(list);
  return out;
}
