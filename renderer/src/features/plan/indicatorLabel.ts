/**
 * "Podpořené osoby (osob)", but "zapojených domácností", not "zapojených domácností
 * (domácností)": the unit is added only when the name does not already say it.
 */
export function indicatorLabel(indicator: { name: string; unit?: string }): string {
  const unit = indicator.unit?.trim();
  if (!unit) return indicator.name;
  const words = indicator.name.toLocaleLowerCase('cs').split(/[^\p{L}\p{N}%]+/u);
  return words.includes(unit.toLocaleLowerCase('cs'))
    ? indicator.name
    : `${indicator.name} (${unit})`;
}
