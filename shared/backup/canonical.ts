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
  | { kind: 'tooDeep' };

export type SafeJsonResult = { ok: true; value: unknown } | { ok: false; failure: SafeJsonFailure };

/**
 * JSON.parse for files from outside: rejects `__proto__`/`constructor`/`prototype` keys at
 * any depth and nesting deeper than `maxDepth`. Tells a cut-off file from other syntax errors.
 */
export function safeJsonParse(text: string, maxDepth = 64): SafeJsonResult {
  let forbidden: string | null = null;
  let value: unknown;
  try {
    value = JSON.parse(text, function reviver(key, v: unknown) {
      if (FORBIDDEN_KEYS.has(key) && forbidden === null) forbidden = key;
      return v;
    });
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
  if (forbidden !== null) return { ok: false, failure: { kind: 'forbiddenKey', key: forbidden } };
  if (depthOf(value, maxDepth + 1) > maxDepth) return { ok: false, failure: { kind: 'tooDeep' } };
  return { ok: true, value };
}

function depthOf(value: unknown, limit: number): number {
  // Iterative, so a hostile deeply nested file cannot overflow the stack.
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (max >= limit) return max;
    if (v && typeof v === 'object')
      for (const child of Object.values(v))
        if (child && typeof child === 'object') stack.push([child, d + 1]);
  }
  return max;
}

/** Structural equality of JSON-like values (used by tests and by the minutes seal diff). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
