// The voting hub's two faces on Node's http + ws (no framework). See shared/hub/protocol.ts
// for the contract and docs/voting-hub.md for the security model.
//  - admin face: 127.0.0.1 only, WebSocket at ADMIN_WS_PATH, per-start secret in a header;
//  - LAN face: only while phone voting is on, bound to the one address the facilitator picked.
// Nothing a phone sends can reach the admin face: separate servers, separate sockets.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { choiceFromForm, formIsEmpty } from '../../shared/hub/form';
import {
  ADMIN_SECRET_HEADER,
  ADMIN_WS_PATH,
  AdminToHubSchema,
  DEFAULT_LAN_PORT,
  DEVICE_COOKIE,
  HubIdSchema,
  JOIN_RATE_LIMIT,
  LANG_COOKIE,
  MAX_ADMIN_MESSAGE_BYTES,
  MAX_BALLOTS_PER_MESSAGE,
  MAX_PHONE_MESSAGE_BYTES,
  NonceSchema,
  PhoneChoiceSchema,
  PHONE_RATE_LIMIT,
  PHONE_WS_PATH,
  PhoneToHubSchema,
  RecordIdSchema,
  type AdminErrorCode,
  type AdminRequest,
  type HubBallot,
  type HubInterface,
  type HubReadyMessage,
  type HubToAdmin,
  type HubToPhone,
} from '../../shared/hub/protocol';
import { RateLimiter, normalizeJoinCode, randomId, type RandomBytes } from '../../shared/hub/rules';
import { PHONE_TEXTS, phoneLang, type PhoneLang } from '../../shared/hub/text';
import { PollSchema } from '../../shared/voting/poll-config';
import { HubCore, type Answer } from './core';
import { listLanInterfaces } from './interfaces';
import { Journal } from './journal';
import { explainIssues, phoneStateKey, renderPage, type PhoneView } from './page';
import css from './phone/client.css?raw';
import script from './phone/client.js?raw';

export interface HubOptions {
  /** Folder of the journal (Electron: userData/hub; browser mode: a temp folder). */
  dataDir: string;
  /** Tests and e2e: offer 127.0.0.1 as a LAN address (phones emulated on this machine). */
  allowLoopback?: boolean;
  /** Injected in tests; default: the machine's interfaces. */
  interfaces?: () => HubInterface[];
  /** How long a phone without JavaScript waits for the app's acknowledgement. */
  formWaitMs?: number;
  /**
   * How long the LAN face keeps taking ballots with no owner app window connected (a reload
   * takes seconds); after that the phones see "voting paused" until an owner says hello.
   */
  ownerGraceMs?: number;
}

export interface HubHandle extends HubReadyMessage {
  core: HubCore;
  lanPort(): number | null;
  close(): Promise<void>;
}

/**
 * node:crypto's bytes drawn 4 KB at a time, each byte handed out once: a call per ballot id
 * was a tenth of the hub's time in a burst of 200 ballots.
 */
function pooledRandom(poolSize = 4096): RandomBytes {
  let pool = randomBytes(poolSize);
  let at = 0;
  return (n) => {
    if (n > poolSize) return new Uint8Array(randomBytes(n));
    if (at + n > poolSize) {
      pool = randomBytes(poolSize);
      at = 0;
    }
    at += n;
    return new Uint8Array(pool.subarray(at - n, at));
  };
}
const random = pooledRandom();
const json = (v: unknown) => JSON.stringify(v);

function cookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

/** A hostile Origin (another site's page in the phone's browser) is refused. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined || origin === 'null') return origin === undefined;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

interface PhoneClient {
  ws: WebSocket;
  device: string | null;
  lang: PhoneLang;
  limiter: RateLimiter;
  last: string;
}

/** How soon after a secret ballot's ack its voter-with-choice line leaves the disk (§5). */
const SECRET_REWRITE_MS = 100;

export async function startHub(options: HubOptions): Promise<HubHandle> {
  const secret = randomId(random, 43);
  const journal = new Journal(path.join(options.dataDir, 'hub-journal.jsonl'));
  const interfaces =
    options.interfaces ?? (() => listLanInterfaces(undefined, options.allowLoopback));
  const formWaitMs = options.formWaitMs ?? 8000;
  const ownerGraceMs = options.ownerGraceMs ?? 60_000;
  /** No owner for longer than the grace: the LAN face only says "paused", takes nothing. */
  let paused = false;
  let graceTimer: NodeJS.Timeout | null = null;

  const admins = new Set<WebSocket>();
  let owner: WebSocket | null = null;
  const phones = new Set<PhoneClient>();
  const limiters = new Map<string, RateLimiter>();
  let statusTimer: NodeJS.Timeout | null = null;
  let replaying = true;

  // One turn of the event loop: what arrived in it (from many phones, or one batch of acks
  // from the app) is handled, journaled with ONE write, then forwarded and answered together. Nothing
  // leaves the hub before the journal lines it depends on are written (see tick()).
  let toOwner: HubBallot[] = [];
  /** Phone messages read in this turn, handled together in tick(). */
  const inbox: [PhoneClient, Buffer][] = [];
  const toPhones: (() => void)[] = [];
  let tickQueued = false;
  let rewriteTimer: NodeJS.Timeout | null = null;
  let closed = false;
  function soon(): void {
    if (tickQueued || closed) return;
    tickQueued = true;
    setImmediate(tick);
  }
  function tick(): void {
    tickQueued = false;
    if (closed) return;
    for (const [client, data] of inbox.splice(0)) handlePhoneMessage(client, data);
    journal.flush();
    if (toOwner.length && owner) {
      const ballots = toOwner.splice(0, MAX_BALLOTS_PER_MESSAGE);
      owner.send(json({ t: 'ballots', ballots } satisfies HubToAdmin));
      if (toOwner.length) soon();
    } else toOwner = [];
    for (const send of toPhones.splice(0)) send();
  }

  /**
   * Acks of secret ballots: the voter-with-choice lines leave the disk in one rewrite a moment
   * after the first of them, not once per ack batch in the middle of a burst of ballots (the
   * rewrite is the whole state: it would hold up the ballots still arriving).
   */
  function rewriteSoon(): void {
    if (rewriteTimer || closed) return;
    rewriteTimer = setTimeout(() => {
      rewriteTimer = null;
      journal.rewrite(() => core.compact());
    }, SECRET_REWRITE_MS);
  }

  const core: HubCore = new HubCore({
    random,
    journal: (e) => {
      if (replaying) return;
      journal.append(e);
      soon();
    },
    deliver: (b: HubBallot) => {
      if (!owner) return; // stays pending: a new owner's hello gets it
      toOwner.push(b);
      soon();
    },
    changed: (scope) => {
      if (replaying) return;
      if (scope === undefined) phonesAll = true;
      else phoneScopes.add(scope);
      changed();
    },
  });
  for (const event of journal.read()) core.replay(event);
  replaying = false;
  journal.rewriteNow(core.compact());

  /** Phones whose state may have changed: all of them, or those of these voter keys/devices. */
  let phonesAll = false;
  const phoneScopes = new Set<string>();

  /** The admins' status changed (phones' states only as the core's changes mark them). */
  function changed(): void {
    if (!statusTimer) statusTimer = setTimeout(pushStatus, 50);
  }

  /** The app's window went away (tab closed, app quit): pause the phones after the grace. */
  function armGrace(): void {
    if (owner || !lanServer || graceTimer) return;
    graceTimer = setTimeout(() => {
      graceTimer = null;
      if (owner || !lanServer) return;
      paused = true;
      for (const p of phones) p.ws.terminate();
      phones.clear();
      changed();
    }, ownerGraceMs);
    graceTimer.unref?.();
  }

  function ownerBack(): void {
    if (graceTimer) clearTimeout(graceTimer);
    graceTimer = null;
    paused = false;
  }

  function compactIfIdle(force = false): void {
    if (force || (core.pendingCount === 0 && journal.lines > 2000))
      journal.rewrite(() => core.compact());
  }

  function pushStatus(): void {
    statusTimer = null;
    journal.flush();
    const msg = json({
      t: 'status',
      status: core.status(phones.size, owner !== null),
    } satisfies HubToAdmin);
    for (const a of admins) a.send(msg);
    // Only the phones a change can concern: in a burst of 200 ballots each phone's state is
    // not computed again at every push.
    const all = phonesAll;
    phonesAll = false;
    if (!all && !phoneScopes.size) return;
    for (const p of phones) {
      if (all || inScope(p)) sendState(p);
    }
    phoneScopes.clear();
  }

  /** A change waits for this phone's state (its device's or its voter's). */
  function inScope(p: PhoneClient): boolean {
    if (!p.device) return false;
    if (phoneScopes.has(p.device)) return true;
    const key = core.voterKey(p.device);
    return key !== null && phoneScopes.has(key);
  }

  function sendState(p: PhoneClient): void {
    const state = core.phoneStateJson(p.device);
    if (state !== p.last) {
      p.last = state;
      p.ws.send(state);
    }
  }

  function limiter(
    key: string,
    rate: { burst: number; perSecond: number } = PHONE_RATE_LIMIT,
  ): RateLimiter {
    let l = limiters.get(key);
    if (!l) {
      if (limiters.size > 10_000) limiters.clear();
      l = new RateLimiter(rate.burst, rate.perSecond, Date.now());
      limiters.set(key, l);
    }
    return l;
  }

  // ---- admin face --------------------------------------------------------------------------

  const adminServer = createServer((_req, res) => res.writeHead(404).end());
  const adminWss = new WebSocketServer({ noServer: true, maxPayload: MAX_ADMIN_MESSAGE_BYTES });
  adminServer.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== ADMIN_WS_PATH) return refuseUpgrade(socket, '404 Not Found');
    if (!secretMatches(req.headers[ADMIN_SECRET_HEADER], secret))
      return refuseUpgrade(socket, '401 Unauthorized');
    adminWss.handleUpgrade(req, socket, head, (ws) => onAdmin(ws));
  });

  function onAdmin(ws: WebSocket): void {
    admins.add(ws);
    ws.on('close', () => {
      admins.delete(ws);
      if (owner === ws) {
        owner = null;
        armGrace();
      }
      changed();
    });
    ws.on('error', () => ws.terminate());
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      let parsed;
      try {
        parsed = AdminToHubSchema.safeParse(JSON.parse(data.toString()));
      } catch {
        return;
      }
      if (!parsed.success) {
        const raw = parsed.error.issues.length
          ? (JSON.parse(data.toString()) as { id?: unknown })
          : {};
        if (typeof raw.id === 'number')
          reply(ws, raw.id, 'BAD_REQUEST', parsed.error.issues.map((i) => i.message).join('; '));
        return;
      }
      const msg = parsed.data;
      if (msg.t === 'hello') {
        if (msg.owner) {
          owner = ws;
          ownerBack();
          // Every unacknowledged ballot (those queued for the last owner too), journaled first.
          journal.flush();
          toOwner = [];
          const all = core.pendingBallots();
          for (let i = 0; i < all.length; i += MAX_BALLOTS_PER_MESSAGE)
            ws.send(
              json({
                t: 'ballots',
                ballots: all.slice(i, i + MAX_BALLOTS_PER_MESSAGE),
              } satisfies HubToAdmin),
            );
        } else if (owner === ws) owner = null;
        changed();
        ws.send(
          json({
            t: 'status',
            status: core.status(phones.size, owner !== null),
          } satisfies HubToAdmin),
        );
      } else if (msg.t === 'ack' || msg.t === 'acks') {
        // A secret ballot the app has stored leaves the disk soon (temp file + rename): the
        // journal's ballot line pairs its voter with its choice. Unanswered ballots stay.
        let secret = false;
        for (const a of msg.t === 'ack' ? [msg] : msg.acks)
          if (core.ack(a.id, a.result)) secret = true;
        if (secret) rewriteSoon();
        else compactIfIdle();
        // The batch is complete: journal it and answer its phones now, not after whatever
        // else this turn of the event loop brings (more ballots to parse).
        // (Phone messages read in this turn wait for the next tick: answers first.)
        journal.flush();
        for (const send of toPhones.splice(0)) send();
        soon();
      } else {
        void handleRequest(msg).then(
          (value) => {
            journal.flush();
            ws.send(json({ t: 'res', id: msg.id, ok: true, value } satisfies HubToAdmin));
          },
          (e: unknown) =>
            e instanceof RequestError
              ? reply(ws, msg.id, e.code, e.message)
              : reply(ws, msg.id, 'BAD_REQUEST', e instanceof Error ? e.message : String(e)),
        );
      }
    });
  }

  function reply(ws: WebSocket, id: number, code: AdminErrorCode, message: string): void {
    journal.flush();
    ws.send(json({ t: 'res', id, ok: false, error: { code, message } } satisfies HubToAdmin));
  }

  class RequestError extends Error {
    constructor(
      readonly code: AdminErrorCode,
      message: string,
    ) {
      super(message);
    }
  }

  async function handleRequest(msg: AdminRequest): Promise<unknown> {
    switch (msg.op) {
      case 'interfaces':
        return interfaces();
      case 'start': {
        const lan = await startLan(msg.address, msg.port);
        return { ...lan, url: `http://${lan.address}:${lan.port}/` };
      }
      case 'stop':
        await stopLan();
        return null;
      case 'setSession': {
        // Another meeting (or none) never inherits the phones' address of the last one: the
        // facilitator picks the network again for it.
        const before = core.session?.meetingId;
        if (before !== undefined && before !== msg.session?.meetingId) await stopLan();
        core.setSession(msg.session);
        compactIfIdle(true);
        return null;
      }
      case 'openPoll': {
        const { poll } = msg;
        if (!PollSchema.safeParse(poll.definition).success)
          throw new RequestError('INVALID_POLL', 'The poll definition is not valid');
        const ids = poll.definition.method === 'resolution' ? [] : poll.definition.options;
        const labelled = new Set(poll.options.map((o) => o.id));
        if (ids.some((id) => !labelled.has(id)))
          throw new RequestError('INVALID_POLL', 'Every option of the definition needs a label');
        if (!core.session) throw new RequestError('NO_SESSION', 'Set the session first');
        core.openPoll(poll);
        return null;
      }
      case 'closePoll':
        if (!core.closePoll(msg.pollId)) throw new RequestError('UNKNOWN_POLL', 'No such poll');
        compactIfIdle(true);
        return null;
      case 'status':
        return core.status(phones.size, owner !== null);
    }
  }

  // ---- LAN face ----------------------------------------------------------------------------

  let lanServer: Server | null = null;
  const phoneWss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });

  async function startLan(
    address: string,
    port?: number,
  ): Promise<{ address: string; port: number }> {
    if (!interfaces().some((i) => i.address === address))
      throw new RequestError(
        'UNKNOWN_ADDRESS',
        `${address} is not an address of this computer's networks`,
      );
    if (
      lanServer &&
      core.lan?.address === address &&
      (port === undefined || port === core.lan.port)
    )
      return core.lan;
    await stopLan();
    const server = createServer((req, res) => {
      handlePhoneHttp(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    server.on('upgrade', onPhoneUpgrade);
    server.headersTimeout = 10_000;
    server.requestTimeout = 30_000;
    const listen = (p: number) =>
      new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(p, address, () => {
          server.off('error', reject);
          resolve((server.address() as { port: number }).port);
        });
      });
    let bound: number;
    try {
      bound = await listen(port ?? DEFAULT_LAN_PORT);
    } catch (e) {
      if (port !== undefined && port !== 0)
        throw new RequestError(
          'LISTEN_FAILED',
          `Cannot listen on ${address}:${port}: ${String(e)}`,
        );
      try {
        bound = await listen(0);
      } catch (e2) {
        throw new RequestError('LISTEN_FAILED', `Cannot listen on ${address}: ${String(e2)}`);
      }
    }
    lanServer = server;
    core.setLan({ address, port: bound });
    return { address, port: bound };
  }

  async function stopLan(): Promise<void> {
    const server = lanServer;
    lanServer = null;
    ownerBack(); // nothing left to pause
    if (core.lan) core.setLan(null);
    if (!server) return;
    for (const p of phones) p.ws.terminate();
    phones.clear();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  function deviceOf(req: IncomingMessage): string | null {
    const id = cookies(req)[DEVICE_COOKIE];
    return id && HubIdSchema.safeParse(id).success && core.knowsDevice(id) ? id : null;
  }

  function langOf(req: IncomingMessage): PhoneLang {
    const accept = req.headers['accept-language'];
    return phoneLang(cookies(req)[LANG_COOKIE], typeof accept === 'string' ? accept : undefined);
  }

  function clientKey(req: IncomingMessage, device: string | null): string {
    return device ? `d:${device}` : `ip:${req.socket.remoteAddress ?? '?'}`;
  }

  function onPhoneUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://phone');
    if (url.pathname !== PHONE_WS_PATH) return refuseUpgrade(socket, '404 Not Found');
    if (paused) return refuseUpgrade(socket, '503 Service Unavailable');
    if (!sameOrigin(req)) return refuseUpgrade(socket, '403 Forbidden');
    const device = deviceOf(req);
    phoneWss.handleUpgrade(req, socket, head, (ws) => {
      const client: PhoneClient = {
        ws,
        device,
        lang: langOf(req),
        limiter: limiter(clientKey(req, device)),
        last: '',
      };
      phones.add(client);
      changed();
      sendState(client);
      ws.on('close', () => {
        phones.delete(client);
        changed();
      });
      ws.on('error', () => ws.terminate());
      ws.on('message', (data, isBinary) => onPhoneMessage(client, data as Buffer, isBinary));
    });
  }

  function phoneError(client: PhoneClient, code: 'MALFORMED' | 'TOO_LARGE' | 'RATE_LIMITED'): void {
    client.ws.send(json({ t: 'error', code } satisfies HubToPhone));
  }

  function answerText(lang: PhoneLang, a: Answer): string {
    const t = PHONE_TEXTS[lang];
    const issues = a.issues ? explainIssues(lang, core.phoneState(null).poll, a.issues) : [];
    return [t.result[a.code], ...issues].join(' ');
  }

  function onPhoneMessage(client: PhoneClient, data: Buffer, isBinary: boolean): void {
    if (!client.limiter.take(Date.now())) return phoneError(client, 'RATE_LIMITED');
    if (isBinary) return phoneError(client, 'MALFORMED');
    if (data.length > MAX_PHONE_MESSAGE_BYTES) return phoneError(client, 'TOO_LARGE');
    // Handled in tick(), with every message of this turn in one tight loop: a burst of 200
    // was ~20 % slower handled between the WebSocket frames as each arrived.
    inbox.push([client, data]);
    soon();
  }

  function handlePhoneMessage(client: PhoneClient, data: Buffer): void {
    let msg;
    try {
      msg = PhoneToHubSchema.safeParse(JSON.parse(data.toString('utf8')));
    } catch {
      return phoneError(client, 'MALFORMED');
    }
    if (!msg.success) return phoneError(client, 'MALFORMED');
    const m = msg.data;
    if (m.t === 'sync') {
      client.last = '';
      return sendState(client);
    }
    // The sending phone knows it voted (its script takes its ack for the "voted" state): it
    // gets no state push for its own ballot unless something else changed meanwhile. Other
    // pages of the same device still do.
    // (Its state is computed only when a change is already waiting for it: rarely in a burst.)
    const current =
      client.last !== '' &&
      ((!phonesAll && !inScope(client)) || core.phoneStateJson(client.device) === client.last);
    core.submit(client.device, m.pollId, m.nonce, m.choice, (a) => {
      // Sent in the next tick, after the journal's write (an ack of the app, or a refusal).
      toPhones.push(() => {
        if (client.ws.readyState !== client.ws.OPEN) return;
        client.ws.send(
          json({
            t: 'ack',
            nonce: m.nonce,
            code: a.code,
            ...(a.issues ? { issues: a.issues } : {}),
            text: answerText(client.lang, a),
          } satisfies HubToPhone),
        );
      });
      soon();
    });
    if (current) client.last = core.phoneStateJson(client.device);
  }

  // ---- phone pages (no JavaScript needed) ---------------------------------------------------

  function securityHeaders(req: IncomingMessage): Record<string, string> {
    const host = /^[A-Za-z0-9.\-:[\]]{1,100}$/.test(req.headers.host ?? '') ? req.headers.host : '';
    return {
      'Content-Security-Policy': `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'${host ? ` ws://${host}` : ''}; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
      'X-Content-Type-Options': 'nosniff',
      // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on the
      // page's own form POSTs, and the same-origin check refuses those.
      'Referrer-Policy': 'same-origin',
      'X-Frame-Options': 'DENY',
    };
  }

  function sendHtml(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    view: PhoneView,
    extra: Record<string, string | string[]> = {},
  ): void {
    journal.flush(); // what the page says is on disk
    const html = renderPage(view, langOf(req), core.session?.title ?? '');
    res.writeHead(status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      ...securityHeaders(req),
      ...extra,
    });
    res.end(html);
  }

  function redirect(
    res: ServerResponse,
    to: string,
    extra: Record<string, string | string[]> = {},
  ): void {
    journal.flush(); // a join's binding, before the phone gets its cookie
    res.writeHead(303, { Location: to, 'Cache-Control': 'no-store', ...extra }).end();
  }

  function deviceCookie(device: string): string {
    // HttpOnly: page scripts never see it. Session cookie: gone when the browser closes,
    // and useless anyway once the meeting's session ends.
    return `${DEVICE_COOKIE}=${device}; Path=/; HttpOnly; SameSite=Strict`;
  }

  function readBody(req: IncomingMessage): Promise<[string, string][] | 'TOO_LARGE'> {
    return new Promise((resolve, reject) => {
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > MAX_PHONE_MESSAGE_BYTES) {
        req.resume();
        return resolve('TOO_LARGE');
      }
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_PHONE_MESSAGE_BYTES) {
          resolve('TOO_LARGE');
          req.destroy();
        } else chunks.push(c);
      });
      req.on('end', () =>
        resolve([...new URLSearchParams(Buffer.concat(chunks).toString('utf8'))]),
      );
      req.on('error', reject);
    });
  }

  function resultView(lang: PhoneLang, a: Answer): PhoneView {
    const t = PHONE_TEXTS[lang];
    const poll = core.phoneState(null).poll;
    return {
      kind: 'result',
      ok: a.code === 'STORED',
      text: t.result[a.code],
      ...(a.issues ? { issues: explainIssues(lang, poll, a.issues) } : {}),
    };
  }

  /** The result page of one form ballot: a fixed local path, its poll and nonce (not secret). */
  function receiptUrl(pollId: string, nonce: string): string {
    return `/receipt?poll=${encodeURIComponent(pollId)}&nonce=${encodeURIComponent(nonce)}`;
  }

  /**
   * GET /receipt: the outcome of THIS poll and nonce, naming the poll, so a reload of an old
   * result never reads as a vote in the poll open now; that poll is offered instead. Null:
   * nothing to say about it (the phone's current page is /).
   */
  function receiptView(
    lang: PhoneLang,
    device: string | null,
    pollId: string,
    nonce: string,
  ): PhoneView | null {
    const o = core.outcomeFor(device, pollId, nonce);
    if (!o) return null;
    const t = PHONE_TEXTS[lang];
    const state = core.phoneState(device);
    const now = state.poll && state.poll.id !== pollId ? { next: state.poll.title } : {};
    const stateKey = phoneStateKey(state);
    if (o.answer === 'pending')
      return {
        kind: 'result',
        ok: true,
        text: t.pendingIn(o.title),
        refresh: receiptUrl(pollId, nonce),
        stateKey,
        ...now,
      };
    const { code } = o.answer;
    const named =
      code === 'STORED'
        ? t.storedIn(o.title)
        : code === 'ALREADY_VOTED'
          ? t.alreadyIn(o.title)
          : code === 'POLL_CLOSED'
            ? t.closedIn(o.title)
            : null;
    return {
      kind: 'result',
      ok: code === 'STORED',
      text: named ?? t.result[code],
      ...(named === null ? { heading: o.title } : {}),
      ended: !o.open && code !== 'POLL_CLOSED',
      stateKey,
      ...now,
    };
  }

  async function handlePhoneHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://phone');
    let device = deviceOf(req);
    const lang = langOf(req);
    const t = PHONE_TEXTS[lang];
    const get = req.method === 'GET' || req.method === 'HEAD';
    // Pages and forms: per device once it has one; before that per address, generously (a
    // venue router, or emulated phones on one machine, put many phones behind one address;
    // guessing join codes is limited separately, by failed attempts).
    const rate = device ? { burst: 60, perSecond: 10 } : { burst: 400, perSecond: 100 };
    if (!limiter(`http:${clientKey(req, device)}`, rate).take(Date.now())) {
      res.writeHead(429, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '5' });
      return void res.end(t.result.RATE_LIMITED);
    }
    if (get && url.pathname === '/app.js') {
      res.writeHead(200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'max-age=300',
        ...securityHeaders(req),
      });
      return void res.end(script);
    }
    // Browsers ask for it on every page: no icon, and no 404 in the phone's console.
    if (get && url.pathname === '/favicon.ico') {
      res.writeHead(204, { 'Cache-Control': 'max-age=86400', ...securityHeaders(req) });
      return void res.end();
    }
    if (get && url.pathname === '/app.css') {
      res.writeHead(200, {
        'Content-Type': 'text/css; charset=utf-8',
        'Cache-Control': 'max-age=300',
        ...securityHeaders(req),
      });
      return void res.end(css);
    }
    if (paused && url.pathname !== '/lang')
      return sendHtml(req, res, 503, { kind: 'result', ok: false, text: t.paused });
    if (get && url.pathname === '/lang') {
      const l = url.searchParams.get('l') === 'en' ? 'en' : 'cs';
      // The personal QR's code survives the language switch (only a valid code is carried).
      const code = normalizeJoinCode(url.searchParams.get('code') ?? '');
      return redirect(res, code ? `/?code=${encodeURIComponent(code)}` : '/', {
        'Set-Cookie': `${LANG_COOKIE}=${l}; Path=/; Max-Age=31536000; SameSite=Lax`,
      });
    }
    if (get && url.pathname === '/') {
      const extra: Record<string, string> = {};
      // Anonymous mode: a phone gets its device (one vote per device) on its first visit.
      if (!device && core.session?.mode === 'anonymous') {
        const joined = core.join(null, null);
        if (joined.ok) {
          device = joined.device;
          extra['Set-Cookie'] = deviceCookie(device);
        }
      }
      return sendHtml(
        req,
        res,
        200,
        {
          kind: 'state',
          state: core.phoneState(device),
          nonce: randomId(random),
          // The personal QR links to /?code=…: the code is filled in for the member to confirm.
          code: normalizeJoinCode(url.searchParams.get('code') ?? '') ?? undefined,
        },
        extra,
      );
    }
    if (get && url.pathname === '/receipt') {
      // Hostile values go nowhere: anything but a valid poll id and nonce is sent to /.
      const poll = url.searchParams.get('poll') ?? '';
      const nonce = url.searchParams.get('nonce') ?? '';
      const valid = RecordIdSchema.safeParse(poll).success && NonceSchema.safeParse(nonce).success;
      const view = valid ? receiptView(lang, device, poll, nonce) : null;
      if (view === null) return redirect(res, '/');
      return sendHtml(req, res, view.kind === 'result' && view.refresh ? 202 : 200, view);
    }
    if (req.method !== 'POST' || (url.pathname !== '/join' && url.pathname !== '/vote')) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end('Not found');
    }
    if (!sameOrigin(req)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end('Forbidden: the form came from another site.');
    }
    const body = await readBody(req);
    if (body === 'TOO_LARGE')
      return sendHtml(
        req,
        res,
        413,
        { kind: 'result', ok: false, text: t.result.TOO_LARGE },
        { Connection: 'close' },
      );
    const field = (name: string) => body.find(([k]) => k === name)?.[1] ?? '';

    if (url.pathname === '/join') {
      const code = normalizeJoinCode(field('code'));
      // What was typed, shown again in the field when it is refused (to correct one character).
      const typed = field('code').trim().slice(0, 20);
      const ip = `join:${req.socket.remoteAddress ?? '?'}`;
      // Only failed attempts count: twenty phones joining from one router are fine,
      // guessing codes is not.
      const failures = limiter(ip, JOIN_RATE_LIMIT);
      const result = core.join(code, device);
      if (result.ok) return redirect(res, '/', { 'Set-Cookie': deviceCookie(result.device) });
      if (result.reason === 'UNKNOWN_CODE' && !failures.take(Date.now()))
        return sendHtml(req, res, 429, {
          kind: 'state',
          state: core.phoneState(device),
          nonce: '',
          error: t.joinRateLimited,
          code: typed,
        });
      const error =
        result.reason === 'CODE_IN_USE'
          ? t.joinInUse
          : result.reason === 'DEVICE_HAS_CODE'
            ? t.joinDeviceHasCode
            : result.reason === 'NO_SESSION'
              ? t.noSession
              : t.joinUnknown;
      return sendHtml(req, res, result.reason === 'CODE_IN_USE' ? 409 : 400, {
        kind: 'state',
        state: core.phoneState(device),
        nonce: '',
        error,
        code: typed,
      });
    }

    // POST /vote. Every outcome the hub keeps for this poll and nonce answers 303 to its GET
    // result page (POST/Redirect/GET): a reload or Back never sends the form again, and the
    // page names its poll. Only answers that need the form again (or say the post was
    // unreadable) answer the POST itself; sending those again changes nothing.
    const pollId = field('poll');
    const nonce = field('nonce');
    const state = core.phoneState(device);
    const poll = state.poll && state.poll.id === pollId ? state.poll : null;
    if (!NonceSchema.safeParse(nonce).success)
      return sendHtml(req, res, 400, resultView(lang, { code: 'MALFORMED' }));
    if (core.receiptFor(device, pollId, nonce) !== null)
      return redirect(res, receiptUrl(pollId, nonce));
    const choice = poll ? choiceFromForm(poll.definition, body) : { choices: [] };
    if (choice === null)
      return sendHtml(req, res, 400, {
        kind: 'state',
        state,
        nonce,
        error: t.emptyVote,
        sent: body,
      });
    // The same boundary as a WebSocket ballot's (the hub's rules take a parsed choice).
    if (!PhoneChoiceSchema.safeParse(choice).success)
      return sendHtml(req, res, 400, resultView(lang, { code: 'MALFORMED' }));
    // Nothing chosen: counted as an abstention only after the explicit second button.
    if (poll && field('empty') !== '1' && formIsEmpty(poll.definition, body))
      return sendHtml(req, res, 200, {
        kind: 'state',
        state,
        nonce,
        error: t.emptyAsk,
        confirmEmpty: true,
      });
    const answer = await new Promise<Answer | null>((resolve) => {
      let settled = false;
      const done = (a: Answer | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(a);
      };
      const timer = setTimeout(() => {
        const id = core.ballotIdFor(device, pollId, nonce);
        if (id) core.unwait(id, done);
        done(null);
      }, formWaitMs);
      core.submit(device, pollId, nonce, choice, done);
    });
    if (answer === null) return redirect(res, receiptUrl(pollId, nonce));
    if (answer.code === 'INVALID_BALLOT' && !core.receiptFor(device, pollId, nonce))
      return sendHtml(req, res, 400, {
        kind: 'state',
        state,
        nonce,
        error: [t.result.INVALID_BALLOT, ...explainIssues(lang, poll, answer.issues ?? [])].join(
          ' ',
        ),
        sent: body,
      });
    if (core.outcomeFor(device, pollId, nonce) !== null)
      return redirect(res, receiptUrl(pollId, nonce));
    // Left: refusals with nothing kept (not joined, unknown poll); nothing was stored.
    return sendHtml(req, res, 400, resultView(lang, answer));
  }

  // ---- start ---------------------------------------------------------------------------------

  const adminPort = await new Promise<number>((resolve, reject) => {
    adminServer.once('error', reject);
    adminServer.listen(0, '127.0.0.1', () =>
      resolve((adminServer.address() as { port: number }).port),
    );
  });
  // After a restart: phones keep their URL when the address is still there.
  const previous = core.lan;
  if (previous) {
    core.setLan(null);
    await startLan(previous.address, previous.port).catch(() => undefined);
    armGrace(); // a restarted hub with no app window pauses the phones after the grace too
  }

  return {
    t: 'hub-ready',
    adminPort,
    secret,
    core,
    lanPort: () => core.lan?.port ?? null,
    async close() {
      if (statusTimer) clearTimeout(statusTimer);
      if (rewriteTimer) {
        clearTimeout(rewriteTimer);
        rewriteTimer = null;
        journal.rewrite(() => core.compact());
      }
      if (graceTimer) clearTimeout(graceTimer);
      const server = lanServer;
      lanServer = null;
      for (const p of phones) p.ws.terminate();
      if (server) {
        server.closeAllConnections();
        await new Promise<void>((r) => server.close(() => r()));
      }
      for (const a of admins) a.terminate();
      adminServer.closeAllConnections();
      await new Promise<void>((r) => adminServer.close(() => r()));
      journal.flush();
      closed = true;
      await journal.close();
    },
  };
}
