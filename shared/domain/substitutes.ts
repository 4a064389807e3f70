import type { Attendance } from './attendance';

// Who may stand in for a member at a meeting ("zastoupen"). The same rules the attendance
// repository enforces on saving, so a picker can offer only people whose choice will save.

/** Why a person cannot substitute; each is also the i18n key of the refusal. */
export type SubstituteBar =
  | 'errors.substituteSelf'
  | 'errors.substituteIsMember'
  | 'errors.substituteTwice'
  | 'errors.substituteAttendsHimself'
  | 'errors.substituteOtherOrganization';

export interface SubstituteContext {
  /** The member being substituted. */
  member: { personId: string; organizationId?: string };
  /** Members of the body on the meeting day: they vote for themselves. */
  memberIds: ReadonlySet<string>;
  /** The meeting's attendance records. */
  attendance: readonly Pick<Attendance, 'personId' | 'status' | 'substituteId'>[];
  /** The body's rule: may a substitute come from another organization? */
  otherOrganizationAllowed: boolean;
}

/**
 * `null` when the candidate may substitute the member, otherwise the reason why not (checked
 * in the repository's order, so the reason is the one saving would give).
 */
export function substituteBar(
  candidate: { id: string; organizationId?: string },
  ctx: SubstituteContext,
): SubstituteBar | null {
  if (candidate.id === ctx.member.personId) return 'errors.substituteSelf';
  if (
    ctx.attendance.some(
      (a) => a.personId !== ctx.member.personId && a.substituteId === candidate.id,
    )
  )
    return 'errors.substituteTwice';
  if (
    ctx.attendance.some(
      (a) => a.personId === candidate.id && a.status !== 'absent' && a.status !== 'excused',
    )
  )
    return 'errors.substituteAttendsHimself';
  if (ctx.memberIds.has(candidate.id)) return 'errors.substituteIsMember';
  if (candidate.organizationId !== ctx.member.organizationId && !ctx.otherOrganizationAllowed)
    return 'errors.substituteOtherOrganization';
  return null;
}
