// The phone page's form fields → a phone choice. The same field names are read by the page's
// script (electron/hub/phone/client.js) and by the hub for phones without JavaScript:
//   resolution  vote=yes|no|abstain
//   single/approval  choice=<optionId> (repeated for approval)
//   points      p:<optionId>=<n>
//   borda/schulze  r:<optionId>=<place> (empty = not ranked)
//   score       s:<optionId>=<n>
import type { Poll } from '../voting/schema';
import type { PhoneChoice } from './protocol';

/** Numbers as typed in a form: integers only (anything else becomes NaN and is refused later). */
function num(value: string): number {
  return /^-?\d{1,10}$/.test(value.trim()) ? Number(value) : Number.NaN;
}

/** null when the fields cannot be a choice of this poll at all (e.g. no vote given). */
export function choiceFromForm(definition: Poll, fields: [string, string][]): PhoneChoice | null {
  const prefixed = (prefix: string) =>
    fields
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, v]) => [k.slice(prefix.length), v] as const);
  switch (definition.method) {
    case 'resolution': {
      const vote = fields.find(([k]) => k === 'vote')?.[1];
      return vote === 'yes' || vote === 'no' || vote === 'abstain' ? { vote } : null;
    }
    case 'singleChoice':
    case 'approval':
      return { choices: fields.filter(([k, v]) => k === 'choice' && v !== '').map(([, v]) => v) };
    case 'points': {
      const points: Record<string, number> = {};
      for (const [id, v] of prefixed('p:'))
        if (v.trim() !== '' && num(v) !== 0) points[id] = num(v);
      return { points };
    }
    case 'borda':
    case 'schulze': {
      const ranking = prefixed('r:')
        .filter(([, v]) => v.trim() !== '')
        .map(([optionId, v]) => ({ optionId, rank: num(v) }));
      return { ranking };
    }
    case 'score': {
      const scores: Record<string, number> = {};
      for (const [id, v] of prefixed('s:')) if (v.trim() !== '') scores[id] = num(v);
      return { scores };
    }
  }
}

/**
 * True when the fields choose nothing at all (one accidental tap on "send"): the phone asks
 * before such a ballot counts as an abstention. The explicit "Nevybírám nic" of a single
 * choice sends choice="" and is a deliberate choice, not an empty form.
 */
export function formIsEmpty(definition: Poll, fields: [string, string][]): boolean {
  const given = (prefix: string, zeroIsEmpty = false) =>
    fields.some(
      ([k, v]) => k.startsWith(prefix) && v.trim() !== '' && !(zeroIsEmpty && num(v) === 0),
    );
  switch (definition.method) {
    case 'resolution':
      return !fields.some(([k]) => k === 'vote');
    case 'singleChoice':
      return !fields.some(([k]) => k === 'choice');
    case 'approval':
      return !fields.some(([k, v]) => k === 'choice' && v !== '');
    case 'points':
      return !given('p:', true);
    case 'borda':
    case 'schulze':
      return !given('r:');
    case 'score':
      return !given('s:');
  }
}
