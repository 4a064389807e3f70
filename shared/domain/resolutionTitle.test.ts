import { expect, it } from 'vitest';
import { resolutionFromTitle } from './resolution';

it('a yes/no poll titled with a verb proposes that verb and the rest as the text', () => {
  expect(resolutionFromTitle('Schválit zařazení odlehčovací služby do plánu')).toEqual({
    verb: 'approves',
    text: 'zařazení odlehčovací služby do plánu',
  });
  expect(resolutionFromTitle('Vzít na vědomí zprávu o plnění')).toEqual({
    verb: 'takesNote',
    text: 'zprávu o plnění',
  });
  expect(resolutionFromTitle('Doporučit ŘS rozšíření služby').verb).toBe('recommends');
  expect(resolutionFromTitle('Approve the 2027 action plan draft')).toEqual({
    verb: 'approves',
    text: 'the 2027 action plan draft',
  });
  expect(resolutionFromTitle('Akční plán 2027')).toEqual({ verb: null, text: 'Akční plán 2027' });
  expect(resolutionFromTitle('Schválit')).toEqual({ verb: null, text: 'Schválit' });
});
