import { describe, expect, it } from 'vitest';
import { indicatorLabel } from './indicatorLabel';

describe('indicatorLabel', () => {
  it('does not repeat a unit the name already says', () => {
    expect(indicatorLabel({ name: 'zapojených domácností', unit: 'domácností' })).toBe(
      'zapojených domácností',
    );
  });
  it('adds a unit the name does not say', () => {
    expect(indicatorLabel({ name: 'Podpořené osoby', unit: 'osob' })).toBe(
      'Podpořené osoby (osob)',
    );
    expect(indicatorLabel({ name: 'Kapacita lůžek', unit: '%' })).toBe('Kapacita lůžek (%)');
  });
  it('shows the bare name without a unit', () => {
    expect(indicatorLabel({ name: 'Počet klientů' })).toBe('Počet klientů');
    expect(indicatorLabel({ name: 'Počet klientů', unit: ' ' })).toBe('Počet klientů');
  });
});
