import { describe, expect, it } from 'vitest';
import type { Poll } from '@shared/voting';
import { ballotGaps, blankChoice, choiceIssue } from './ballotCheck';

const points: Poll = { method: 'points', options: ['a', 'b'], pointsPerVoter: 3, maxPerOption: 2 };
const borda: Poll = { method: 'borda', options: ['a', 'b', 'c'], minRanks: 0 };

describe('kiosk ballot checks', () => {
  it('an empty ballot is flagged for every method that has options', () => {
    expect(ballotGaps(points, { points: {} })).toEqual([{ kind: 'empty' }]);
    expect(ballotGaps(borda, { ranking: [] })).toEqual([{ kind: 'empty' }]);
    expect(ballotGaps({ method: 'singleChoice', options: ['a', 'b'] }, { choices: [] })).toEqual([
      { kind: 'empty' },
    ]);
  });

  it('points left and places left unranked are flagged; a full ballot is not', () => {
    expect(ballotGaps(points, { points: { a: 1 } })).toEqual([
      { kind: 'pointsLeft', left: 2, total: 3 },
    ]);
    expect(ballotGaps(points, { points: { a: 2, b: 1 } })).toEqual([]);
    expect(ballotGaps(borda, { ranking: [{ optionId: 'b', rank: 1 }] })).toEqual([
      { kind: 'ranked', ranked: 1, total: 3 },
    ]);
  });

  it("the engine's reason comes first: an invalid ballot is never offered for confirmation", () => {
    expect(choiceIssue(points, { points: { a: 3 } })).toBe('OVER_OPTION_CAP');
    expect(choiceIssue(points, { points: { a: 1 } })).toBeNull();
  });

  it('abstaining is offered only where the poll accepts a blank ballot', () => {
    expect(blankChoice(points)).toEqual({ points: {} });
    expect(blankChoice(borda)).toEqual({ ranking: [] });
    expect(blankChoice({ method: 'borda', options: ['a', 'b'] })).toBeNull(); // minRanks 1
    expect(blankChoice({ method: 'score', options: ['a', 'b'] })).toBeNull(); // every option rated
    expect(
      blankChoice({
        method: 'resolution',
        base: 'votesCast',
        majority: 'simple',
        tieRule: 'rejected',
      }),
    ).toBeNull();
  });
});
