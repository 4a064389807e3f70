// Simulated phones for the voting hub's load figures (issue 13): N phones join with their
// codes (HTTP, device cookie), open their WebSockets, then all send one ballot at the same
// moment; each measures send → acknowledgement. Used by suites/hub.suite.ts against a hub
// whose admin client acks at once, and usable against browser mode's hub (the app stores
// each ballot in IndexedDB before its ack) for the "stored within 1 s" figure.
import { request } from 'node:http';
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import type { HubToPhone, PhoneChoice, PhonePoll } from '../../shared/hub/protocol';
import { randomId } from '../../shared/hub/rules';

const rnd = (n: number) => new Uint8Array(randomBytes(n));

/** What a phone hears: the hub's messages, or its own ballot back from the echo baseline. */
type Heard = HubToPhone | { t: 'ballot'; nonce: string };

export interface SimPhone {
  ws: WebSocket;
  cookie: string;
  /** The open poll of the last state the hub pushed (a phone votes only in a poll it sees). */
  poll: PhonePoll | null;
  /** Hears every message, parsed once (a burst listens here). */
  onMessage: ((m: Heard) => void) | null;
}

/**
 * A phone over an open WebSocket: ONE listener and one JSON.parse per message, the same for
 * the hub's phones and the echo's clients (the two bursts cost the simulating process alike).
 */
export function simPhone(ws: WebSocket, cookie: string): SimPhone {
  const p: SimPhone = { ws, cookie, poll: null, onMessage: null };
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString()) as Heard;
    if (m.t === 'state') p.poll = m.poll;
    p.onMessage?.(m);
  });
  return p;
}

function joinCookie(port: number, code: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const body = `code=${encodeURIComponent(code)}`;
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/join',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        const set = res.headers['set-cookie']?.[0];
        if (res.statusCode !== 303 || !set) reject(new Error(`join ${code}: ${res.statusCode}`));
        else resolve(set.split(';')[0]!);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Joins every code and opens one WebSocket per phone. */
export async function connectPhones(port: number, codes: readonly string[]): Promise<SimPhone[]> {
  const phones: SimPhone[] = [];
  for (const code of codes) {
    const cookie = await joinCookie(port, code);
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers: { Cookie: cookie } });
    const phone = simPhone(ws, cookie);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    phones.push(phone);
  }
  return phones;
}

/**
 * Every phone sends one ballot at once; resolves with the send → ack times (ms) and the
 * answers. Rejects if an answer does not come within `timeoutMs`.
 */
export function burst(
  phones: readonly SimPhone[],
  pollId: string,
  choice: (i: number) => PhoneChoice,
  timeoutMs = 30_000,
): Promise<{ latencies: number[]; codes: string[]; spanMs: number }> {
  const latencies: number[] = new Array<number>(phones.length);
  const codes: string[] = new Array<string>(phones.length);
  let left = phones.length;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${left} acks missing`)), timeoutMs);
    const t0 = performance.now();
    phones.forEach((p, i) => {
      const nonce = randomId(rnd);
      let sent = 0;
      p.onMessage = (m) => {
        // An ack of the hub, or the same message back from the echo baseline.
        if ((m.t !== 'ack' && m.t !== 'ballot') || m.nonce !== nonce) return;
        latencies[i] = performance.now() - sent;
        codes[i] = m.t === 'ack' ? m.code : 'ECHO';
        p.onMessage = null;
        left -= 1;
        if (left === 0) {
          clearTimeout(timer);
          resolve({ latencies, codes, spanMs: performance.now() - t0 });
        }
      };
      sent = performance.now();
      p.ws.send(JSON.stringify({ t: 'ballot', pollId, nonce, choice: choice(i) }));
    });
  });
}

/** Resolves once every phone has been shown the poll (as a real phone must, before voting), or no poll. */
export async function allSee(
  phones: readonly SimPhone[],
  pollId: string | null,
  timeoutMs = 30_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!phones.every((p) => (p.poll?.id ?? null) === pollId)) {
    if (Date.now() > end) throw new Error(`phones did not see poll ${pollId}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}
