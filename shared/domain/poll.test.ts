import { describe, expect, it } from 'vitest';
import type { PollResult } from '../voting/count';
import type { PollInput, PollOption } from './poll';
import { ballotVoters, pollDefinition, pollInput, rankedOptions, votersSoFar } from './poll';
import type { RulesOfProcedure } from './rules';
import { DEFAULT_RULES } from './rules';

const base = (over: Partial<PollInput> = {}): PollInput => ({
  title: 'Priority',
  method: 'points',
  secret: false,
  options: ['A', 'B', 'C'],
  ...over,
});

/** The i18n key of every failing field, as parseOrThrow would report them. */
function errors(input: PollInput): Record<string, string> {
  const r = pollInput.safeParse(input);
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const issue of r.error.issues) out[issue.path.join('.') || '_'] ??= issue.message;
  return out;
}

const opts = (...labels: string[]): PollOption[] =>
  labels.map((label, i) => ({ id: `o${i + 1}`, label }));
const parse = (over: Partial<PollInput>) => pollInput.parse(base(over));
const rules = (over: Partial<RulesOfProcedure> = {}): RulesOfProcedure => ({
  ...DEFAULT_RULES,
  ...over,
});

describe('pollInput', () => {
  it('an option poll needs at least two options; blank lines are ignored and labels trimmed', () => {
    expect(errors(base({ options: ['Jediná'] }))).toEqual({ options: 'errors.pollOptions' });
    expect(errors(base({ options: [] }))).toEqual({ options: 'errors.pollOptions' });
    expect(errors(base({ options: ['A', '', '   ', ''] }))).toEqual({
      options: 'errors.pollOptions',
    });
    const { options: _omit, ...noOptions } = base();
    expect(errors(noOptions as PollInput)).toEqual({ options: 'errors.pollOptions' });
    expect(parse({ options: ['', '  Senior taxi ', '', 'Denní stacionář', '  '] }).options).toEqual(
      ['Senior taxi', 'Denní stacionář'],
    );
  });

  it('refuses duplicate options, also when they differ only in case or spaces', () => {
    expect(
      errors(base({ options: ['Senior taxi', 'Odlehčovací služba', 'senior TAXI '] })),
    ).toEqual({
      options: 'errors.pollOptionsDuplicate',
    });
    expect(errors(base({ options: ['Čtení', 'čtení'] }))).toEqual({
      options: 'errors.pollOptionsDuplicate',
    });
    expect(errors(base({ options: ['A', 'B'] }))).toEqual({});
  });

  it('a points cap above the points per voter is refused', () => {
    expect(errors(base({ pointsPerVoter: 3, maxPerOption: 4 }))).toEqual({
      maxPerOption: 'errors.pollCap',
    });
    expect(errors(base({ pointsPerVoter: 3, maxPerOption: 3 }))).toEqual({});
    expect(errors(base({ pointsPerVoter: 5, maxPerOption: 2 }))).toEqual({});
    // the cap is only a points rule
    expect(errors(base({ method: 'approval', pointsPerVoter: 1, maxPerOption: 4 }))).toEqual({});
  });

  it('a cap without points per voter is checked against the default of 3 points the definition uses', () => {
    // pollDefinition gives a points poll 3 points when none were typed; a cap of 2 fits them.
    expect(errors(base({ maxPerOption: 2 }))).toEqual({});
    expect(errors(base({ maxPerOption: 4 }))).toEqual({ maxPerOption: 'errors.pollCap' });
  });

  it('a resolution poll ignores options, even duplicate or too few ones', () => {
    expect(parse({ method: 'resolution', options: ['A', 'a'] }).options).toEqual([]);
    expect(parse({ method: 'resolution', options: ['Jen jedna'] }).options).toEqual([]);
    const { options: _omit, ...noOptions } = base({ method: 'resolution' });
    expect(pollInput.parse(noOptions).options).toEqual([]);
  });

  it('title is required; numbers must be whole and in range', () => {
    expect(errors(base({ title: '   ' }))).toEqual({ title: 'errors.required' });
    expect(errors(base({ pointsPerVoter: 2.5 }))).toEqual({ pointsPerVoter: 'errors.integer' });
    expect(errors(base({ pointsPerVoter: 0 }))).toEqual({ pointsPerVoter: 'errors.nonNegative' });
    expect(errors(base({ pointsPerVoter: 101 }))).toEqual({ pointsPerVoter: 'errors.tooLarge' });
    expect(errors(base({ method: 'score', scaleMax: 11 }))).toEqual({
      scaleMax: 'errors.tooLarge',
    });
    expect(errors(base({ options: ['A', 'x'.repeat(201)] }))).toEqual({
      'options.1': 'errors.tooLong',
    });
  });
});

describe('pollDefinition', () => {
  it.each([
    ['present', 'presentVoting'],
    ['all', 'allVoting'],
    ['cast', 'votesCast'],
  ] as const)(
    "a resolution under the majority '%s' counts from %s with the body's quorum and tie rule",
    (majority, expected) => {
      const quorum = { numerator: 2, denominator: 3, strict: false };
      const d = pollDefinition(
        parse({ method: 'resolution' }),
        [],
        rules({ majority, quorum, tieRule: 'rejected' }),
      );
      expect(d).toEqual({
        method: 'resolution',
        quorum,
        base: expected,
        majority: 'absolute',
        tieRule: 'rejected',
      });
    },
  );

  it('a body with a simple majority gets a simple-majority resolution poll (yes > no)', () => {
    const d = pollDefinition(parse({ method: 'resolution' }), [], rules({ majority: 'simple' }));
    expect(d).toMatchObject({ base: 'votesCastExclAbstain', majority: 'simple' });
  });

  it('the tie rule of the body is copied to a resolution poll', () => {
    const d = pollDefinition(parse({ method: 'resolution' }), [], rules());
    expect(d).toMatchObject({
      base: 'presentVoting',
      tieRule: 'chairDecides',
      quorum: DEFAULT_RULES.quorum,
    });
  });

  it('points: 3 points by default, cap and "spend all" only when set', () => {
    const o = opts('A', 'B', 'C');
    expect(pollDefinition(parse({}), o, rules())).toEqual({
      method: 'points',
      quorum: DEFAULT_RULES.quorum,
      options: ['o1', 'o2', 'o3'],
      pointsPerVoter: 3,
    });
    expect(
      pollDefinition(
        parse({ pointsPerVoter: 5, maxPerOption: 2, requireAllPoints: true }),
        o,
        rules(),
      ),
    ).toEqual({
      method: 'points',
      quorum: DEFAULT_RULES.quorum,
      options: ['o1', 'o2', 'o3'],
      pointsPerVoter: 5,
      maxPerOption: 2,
      requireAllPoints: true,
    });
    expect(pollDefinition(parse({ requireAllPoints: false }), o, rules())).not.toHaveProperty(
      'requireAllPoints',
    );
  });

  it('single choice and approval; maxChoices is clipped to the number of options', () => {
    const o = opts('A', 'B', 'C');
    expect(pollDefinition(parse({ method: 'singleChoice' }), o, rules())).toEqual({
      method: 'singleChoice',
      quorum: DEFAULT_RULES.quorum,
      options: ['o1', 'o2', 'o3'],
    });
    expect(pollDefinition(parse({ method: 'approval' }), o, rules())).not.toHaveProperty(
      'maxChoices',
    );
    expect(pollDefinition(parse({ method: 'approval', maxChoices: 2 }), o, rules())).toMatchObject({
      maxChoices: 2,
    });
    expect(pollDefinition(parse({ method: 'approval', maxChoices: 10 }), o, rules())).toMatchObject(
      { maxChoices: 3 },
    );
  });

  it.each(['borda', 'schulze'] as const)(
    '%s: maxRanks is clipped to the number of options',
    (method) => {
      const o = opts('A', 'B', 'C', 'D');
      expect(pollDefinition(parse({ method }), o, rules())).toEqual({
        method,
        quorum: DEFAULT_RULES.quorum,
        options: ['o1', 'o2', 'o3', 'o4'],
        minRanks: 0,
      });
      expect(pollDefinition(parse({ method, maxRanks: 2 }), o, rules())).toMatchObject({
        maxRanks: 2,
      });
      expect(pollDefinition(parse({ method, maxRanks: 40 }), o, rules())).toMatchObject({
        maxRanks: 4,
      });
    },
  );

  it('score: scale 0..5 by default, or 0..scaleMax', () => {
    const o = opts('A', 'B');
    expect(pollDefinition(parse({ method: 'score' }), o, rules())).toMatchObject({
      scaleMin: 0,
      scaleMax: 5,
    });
    expect(pollDefinition(parse({ method: 'score', scaleMax: 10 }), o, rules())).toMatchObject({
      scaleMin: 0,
      scaleMax: 10,
    });
  });

  it("every method carries the body's quorum; triad agreement only when asked for", () => {
    const quorum = { numerator: 1, denominator: 3, strict: false };
    for (const method of [
      'singleChoice',
      'approval',
      'points',
      'borda',
      'schulze',
      'score',
      'resolution',
    ] as const) {
      const d = pollDefinition(parse({ method }), opts('A', 'B'), rules({ quorum }));
      expect(d.quorum, method).toEqual(quorum);
      expect(d, method).not.toHaveProperty('triadAgreement');
      expect(
        pollDefinition(parse({ method, triadAgreement: true }), opts('A', 'B'), rules()),
        method,
      ).toMatchObject({
        triadAgreement: true,
      });
    }
  });
});

describe('rankedOptions', () => {
  it('labels the final ranking; nothing for an open poll or a resolution', () => {
    const options = opts('A', 'B');
    const result = {
      method: 'points',
      finalRanking: [
        { optionId: 'o2', rank: 1, value: 7 },
        { optionId: 'o1', rank: 2, value: 2 },
        { optionId: 'gone', rank: 3, value: 0 },
      ],
    } as unknown as PollResult;
    expect(rankedOptions({ options, result })).toEqual([
      { rank: 1, label: 'B', value: 7 },
      { rank: 2, label: 'A', value: 2 },
      { rank: 3, label: 'gone', value: 0 },
    ]);
    expect(rankedOptions({ options })).toEqual([]);
    expect(
      rankedOptions({ options, result: { method: 'resolution' } as unknown as PollResult }),
    ).toEqual([]);
  });
});

describe('ballotVoters and votersSoFar', () => {
  it('counts people, not ballots: a hand count stands for its voters', () => {
    expect(ballotVoters({ kind: 'individual', vote: 'yes' })).toBe(1);
    expect(ballotVoters({ kind: 'aggregate', yes: 7, no: 1, abstain: 1 })).toBe(9);
    expect(ballotVoters({ kind: 'aggregate', voters: 4, points: { a: 8, b: 4 } })).toBe(4);
    expect(ballotVoters({ kind: 'aggregate', counts: { a: 3, b: 2 }, blank: 1 })).toBe(6);
    expect(
      ballotVoters({
        kind: 'aggregate',
        groups: [
          { count: 2, ranking: [] },
          { count: 3, ranking: [] },
        ],
      }),
    ).toBe(5);
    const open = { status: 'open' as const, voters: ['m1', 'm2'] };
    expect(votersSoFar(open, [{ kind: 'aggregate', yes: 3, no: 1, abstain: 0 }])).toBe(6);
  });
});
