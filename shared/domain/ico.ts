// IČO: 8 digits, the last one a mod-11 checksum over the first seven (weights 8..2).
export function isValidIco(value: string): boolean {
  if (!/^\d{8}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = digits.slice(0, 7).reduce((acc, d, i) => acc + d * (8 - i), 0);
  const check = (11 - (sum % 11)) % 10;
  return check === digits[7];
}

/** Accepts "123 45 678" or shorter numbers padded with leading zeros, as registries print them. */
export function normalizeIco(value: string): string {
  const compact = value.replace(/\s+/g, '');
  return /^\d{1,8}$/.test(compact) ? compact.padStart(8, '0') : compact;
}
