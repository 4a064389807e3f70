import { describe, expect, it } from 'vitest';
import type { MinutesStatus } from './minutes';
import { amendmentInput, canMoveMinutes, isLocked, MINUTES_STATUSES } from './minutes';

describe('canMoveMinutes', () => {
  it('the full transition table', () => {
    const allowed = new Set([
      'draft>toVerify',
      'toVerify>verified',
      'toVerify>draft',
      'verified>approved',
      'verified>draft',
    ]);
    for (const from of MINUTES_STATUSES) {
      for (const to of MINUTES_STATUSES) {
        expect(canMoveMinutes(from, to), `${from} → ${to}`).toBe(allowed.has(`${from}>${to}`));
      }
    }
  });

  it('approved minutes never move again', () => {
    for (const to of MINUTES_STATUSES) expect(canMoveMinutes('approved', to)).toBe(false);
  });
});

describe('isLocked', () => {
  it('only approved minutes are locked; absent status is a draft', () => {
    const cases: [MinutesStatus | undefined, boolean][] = [
      [undefined, false],
      ['draft', false],
      ['toVerify', false],
      ['verified', false],
      ['approved', true],
    ];
    for (const [status, locked] of cases) expect(isLocked(status), String(status)).toBe(locked);
  });
});

describe('amendmentInput', () => {
  it('needs a reason and a text', () => {
    expect(amendmentInput.safeParse({ reason: 'Překlep', text: 'Oprava jména' }).success).toBe(
      true,
    );
    expect(amendmentInput.safeParse({ reason: ' ', text: 'X' }).success).toBe(false);
    expect(amendmentInput.safeParse({ reason: 'X', text: '' }).success).toBe(false);
  });
});
