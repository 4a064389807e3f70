// Polls and their ballots must agree before a backup is let in: a file can be edited by hand,
// and a stuffed ballot box or a secret ballot carrying its voter's id would otherwise become
// part of the town's record. The rules are the voting engine's (checkBallotsAgainstPoll);
// each record has already passed its own schema (records.ts).
import { checkBallotsAgainstPoll, type StoredBallotLike, type StoredPollLike } from '../voting';
import type { BackupData } from './envelope';
import { issue, type BackupIssue } from './errors';

export function pollConsistencyIssues(data: BackupData, max: number): BackupIssue[] {
  const issues: BackupIssue[] = [];
  const byPoll = new Map<string, StoredBallotLike[]>();
  for (const b of (data.ballots ?? []) as unknown as StoredBallotLike[]) {
    const list = byPoll.get(b.pollId) ?? [];
    list.push(b);
    byPoll.set(b.pollId, list);
  }
  for (const poll of (data.polls ?? []) as unknown as StoredPollLike[]) {
    if (issues.length >= max) break;
    const first = checkBallotsAgainstPoll(poll, byPoll.get(poll.id) ?? [])[0];
    if (first)
      issues.push(
        issue('safety.errors.pollMismatch', {
          id: poll.id.slice(0, 60),
          title: String((poll as { title?: unknown }).title ?? '').slice(0, 120),
          reason: first.code,
        }),
      );
  }
  return issues;
}
