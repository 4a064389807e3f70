// Pure helpers for the backup format: canonical JSON (stable key order, so a checksum does
// not depend on how a record's keys happened to be ordered), SHA-256 through WebCrypto
// (a standard global in browsers and Node 20), and a JSON parser for hostile input.

/** JSON with object keys sorted at every level; `undefined` members are left out as JSON does. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined)
        Object.defineProperty(out, key, {
          value: sortKeys(v),
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
    return out;
  }
  return value;
}

/** Lower-case hex SHA-256 of a string (UTF-8) or bytes. */
export async function sha256Hex(input: string | Uint8Array): Promise<string> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The last backup format whose checksum covered canonicalJson(data) rather than the bytes in the file. */
export const LAST_CANONICAL_CHECKSUM_FORMAT = 1;

/**
 * Does the checksum match the content? Format 1 hashed the re-serialized canonical JSON of
 * the data; later formats hash the data section's text as it stands in the file (`dataSpan`
 * from safeJsonParse), so a single changed character, even one that parses to the same
 * value, is refused.
 */
export async function checksumMatches(
  envelope: { formatVersion: number; sha256: string; data: unknown },
  text: string,
  dataSpan: readonly [number, number] | null,
): Promise<boolean> {
  if (envelope.formatVersion <= LAST_CANONICAL_CHECKSUM_FORMAT)
    return (await sha256Hex(canonicalJson(envelope.data))) === envelope.sha256;
  if (!dataSpan) return false;
  return (await sha256Hex(text.slice(dataSpan[0], dataSpan[1]))) === envelope.sha256;
}

/** Keys that could change an object's prototype when a record is later spread or assigned. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

export type SafeJsonFailure =
  | { kind: 'truncated' }
  | { kind: 'syntax' }
  | { kind: 'forbiddenKey'; key: string }
  | { kind: 'duplicateKey'; key: string }
  | { kind: 'tooDeep' };

export type SafeJsonResult =
  | {
      ok: true;
      value: unknown;
      /**
       * Where the value of the top-level object's "data" key lies in the text ([start, end)),
       * found by the same scan; null when there is no such object value. The backup checksum
       * covers exactly these characters (envelope.ts, format 2).
       */
      dataSpan: [number, number] | null;
    }
  | { ok: false; failure: SafeJsonFailure };

/**
 * JSON.parse for files from outside. Before parsing, one linear scan of the text refuses
 * nesting deeper than `maxDepth` (a 100 000-level file would otherwise overflow JSON.parse's
 * stack and look like "not JSON"), `__proto__`/`constructor`/`prototype` keys and keys that
 * appear twice in one object (JSON.parse silently keeps the last, so two "data" keys could
 * show one content to a checker and another to the restore). Tells a cut-off file from other
 * syntax errors. No reviver: the scan has already looked at every key.
 */
export function safeJsonParse(text: string, maxDepth = 64): SafeJsonResult {
  const scanned = scanJson(text, maxDepth);
  if ('kind' in scanned) return { ok: false, failure: scanned };
  try {
    return { ok: true, value: JSON.parse(text) as unknown, dataSpan: scanned.dataSpan };
  } catch (e) {
    const message = e instanceof Error ? e.message : '';
    const trimmed = text.trimEnd();
    const looksCut =
      /end of (json )?input|unterminated|unexpected end/i.test(message) ||
      (trimmed.length > 0 &&
        (trimmed.startsWith('{') || trimmed.startsWith('[')) &&
        !/[}\]]$/.test(trimmed));
    return { ok: false, failure: { kind: looksCut ? 'truncated' : 'syntax' } };
  }
}

const QUOTE = 34;
const BACKSLASH = 92;

/**
 * The structural checks of safeJsonParse, without building values: a stack of open
 * containers, each object with the set of its keys. Malformed text is left to JSON.parse
 * (no failure means "nothing wrong found"), so only well-formed keys are looked at. On the
 * way it notes where the top-level object's "data" value starts and ends.
 */
function scanJson(
  text: string,
  maxDepth: number,
): SafeJsonFailure | { dataSpan: [number, number] | null } {
  // One entry per open container: a Set of keys for an object, null for an array.
  const stack: (Set<string> | null)[] = [];
  let expectKey = false;
  let topKey = '';
  let dataStart = -1;
  let dataEnd = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // The closing quote is the next one not escaped by an odd run of backslashes; indexOf
      // jumps over the string's text, which is most of a backup.
      let j = i;
      for (;;) {
        j = text.indexOf('"', j + 1);
        if (j < 0) return { dataSpan: null }; // unterminated: JSON.parse reports it
        let k = j - 1;
        while (text.charCodeAt(k) === BACKSLASH) k--;
        if ((j - 1 - k) % 2 === 0) break;
      }
      const top = stack[stack.length - 1];
      if (expectKey && top) {
        let key = text.slice(i + 1, j);
        if (key.includes('\\')) {
          try {
            key = JSON.parse(`"${key}"`) as string;
          } catch {
            return { dataSpan: null };
          }
        }
        if (FORBIDDEN_KEYS.has(key)) return { kind: 'forbiddenKey', key };
        if (top.has(key)) return { kind: 'duplicateKey', key: key.slice(0, 60) };
        top.add(key);
        if (stack.length === 1) topKey = key;
        expectKey = false;
      }
      i = j;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (stack.length >= maxDepth) return { kind: 'tooDeep' };
      if (stack.length === 1 && topKey === 'data' && c === 123 && stack[0]) dataStart = i;
      stack.push(c === 123 ? new Set() : null);
      expectKey = c === 123;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      stack.pop();
      if (stack.length === 1 && dataStart >= 0 && dataEnd < 0) dataEnd = i + 1;
      expectKey = false;
    } else if (c === 44 /* , */) {
      expectKey = stack[stack.length - 1] != null;
      if (stack.length === 1) topKey = '';
    }
  }
  return { dataSpan: dataStart >= 0 && dataEnd > dataStart ? [dataStart, dataEnd] : null };
}

/** Structural equality of JSON-like values (used by tests and by the minutes seal diff). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
