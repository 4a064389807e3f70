// Binary values in a JSON backup. IndexedDB stores a Uint8Array (the logo) as it is, but JSON
// would turn it into {"0": 137, "1": 80, …} and a restore would hand the app a plain object.
// The backup writes every typed array as {"$bytes": "<base64>"} and the restore turns it back.
function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** Only well-formed base64 is decoded; anything else stays an object the schemas refuse. */
const isEncoded = (v: object): v is { $bytes: string } => {
  const bytes = (v as { $bytes?: unknown }).$bytes;
  return (
    Object.keys(v).length === 1 &&
    typeof bytes === 'string' &&
    BASE64.test(bytes) &&
    bytes.length % 4 === 0
  );
};

/** A copy of `value` with every Uint8Array written as {$bytes}; other values are shared. */
export function encodeBytes(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: toBase64(value) };
  if (Array.isArray(value)) return value.some(needsWork) ? value.map(encodeBytes) : value;
  if (value && typeof value === 'object' && needsWork(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = encodeBytes(v);
    return out;
  }
  return value;
}

/** The inverse of encodeBytes, for records read from a validated backup. */
export function decodeBytes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeBytes);
  if (value && typeof value === 'object') {
    if (isEncoded(value)) return fromBase64(value.$bytes);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = decodeBytes(v);
    return out;
  }
  return value;
}

function needsWork(value: unknown): boolean {
  if (value instanceof Uint8Array) return true;
  if (Array.isArray(value)) return value.some(needsWork);
  if (value && typeof value === 'object') return Object.values(value).some(needsWork);
  return false;
}
