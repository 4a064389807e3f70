// Grammatical gender from a Czech name, for the verb and role forms of the documents
// ("Zapsala", "zástupkyně vedoucího", "odešla v 10:50"). Names themselves are never declined:
// every sentence keeps them in the nominative, so a guess can at worst pick the wrong ending
// of a verb, never mangle a name. Female surnames end in -á (-ová, -ská, -cká, -ná …); for an
// indeclinable surname (Tomšů, Matušů, foreign names) the first name decides.
import type { Gender } from './model';

// Male first names that end like female ones, and female ones that end in a consonant.
const MALE_IN_A = new Set([
  'nikola',
  'saša',
  'sáša',
  'kuba',
  'honza',
  'míla',
  'ilja',
  'jarda',
  'luca',
  'andrea', // Italian male use is rarer in CZ; the surname decides first anyway
  'mustafa',
  'joshua',
  'sasha',
  'misha',
  'jiří',
]);
const FEMALE_OTHER = new Set([
  'ester',
  'miriam',
  'dagmar',
  'ingrid',
  'karin',
  'carmen',
  'rút',
  'ruth',
  'noemi',
  'beatrix',
  'edith',
  'judit',
  'nicol',
  'kim',
  'sarah',
  'lea',
  'zoe',
  'alice',
  'denise',
  'simone',
  'nicole',
  'michelle',
  'isabelle',
  'jacqueline',
  'elizabeth',
  'margaret',
  'ann',
  'ellen',
  'helen',
  'katherine',
  'catherine',
  'mary',
  'amy',
  'emily',
  'lily',
  'sophie',
  'chloe',
  'ivy',
  'grace',
  'rachel',
  'agnes',
  'gertrud',
  'irmgard',
  'liesl',
  'anouk',
]);

export function guessGender(firstName: string, lastName: string): Gender {
  const last = lastName.trim().toLocaleLowerCase('cs');
  const first = firstName.trim().split(/\s+/)[0]?.toLocaleLowerCase('cs') ?? '';
  if (/á$/.test(last)) return 'f';
  // "-ova" without the accent (Slovak/foreign spelling, e.g. "Petrova")
  if (/(ova|ská|cká)$/.test(last) && first.endsWith('a') && !MALE_IN_A.has(first)) return 'f';
  if (FEMALE_OTHER.has(first)) return 'f';
  if (MALE_IN_A.has(first)) return 'm';
  if (first.endsWith('a') || first.endsWith('ie')) return 'f';
  return 'm';
}
