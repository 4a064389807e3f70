import { z } from 'zod';
import { requiredText } from './common';

// Minutes lifecycle: koncept → k ověření → ověřeno → schváleno (locked). Approval is recorded
// either by a resolution of a later meeting or tacitly when the comment period passed.
export const MINUTES_STATUSES = ['draft', 'toVerify', 'verified', 'approved'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

const NEXT: Record<MinutesStatus, MinutesStatus[]> = {
  draft: ['toVerify'],
  toVerify: ['verified', 'draft'],
  verified: ['approved', 'draft'],
  approved: [],
};

export function canMoveMinutes(from: MinutesStatus, to: MinutesStatus): boolean {
  return NEXT[from].includes(to);
}

export const isLocked = (status: MinutesStatus | undefined) => status === 'approved';

export type MinutesApproval =
  | { by: 'resolution'; resolutionId: string; resolutionNumber: string; on: string }
  | { by: 'tacit'; on: string };

export const amendmentInput = z.object({
  reason: requiredText(1000),
  text: requiredText(10_000),
});
export type AmendmentInput = z.input<typeof amendmentInput>;

/** A correction (dodatek/oprava) of approved minutes, kept with who and when. */
export interface Amendment {
  id: string;
  meetingId: string;
  reason: string;
  text: string;
  author: string;
  at: string;
  createdAt: string;
  updatedAt: string;
}
