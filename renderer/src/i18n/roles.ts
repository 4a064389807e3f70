// A person's role in a body, worded for their gender in Czech ("zástupkyně vedoucího"),
// using the same name-based guess as the documents.
import { guessGender } from '@shared/docx/gender';
import type { MemberRole } from '@shared/domain';

export function memberRoleKey(
  role: MemberRole,
  person: { firstName: string; lastName: string },
): `memberRole.${MemberRole}` | `memberRoleF.${MemberRole}` {
  return guessGender(person.firstName, person.lastName) === 'f'
    ? `memberRoleF.${role}`
    : `memberRole.${role}`;
}

/** "přítomen" / "přítomna": the attendance word agrees with the member (a guess from the name). */
export function attendanceStatusKey<S extends string>(
  status: S,
  person: { firstName: string; lastName: string },
): `attendanceStatus.${S}` | `attendanceStatusF.${S}` {
  return guessGender(person.firstName, person.lastName) === 'f'
    ? `attendanceStatusF.${status}`
    : `attendanceStatus.${status}`;
}
