// "1 200 000 Kč": Czech grouping with no-break spaces, independent of the host's ICU data.
const NBSP = '\u00A0';

export function formatAmount(n: number): string {
  const negative = n < 0;
  const [int, frac] = Math.abs(Math.round(n * 100) / 100)
    .toFixed(2)
    .split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const decimals = frac === '00' ? '' : `,${frac}`;
  return `${negative ? '−' : ''}${grouped}${decimals}`;
}

export function formatCzk(n: number): string {
  return `${formatAmount(n)}${NBSP}Kč`;
}
