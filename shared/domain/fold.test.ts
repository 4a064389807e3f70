import { expect, it } from 'vitest';
import { fold } from './fold';

it('folds Czech accents, case and spacing', () => {
  expect(fold('  Šťastná   Jana ')).toBe('stastna jana');
  expect(fold('ŽLUŤOUČKÝ kůň')).toBe('zlutoucky kun');
  expect(fold('Příspěvek\tna péči')).toBe('prispevek na peci');
});
