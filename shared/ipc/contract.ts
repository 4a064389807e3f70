// The typed IPC contract: channel → request and response schema. The main process
// validates every request against it (electron/ipc.ts); both sides take their types from it.
import { z } from 'zod';
import type { Result } from '../domain/result';
import { IPC_CHANNELS, type IpcChannel, type IpcErrorCode } from './channels';
import { serverUrl } from '../sync/live';
import { ALLOWED_SAVE_EXTENSIONS, MAX_SAVE_BYTES, isAllowedSaveName } from './files';

export { IPC_CHANNELS, IPC_ERROR_CODES } from './channels';
export type { IpcChannel, IpcErrorCode } from './channels';

const MB = 1024 * 1024;

export const saveBytesRequest = z.strictObject({
  /** Suggested name only, the user picks the folder; see sanitizeFileName(). */
  fileName: z.string().refine(isAllowedSaveName, {
    error: `fileName must be a plain file name (no path separators, reserved, control or bidi characters, at most 120 characters) ending in .${ALLOWED_SAVE_EXTENSIONS.join(', .')}`,
  }),
  mime: z
    .string()
    .max(100)
    .regex(/^[a-z]+\/[a-z0-9][a-z0-9.+-]*$/i, { error: 'mime must look like type/subtype' }),
  bytes: z
    .custom<Uint8Array>((v) => v instanceof Uint8Array, { error: 'bytes must be a Uint8Array' })
    .refine((b) => b.byteLength <= MAX_SAVE_BYTES, {
      error: `bytes must be at most ${MAX_SAVE_BYTES / MB} MB`,
    }),
});

export const saveBytesResponse = z.discriminatedUnion('saved', [
  z.strictObject({ saved: z.literal(true), path: z.string() }),
  z.strictObject({ saved: z.literal(false) }),
]);

export const openProjectorRequest = z.strictObject({
  meetingId: z.uuid({ error: 'meetingId must be a UUID' }),
});

export const openProjectorResponse = z.strictObject({
  /** true when the projector went full screen on a second display. */
  onSecondDisplay: z.boolean(),
});

export const backupWriteRequest = z.strictObject({
  /** A complete backup file (shared/backup envelope), produced by the renderer. */
  bytes: z
    .custom<Uint8Array>((v) => v instanceof Uint8Array, { error: 'bytes must be a Uint8Array' })
    .refine((b) => b.byteLength > 0 && b.byteLength <= MAX_SAVE_BYTES, {
      error: `bytes must be 1 byte to ${MAX_SAVE_BYTES / MB} MB`,
    }),
  kind: z.enum(['daily', 'quit']),
});

/**
 * The written backup was read back and checked (same bytes, envelope checksum) before it
 * counted. verified:false → the file was moved aside (path), nothing was rotated away, and the
 * renderer must not treat it as a backup (no "last backup" update).
 */
export const backupWriteResponse = z.discriminatedUnion('verified', [
  z.strictObject({
    verified: z.literal(true),
    /** Absolute path of the written file, for the UI. */
    path: z.string(),
    /** Older automatic backups removed by the rotation (file names). */
    deleted: z.array(z.string()),
  }),
  z.strictObject({
    verified: z.literal(false),
    /** Where the file that failed verification was moved aside. */
    path: z.string(),
    /** readBack: the disk returned other bytes; notBackup / checksum: the bytes sent are not a sound backup. */
    problem: z.enum(['readBack', 'notBackup', 'checksum']),
  }),
]);

export const backupListRequest = z.strictObject({});

export const backupListResponse = z.strictObject({
  folder: z.string(),
  backups: z.array(
    z.strictObject({
      name: z.string(),
      size: z.number().int().min(0),
      kind: z.enum(['daily', 'quit']),
      day: z.string(),
    }),
  ),
});

/** The voting hub relay (electron/hub/host.ts): frames of shared/hub/protocol.ts, as text. */
export const hubOpenRequest = z.strictObject({});
export const hubSendRequest = z.strictObject({ text: z.string().max(1024 * 1024) });
export const hubCloseRequest = z.strictObject({});
export const hubNullResponse = z.null();

/** The sync server's password, kept by main with safeStorage (electron/credentials.ts). */
const syncAccount = {
  url: serverUrl,
  username: z.string().trim().min(1).max(200),
};
export const syncSecretSaveRequest = z.strictObject({
  ...syncAccount,
  password: z.string().min(1).max(1000),
});
export const syncSecretSaveResponse = z.null();
export const syncSecretLoadRequest = z.strictObject(syncAccount);
export const syncSecretLoadResponse = z.strictObject({
  /** false: no OS encryption here; the renderer keeps the password for the session only. */
  available: z.boolean(),
  /**
   * A password is stored for this account. It never comes back to the page: main uses it
   * itself when sync:setServer is called with password null.
   */
  stored: z.boolean(),
});
export const syncSecretForgetRequest = z.strictObject(syncAccount);

/**
 * Live sync's HTTP goes through main (electron/syncHttp.ts) so the CSP keeps connect-src 'self'.
 * sync:setServer names the ONE server main may reach (null: disconnected); main adds the
 * Authorization header itself, so requests from the page never carry the password, and after
 * a restart the page never sees it (password null: main's stored one).
 */
export const syncSetServerRequest = z.strictObject({
  server: z
    .strictObject({
      ...syncAccount,
      /** null: the one main keeps with safeStorage (sync:secretSave). */
      password: z.string().min(1).max(1000).nullable(),
    })
    .nullable(),
});
/** Caps of one sync request (PouchDB batches: 100 documents a request by default). */
export const SYNC_MAX_REQUEST_CHARS = 16 * MB;
export const SYNC_MAX_RESPONSE_BYTES = 64 * MB;
export const SYNC_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD'] as const;
/** Request headers passed on (the rest, Authorization and Cookie included, are dropped). */
export const SYNC_REQUEST_HEADERS = ['accept', 'content-type', 'if-match', 'if-none-match'];
/** Response headers handed back to the page. */
export const SYNC_RESPONSE_HEADERS = ['content-type', 'etag', 'location', 'cache-control'];
const headerList = (allowed: readonly string[]) =>
  z
    .array(z.tuple([z.string().max(100), z.string().max(2000)]))
    .max(20)
    .refine((h) => h.every(([k]) => allowed.includes(k.toLowerCase())), {
      error: `headers must be among ${allowed.join(', ')}`,
    });
export const syncFetchRequest = z.strictObject({
  url: z.string().max(8000),
  method: z.enum(SYNC_METHODS),
  headers: headerList(SYNC_REQUEST_HEADERS),
  body: z
    .string()
    .max(SYNC_MAX_REQUEST_CHARS, {
      error: `body must be at most ${SYNC_MAX_REQUEST_CHARS / MB} MB`,
    })
    .nullable(),
});
export const syncFetchResponse = z.strictObject({
  status: z.number().int().min(200).max(599),
  headers: headerList(SYNC_RESPONSE_HEADERS),
  body: z.string(),
});

export const ipcContract = {
  [IPC_CHANNELS.saveBytes]: { request: saveBytesRequest, response: saveBytesResponse },
  [IPC_CHANNELS.openProjector]: { request: openProjectorRequest, response: openProjectorResponse },
  [IPC_CHANNELS.backupWrite]: { request: backupWriteRequest, response: backupWriteResponse },
  [IPC_CHANNELS.backupList]: { request: backupListRequest, response: backupListResponse },
  [IPC_CHANNELS.hubOpen]: { request: hubOpenRequest, response: hubNullResponse },
  [IPC_CHANNELS.hubSend]: { request: hubSendRequest, response: hubNullResponse },
  [IPC_CHANNELS.hubClose]: { request: hubCloseRequest, response: hubNullResponse },
  [IPC_CHANNELS.syncSecretSave]: {
    request: syncSecretSaveRequest,
    response: syncSecretSaveResponse,
  },
  [IPC_CHANNELS.syncSecretLoad]: {
    request: syncSecretLoadRequest,
    response: syncSecretLoadResponse,
  },
  [IPC_CHANNELS.syncSecretForget]: { request: syncSecretForgetRequest, response: hubNullResponse },
  [IPC_CHANNELS.syncSetServer]: { request: syncSetServerRequest, response: hubNullResponse },
  [IPC_CHANNELS.syncFetch]: { request: syncFetchRequest, response: syncFetchResponse },
} as const satisfies Record<IpcChannel, { request: z.ZodType; response: z.ZodType }>;

export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcContract)[C]['request']>;
/** The request as the handler receives it, after validation. */
export type IpcValidRequest<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['response']>;
/** What every invoke resolves to: never a rejected promise, always a Result. */
export type IpcReply<C extends IpcChannel> = Result<IpcResponse<C>, IpcErrorCode>;

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && Object.hasOwn(ipcContract, value);
}

/** A one-line, readable summary of a zod error ("bytes: bytes must be at most 50 MB"). */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}
