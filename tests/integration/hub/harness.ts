// Test helpers for the voting hub: real sockets on 127.0.0.1, an admin client that speaks the
// admin protocol, and phones that join over HTTP (cookie) and vote over WebSocket or forms.
import { request } from 'node:http';
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import {
  ADMIN_SECRET_HEADER,
  ADMIN_WS_PATH,
  DEVICE_COOKIE,
  type AckResult,
  type AdminOpValues,
  type HubBallot,
  type HubPollSpec,
  type HubSession,
  type HubStatus,
  type HubToAdmin,
  type HubToPhone,
  type PhoneChoice,
} from '../../../shared/hub/protocol';
import { randomId } from '../../../shared/hub/rules';

export const rnd = (n: number) => new Uint8Array(randomBytes(n));
export const nonce = () => randomId(rnd);

export function once<T>(ws: WebSocket, pred: (m: T) => boolean, ms = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      ws.off('message', on);
      reject(new Error('timed out waiting for a message'));
    }, ms);
    const on = (data: WebSocket.RawData) => {
      const m = JSON.parse(data.toString()) as T;
      if (pred(m)) {
        clearTimeout(timer);
        ws.off('message', on);
        resolve(m);
      }
    };
    ws.on('message', on);
  });
}

export class Admin {
  ws: WebSocket;
  ballots: HubBallot[] = [];
  statuses: HubStatus[] = [];
  private id = 1;
  /** Called for every ballot; default: none (the test acks by hand). */
  onBallot: ((b: HubBallot) => void) | null = null;

  private constructor(ws: WebSocket) {
    this.ws = ws;
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString()) as HubToAdmin;
      if (m.t === 'ballots') {
        for (const b of m.ballots) {
          this.ballots.push(b);
          this.onBallot?.(b);
        }
      } else if (m.t === 'status') this.statuses.push(m.status);
    });
  }

  static connect(port: number, secret: string, owner = true): Promise<Admin> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${ADMIN_WS_PATH}`, {
      headers: { [ADMIN_SECRET_HEADER]: secret },
    });
    const admin = new Admin(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => {
        ws.send(JSON.stringify({ t: 'hello', owner }));
        resolve(admin);
      });
      ws.once('error', reject);
    });
  }

  async req<O extends keyof AdminOpValues>(
    op: O,
    args: Record<string, unknown> = {},
  ): Promise<AdminOpValues[O]> {
    const id = this.id++;
    const res = once<Extract<HubToAdmin, { t: 'res' }>>(
      this.ws,
      (m) => m.t === 'res' && m.id === id,
    );
    this.ws.send(JSON.stringify({ t: 'req', id, op, ...args }));
    const r = await res;
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    return r.value as AdminOpValues[O];
  }

  ack(id: string, result: AckResult = { ok: true }): void {
    this.ws.send(JSON.stringify({ t: 'ack', id, result }));
  }

  /** Acks every ballot at once, like an app that stores immediately. */
  autoAck(result: (b: HubBallot) => AckResult = () => ({ ok: true })): this {
    this.onBallot = (b) => this.ack(b.id, result(b));
    return this;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }
}

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function http(
  port: number,
  method: string,
  path: string,
  options: { cookie?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: {
          ...(options.cookie ? { Cookie: options.cookie } : {}),
          ...(options.body !== undefined
            ? {
                'Content-Type': 'application/x-www-form-urlencoded',
                'Content-Length': Buffer.byteLength(options.body),
              }
            : {}),
          ...options.headers,
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export function deviceCookie(res: HttpResult): string | undefined {
  const set = res.headers['set-cookie'];
  const line = (Array.isArray(set) ? set : set ? [set] : []).find((c) =>
    c.startsWith(`${DEVICE_COOKIE}=`),
  );
  return line?.split(';')[0];
}

export class Phone {
  ws!: WebSocket;
  states: Extract<HubToPhone, { t: 'state' }>[] = [];
  errors: string[] = [];
  constructor(
    readonly port: number,
    public cookie?: string,
  ) {}

  async join(code: string): Promise<HttpResult> {
    const res = await http(this.port, 'POST', '/join', {
      body: `code=${encodeURIComponent(code)}`,
      ...(this.cookie ? { cookie: this.cookie } : {}),
    });
    this.cookie = deviceCookie(res) ?? this.cookie;
    return res;
  }

  connect(): Promise<this> {
    this.ws = new WebSocket(`ws://127.0.0.1:${this.port}/ws`, {
      headers: this.cookie ? { Cookie: this.cookie } : {},
    });
    this.ws.on('message', (d) => {
      const m = JSON.parse(d.toString()) as HubToPhone;
      if (m.t === 'state') this.states.push(m);
      if (m.t === 'error') this.errors.push(m.code);
    });
    return new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve(this));
      this.ws.once('error', reject);
    });
  }

  vote(
    pollId: string,
    choice: PhoneChoice,
    n = nonce(),
  ): Promise<Extract<HubToPhone, { t: 'ack' }>> {
    const ack = once<Extract<HubToPhone, { t: 'ack' }>>(
      this.ws,
      (m) => m.t === 'ack' && m.nonce === n,
    );
    this.ws.send(JSON.stringify({ t: 'ballot', pollId, nonce: n, choice }));
    return ack;
  }

  close(): void {
    this.ws?.close();
  }
}

export const yesNo = (id = 'poll-1', secret = false): HubPollSpec => ({
  id,
  title: 'Schválení zápisu',
  secret,
  options: [],
  definition: { method: 'resolution', base: 'votesCast', majority: 'simple', tieRule: 'rejected' },
});

export const pointsPoll = (id = 'poll-p'): HubPollSpec => ({
  id,
  title: 'Priority',
  secret: true,
  options: [
    { id: 'a', label: 'Denní stacionář' },
    { id: 'b', label: 'Odlehčovací služba' },
    { id: 'c', label: 'Senior taxi' },
  ],
  definition: { method: 'points', options: ['a', 'b', 'c'], pointsPerVoter: 3 },
});

export function session(n: number, mode: HubSession['mode'] = 'members'): HubSession {
  const codes = Array.from({ length: n }, (_, i) => ({
    code: `CODE${String(i).padStart(2, '0')}`.replace(/[^A-Z0-9]/g, ''),
    voterId: `voter-${i}`,
    name: `Člen ${i}`,
  }));
  return {
    meetingId: 'meeting-1',
    title: 'Pracovní skupina Senioři',
    mode,
    joinCodes: mode === 'members' ? codes : [],
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
