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

export type SafeJsonResult = { ok: true; value: unknown } | { ok: false; failure: SafeJsonFailure };

/**
 * JSON.parse for files from outside. Before parsing, one linear scan of the text refuses
 * nesting deeper than `maxDepth` (a 100 000-level file would otherwise overflow JSON.parse's
 * stack and look like "not JSON"), `__proto__`/`constructor`/`prototype` keys and keys that
 * appear twice in one object (JSON.parse silently keeps the last, so two "data" keys could
 * show one content to a checker and another to the restore). Tells a cut-off file from other
 * syntax errors.
 */
export function safeJsonParse(text: string, maxDepth = 64): SafeJsonResult {
  const scanned = scanJson(text, maxDepth);
  if (scanned) return { ok: false, failure: scanned };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
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
 * (null means "nothing wrong found"), so only well-formed keys are looked at.
 */
function scanJson(text: string, maxDepth: number): SafeJsonFailure | null {
  // One entry per open container: a Set of keys for an object, null for an array.
  const stack: (Set<string> | null)[] = [];
  let expectKey = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      let j = i + 1;
      let escaped = false;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (d === BACKSLASH) {
          escaped = true;
          j++;
        } else if (d === QUOTE) break;
      }
      if (j >= n) return null; // unterminated: JSON.parse reports it
      const top = stack[stack.length - 1];
      if (expectKey && top) {
        let key = text.slice(i + 1, j);
        if (escaped) {
          try {
            key = JSON.parse(`"${key}"`) as string;
          } catch {
            return null;
          }
        }
        if (FORBIDDEN_KEYS.has(key)) return { kind: 'forbiddenKey', key };
        if (top.has(key)) return { kind: 'duplicateKey', key: key.slice(0, 60) };
        top.add(key);
        expectKey = false;
      }
      i = j;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (stack.length >= maxDepth) return { kind: 'tooDeep' };
      stack.push(c === 123 ? new Set() : null);
      expectKey = c === 123;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (c === 44 /* , */) {
      expectKey = stack[stack.length - 1] != null;
    }
  }
  return null;
}

/** Structural equality of JSON-like values (used by tests and by the minutes seal diff). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
