// The one shape for "it worked / it did not, and why" across IPC, imports and repositories.
export type Result<T, C extends string = string> =
  { ok: true; value: T } | { ok: false; error: { code: C; message: string } };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <C extends string>(code: C, message: string): Result<never, C> => ({
  ok: false,
  error: { code, message },
});
