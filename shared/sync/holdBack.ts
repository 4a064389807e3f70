// Secret ballots and live sync (docs/sync.md "Held back while a secret poll is open"): pushed
// one at a time, each ballot would travel next to the poll's voter list of that moment, and a
// server's revision history would pair a voter with a ballot. While a secret (or anonymous)
// poll is open its ballots and the poll record itself (which holds the voter list) stay in the
// outbox; they travel together once the poll is closed.

export interface PollLike {
  id: string;
  status: string;
  secret?: boolean;
  anonymous?: boolean;
}

export const isOpenSecretPoll = (p: PollLike): boolean =>
  p.status === 'open' && (p.secret === true || p.anonymous === true);

export interface HeldEntry {
  table: string;
  id: string;
  op: 'put' | 'delete';
}

/**
 * Whether an outbox entry waits. `openSecret`: ids of open secret polls; `ballotPoll`: the poll
 * of a ballot still stored (undefined for a deleted one, whose poll is unknown: it waits while
 * any secret poll is open).
 */
export function isHeldBack(
  e: HeldEntry,
  openSecret: ReadonlySet<string>,
  ballotPoll: (id: string) => string | undefined,
): boolean {
  if (!openSecret.size) return false;
  if (e.table === 'polls') return openSecret.has(e.id);
  if (e.table !== 'ballots') return false;
  const poll = ballotPoll(e.id);
  return poll === undefined ? true : openSecret.has(poll);
}
