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
