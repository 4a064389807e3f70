// The hub's rules as a state machine with no I/O: sessions and join codes, devices, polls,
// receipts (one per voter and poll), ballots waiting for the app's acknowledgement. The server
// (server.ts) feeds it parsed messages; every change is written to the journal first, so a
// restarted hub replays the journal into the same state (journal.ts).
import {
  type AckResult,
  type HubBallot,
  type HubPollSpec,
  type HubSession,
  type HubStatus,
  type HubToPhone,
  type PhoneChoice,
  type PhonePoll,
  type PhoneResultCode,
} from '../../shared/hub/protocol';
import { checkPhoneChoice, randomId, type RandomBytes } from '../../shared/hub/rules';
import type { BallotIssue } from '../../shared/voting/validate';

/** One line of the journal. Secret ballots appear only while unacknowledged: the server
 * rewrites the journal (compact()) within 100 ms of a secret ballot's ack. */
export type JournalEvent =
  | { e: 'session'; session: HubSession | null }
  | { e: 'bind'; code: string; device: string }
  | { e: 'device'; device: string }
  | { e: 'open'; poll: HubPollSpec }
  | { e: 'close'; pollId: string }
  | {
      e: 'ballot';
      id: string;
      pollId: string;
      key: string;
      nonce: string;
      voterId?: string;
      choice: PhoneChoice;
    }
  | { e: 'ack'; id: string; code: PhoneResultCode }
  | { e: 'receipt'; pollId: string; key: string; nonce: string; code: PhoneResultCode }
  | { e: 'lan'; address: string; port: number }
  | { e: 'lanStop' };

export interface CoreDeps {
  random: RandomBytes;
  /** Appends one event to the journal (synchronously, before anyone is told). */
  journal(event: JournalEvent): void;
  /** Sends a ballot to the owner app window, if one is connected. */
  deliver(ballot: HubBallot): void;
  /**
   * Something the status shows changed. `scope`: only the phones of that voter key or device
   * can see a difference (a ballot, a join); without it, every phone's state may have changed.
   */
  changed(scope?: string): void;
}

export interface Answer {
  code: PhoneResultCode;
  issues?: BallotIssue[];
}

interface PollState {
  spec: HubPollSpec;
  open: boolean;
  /** Voter keys that have a stored ballot (or voted another way: spec.voted). */
  voted: Set<string>;
  stored: number;
}

interface Receipt {
  nonce: string;
  ballotId?: string;
  /** undefined while the app has not acknowledged it. */
  code?: PhoneResultCode;
}

interface PendingBallot {
  ballot: HubBallot;
  key: string;
  nonce: string;
}

type PhoneState = Extract<HubToPhone, { t: 'state' }>;

/** Who votes from a device: a member (their voter id) or, in anonymous mode, the device. */
interface Voter {
  key: string;
  voterId?: string;
  name?: string;
}

const phonePoll = (spec: HubPollSpec): PhonePoll => ({
  id: spec.id,
  title: spec.title,
  secret: spec.secret,
  options: spec.options,
  definition: spec.definition,
});

/** Refusals after which the voter may send another ballot (the first one did not count). */
const RETRYABLE: ReadonlySet<PhoneResultCode> = new Set(['INVALID_BALLOT', 'UNAVAILABLE']);
const receiptKey = (pollId: string, key: string) => `${pollId}\u0000${key}`;

export class HubCore {
  session: HubSession | null = null;
  private codes = new Map<string, { voterId: string; name: string }>();
  /** join code → device id */
  private bindings = new Map<string, string>();
  /** device id → join code (members) or '' (anonymous device) */
  private devices = new Map<string, string>();
  private polls = new Map<string, PollState>();
  private receipts = new Map<string, Receipt>();
  private pending = new Map<string, PendingBallot>();
  private waiters = new Map<string, Set<(a: Answer) => void>>();
  /** device id → its voter (see voterOf), dropped when the session or the device changes. */
  private voters = new Map<string, Voter | null>();
  /** The open poll as phones see it, serialized once (every phone's state carries it). */
  private pollJson = new WeakMap<HubPollSpec, string>();
  lan: { address: string; port: number } | null = null;

  constructor(private readonly deps: CoreDeps) {}

  // ---- admin side ------------------------------------------------------------------------

  /** Same meeting again: codes are updated and bindings of kept codes survive. */
  setSession(session: HubSession | null, replay = false): void {
    if (!replay) this.deps.journal({ e: 'session', session });
    const same = session !== null && this.session?.meetingId === session.meetingId;
    if (!same) {
      this.bindings.clear();
      this.devices.clear();
      this.polls.clear();
      this.receipts.clear();
    }
    this.session = session;
    this.voters.clear();
    this.codes = new Map((session?.joinCodes ?? []).map((j) => [j.code, j]));
    for (const [code, device] of [...this.bindings]) {
      if (!this.codes.has(code)) {
        this.bindings.delete(code);
        this.devices.delete(device);
      }
    }
    this.deps.changed();
  }

  /** Opening an open poll again only updates it: its voted set and receipts are kept. */
  openPoll(spec: HubPollSpec, replay = false): void {
    if (!replay) this.deps.journal({ e: 'open', poll: spec });
    const existing = this.polls.get(spec.id);
    const voted = existing?.voted ?? new Set<string>();
    for (const v of spec.voted ?? []) voted.add(v);
    this.polls.set(spec.id, { spec, open: true, voted, stored: existing?.stored ?? 0 });
    this.deps.changed();
  }

  closePoll(pollId: string, replay = false): boolean {
    const poll = this.polls.get(pollId);
    if (!poll) return false;
    if (!replay) this.deps.journal({ e: 'close', pollId });
    poll.open = false;
    this.deps.changed();
    return true;
  }

  /**
   * The app's answer for one ballot. Unknown or already answered ids are ignored. Returns true
   * when the answered ballot belonged to a secret poll: the caller must then rewrite the journal
   * at once, so no file keeps that voter next to that choice (see compact()).
   */
  ack(id: string, result: AckResult, replay = false): boolean {
    const p = this.pending.get(id);
    if (!p) return false;
    const code: PhoneResultCode = result.ok ? 'STORED' : result.code;
    this.applyAck(p, code, replay);
    return this.polls.get(p.ballot.pollId)?.spec.secret === true;
  }

  private applyAck(p: PendingBallot, code: PhoneResultCode, replay: boolean): void {
    if (!replay) this.deps.journal({ e: 'ack', id: p.ballot.id, code });
    this.pending.delete(p.ballot.id);
    const poll = this.polls.get(p.ballot.pollId);
    if (code === 'STORED' && poll) {
      poll.voted.add(p.key);
      poll.stored += 1;
    }
    // The app knows the member voted some other way: remember it for this poll.
    if (code === 'ALREADY_VOTED' && poll) poll.voted.add(p.key);
    const r = this.receipts.get(receiptKey(p.ballot.pollId, p.key));
    if (r && r.ballotId === p.ballot.id) r.code = code;
    const waiting = this.waiters.get(p.ballot.id);
    this.waiters.delete(p.ballot.id);
    for (const w of waiting ?? []) w({ code });
    this.deps.changed(p.key);
  }

  /**
   * Every unacknowledged ballot, in random order (a replay must not give the order of
   * voting), for a newly connected owner.
   */
  pendingBallots(): HubBallot[] {
    const list = [...this.pending.values()].map((p) => p.ballot);
    // One draw of random bytes for the whole shuffle (4 per place), not two calls per ballot.
    const bytes = this.deps.random(4 * list.length);
    for (let i = list.length - 1; i > 0; i -= 1) {
      const r =
        ((bytes[4 * i]! << 24) | (bytes[4 * i + 1]! << 16) | (bytes[4 * i + 2]! << 8)) >>> 0;
      const j = (r + bytes[4 * i + 3]!) % (i + 1);
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return list;
  }

  status(connected: number, ownerConnected: boolean): HubStatus {
    const joined = [...this.bindings.keys()]
      .map((code) => this.codes.get(code)?.voterId)
      .filter((v): v is string => v !== undefined)
      .sort();
    const pendingByPoll = new Map<string, number>();
    for (const p of this.pending.values())
      pendingByPoll.set(p.ballot.pollId, (pendingByPoll.get(p.ballot.pollId) ?? 0) + 1);
    return {
      lan: this.lan
        ? { running: true, ...this.lan, url: `http://${this.lan.address}:${this.lan.port}/` }
        : { running: false },
      session: this.session ? { meetingId: this.session.meetingId, mode: this.session.mode } : null,
      joined,
      devices: this.devices.size,
      connected,
      ownerConnected,
      polls: [...this.polls.values()].map((p) => ({
        id: p.spec.id,
        open: p.open,
        stored: p.stored,
        pending: pendingByPoll.get(p.spec.id) ?? 0,
      })),
    };
  }

  setLan(lan: { address: string; port: number } | null, replay = false): void {
    if (!replay) this.deps.journal(lan ? { e: 'lan', ...lan } : { e: 'lanStop' });
    this.lan = lan;
    this.deps.changed();
  }

  // ---- phone side ------------------------------------------------------------------------

  /** Is this a device the hub gave out in this session? */
  knowsDevice(device: string): boolean {
    return this.devices.has(device);
  }

  /**
   * Binds a join code to a device (a new device id when it has none). One code, one device;
   * one device, one code.
   */
  join(
    code: string | null,
    device: string | null,
  ):
    | { ok: true; device: string }
    | { ok: false; reason: 'NO_SESSION' | 'UNKNOWN_CODE' | 'CODE_IN_USE' | 'DEVICE_HAS_CODE' } {
    if (!this.session) return { ok: false, reason: 'NO_SESSION' };
    const known = device !== null && this.devices.has(device) ? device : null;
    if (this.session.mode === 'anonymous') {
      if (known) return { ok: true, device: known };
      const fresh = randomId(this.deps.random);
      this.deps.journal({ e: 'device', device: fresh });
      this.devices.set(fresh, '');
      this.voters.delete(fresh);
      this.deps.changed(fresh);
      return { ok: true, device: fresh };
    }
    if (code === null || !this.codes.has(code)) return { ok: false, reason: 'UNKNOWN_CODE' };
    const holder = this.bindings.get(code);
    if (holder !== undefined) {
      return holder === known ? { ok: true, device: holder } : { ok: false, reason: 'CODE_IN_USE' };
    }
    if (known && this.devices.get(known)) return { ok: false, reason: 'DEVICE_HAS_CODE' };
    const id = known ?? randomId(this.deps.random);
    this.bind(code, id);
    this.deps.journal({ e: 'bind', code, device: id });
    this.deps.changed(id);
    return { ok: true, device: id };
  }

  bind(code: string, device: string): void {
    this.bindings.set(code, device);
    this.devices.set(device, code);
    this.voters.delete(device);
  }

  addDevice(device: string): void {
    this.devices.set(device, '');
    this.voters.delete(device);
  }

  /** The key whose changes a device's phones see (see CoreDeps.changed). */
  voterKey(device: string | null): string | null {
    return this.voterOf(device)?.key ?? null;
  }

  /** The voter key of a device: the member's voter id, or the device itself in anonymous mode. */
  private voterOf(device: string | null): Voter | null {
    if (!this.session || device === null) return null;
    let voter = this.voters.get(device);
    if (voter !== undefined) return voter;
    voter = null;
    if (this.session.mode === 'anonymous') {
      if (this.devices.has(device)) voter = { key: `device:${device}` };
    } else {
      const code = this.devices.get(device);
      const entry = code ? this.codes.get(code) : undefined;
      if (entry) voter = { key: entry.voterId, voterId: entry.voterId, name: entry.name };
    }
    // Unknown devices are not remembered: anyone may send any cookie.
    if (voter) this.voters.set(device, voter);
    return voter;
  }

  /** The open poll phones see: the most recently opened one that is still open. */
  openPhonePoll(): PollState | null {
    let found: PollState | null = null;
    for (const p of this.polls.values()) if (p.open) found = p;
    return found;
  }

  phoneState(device: string | null): PhoneState {
    const { poll, ...rest } = this.stateOf(device);
    return { ...rest, poll: poll && phonePoll(poll.spec) };
  }

  /**
   * JSON of phoneState(device), what the hub sends and compares: the poll's part is serialized
   * once per opened poll, not for every phone and every ballot (it was the hub's largest cost
   * per ballot in a burst).
   */
  phoneStateJson(device: string | null): string {
    const { poll, ...rest } = this.stateOf(device);
    const pollJson = poll ? this.pollJsonOf(poll.spec) : 'null';
    return `{"poll":${pollJson},${JSON.stringify(rest).slice(1)}`;
  }

  private pollJsonOf(spec: HubPollSpec): string {
    let json = this.pollJson.get(spec);
    if (json === undefined) {
      json = JSON.stringify(phonePoll(spec));
      this.pollJson.set(spec, json);
    }
    return json;
  }

  private stateOf(device: string | null): Omit<PhoneState, 'poll'> & { poll: PollState | null } {
    const voter = this.voterOf(device);
    const poll = this.openPhonePoll();
    const receipt =
      poll && voter ? this.receipts.get(receiptKey(poll.spec.id, voter.key)) : undefined;
    const state: Omit<PhoneState, 'poll'> & { poll: PollState | null } = {
      t: 'state',
      mode: this.session?.mode ?? null,
      joined: voter !== null,
      poll,
      voted:
        poll !== null &&
        voter !== null &&
        (poll.voted.has(voter.key) || (receipt !== undefined && receipt.code === undefined)),
    };
    if (voter?.name !== undefined) state.name = voter.name;
    return state;
  }

  /** The answer already given for this nonce (a resend), or null. */
  receiptFor(device: string | null, pollId: string, nonce: string): Answer | 'pending' | null {
    const voter = this.voterOf(device);
    if (!voter) return null;
    const r = this.receipts.get(receiptKey(pollId, voter.key));
    if (!r || r.nonce !== nonce) return null;
    return r.code === undefined ? 'pending' : { code: r.code };
  }

  /**
   * What a phone's result page (GET /receipt) says about this poll and nonce, from the hub's
   * own state (never from the URL): the answer to this nonce, else "already voted" when the
   * voter has a ballot there, else "closed"; null when there is nothing to report (the poll
   * is open and not voted in, or unknown, or the device has no voter). Also the poll's title
   * and whether it is still open.
   */
  outcomeFor(
    device: string | null,
    pollId: string,
    nonce: string,
  ): { answer: Answer | 'pending'; title: string; open: boolean } | null {
    const voter = this.voterOf(device);
    const poll = this.polls.get(pollId);
    if (!voter || !poll) return null;
    const r = this.receipts.get(receiptKey(pollId, voter.key));
    let answer: Answer | 'pending';
    if (r && r.nonce === nonce) answer = r.code === undefined ? 'pending' : { code: r.code };
    else if (poll.voted.has(voter.key) || (r !== undefined && r.code === undefined))
      answer = { code: 'ALREADY_VOTED' };
    else if (!poll.open) answer = { code: 'POLL_CLOSED' };
    else return null;
    return { answer, title: poll.spec.title, open: poll.open };
  }

  /**
   * One ballot from a phone; `choice` has passed PhoneChoiceSchema (the server's boundary, for
   * WebSocket messages and form posts alike). `answer` is called exactly once: at once for a refusal or a
   * resend whose answer is known, or when the app acknowledges the ballot.
   */
  submit(
    device: string | null,
    pollId: string,
    nonce: string,
    choice: PhoneChoice,
    answer: (a: Answer) => void,
  ): void {
    if (!this.session) return answer({ code: 'UNKNOWN_POLL' });
    const voter = this.voterOf(device);
    if (!voter) return answer({ code: 'NOT_JOINED' });
    const poll = this.polls.get(pollId);
    if (!poll) return answer({ code: 'UNKNOWN_POLL' });
    const rk = receiptKey(pollId, voter.key);
    const receipt = this.receipts.get(rk);
    if (receipt && receipt.nonce === nonce) {
      if (receipt.code !== undefined) return answer({ code: receipt.code });
      if (receipt.ballotId) return this.wait(receipt.ballotId, answer);
    }
    if (!poll.open) return answer({ code: 'POLL_CLOSED' });
    if (poll.voted.has(voter.key)) return answer({ code: 'ALREADY_VOTED' });
    if (receipt && !(receipt.code !== undefined && RETRYABLE.has(receipt.code)))
      return answer({ code: 'ALREADY_VOTED' });
    const issues = checkPhoneChoice(poll.spec.definition, choice);
    if (issues.length > 0) return answer({ code: 'INVALID_BALLOT', issues });

    const ballot: HubBallot = {
      id: randomId(this.deps.random),
      pollId,
      ...(voter.voterId !== undefined ? { voterId: voter.voterId } : {}),
      choice,
    };
    this.deps.journal({
      e: 'ballot',
      id: ballot.id,
      pollId,
      key: voter.key,
      nonce,
      ...(voter.voterId !== undefined ? { voterId: voter.voterId } : {}),
      choice,
    });
    this.addPending(ballot, voter.key, nonce);
    this.wait(ballot.id, answer);
    this.deps.deliver(ballot);
    this.deps.changed(voter.key);
  }

  addPending(ballot: HubBallot, key: string, nonce: string): void {
    this.pending.set(ballot.id, { ballot, key, nonce });
    this.receipts.set(receiptKey(ballot.pollId, key), { nonce, ballotId: ballot.id });
  }

  private wait(ballotId: string, answer: (a: Answer) => void): void {
    let set = this.waiters.get(ballotId);
    if (!set) this.waiters.set(ballotId, (set = new Set()));
    set.add(answer);
  }

  /** Drops a waiter (a phone that went away); the ballot itself stays pending. */
  unwait(ballotId: string, answer: (a: Answer) => void): void {
    this.waiters.get(ballotId)?.delete(answer);
  }

  ballotIdFor(device: string | null, pollId: string, nonce: string): string | null {
    const voter = this.voterOf(device);
    const r = voter ? this.receipts.get(receiptKey(pollId, voter.key)) : undefined;
    return r && r.nonce === nonce && r.code === undefined ? (r.ballotId ?? null) : null;
  }

  // ---- journal replay and compaction -----------------------------------------------------

  /** Applies one journal line (at start-up). */
  replay(event: JournalEvent): void {
    switch (event.e) {
      case 'session':
        return this.setSession(event.session, true);
      case 'bind':
        return this.bind(event.code, event.device);
      case 'device':
        return this.addDevice(event.device);
      case 'open':
        return this.openPoll(event.poll, true);
      case 'close':
        return void this.closePoll(event.pollId, true);
      case 'ballot':
        return this.addPending(
          {
            id: event.id,
            pollId: event.pollId,
            ...(event.voterId !== undefined ? { voterId: event.voterId } : {}),
            choice: event.choice,
          },
          event.key,
          event.nonce,
        );
      case 'ack': {
        const p = this.pending.get(event.id);
        if (p) this.applyAck(p, event.code, true);
        return;
      }
      case 'receipt': {
        this.receipts.set(receiptKey(event.pollId, event.key), {
          nonce: event.nonce,
          code: event.code,
        });
        const poll = this.polls.get(event.pollId);
        if (poll && event.code === 'STORED') {
          poll.voted.add(event.key);
          poll.stored += 1;
        }
        if (poll && event.code === 'ALREADY_VOTED') poll.voted.add(event.key);
        return;
      }
      case 'lan':
        return this.setLan({ address: event.address, port: event.port }, true);
      case 'lanStop':
        return this.setLan(null, true);
    }
  }

  /**
   * The whole state as journal lines, without the contents of acknowledged ballots (so no
   * secret ballot stays on disk next to its voter once the app has stored it). Receipts keep
   * only voter, nonce and answer; pending ballots are written in random order.
   */
  compact(): JournalEvent[] {
    const out: JournalEvent[] = [{ e: 'session', session: this.session }];
    for (const [code, device] of this.bindings) out.push({ e: 'bind', code, device });
    for (const [device, code] of this.devices) if (code === '') out.push({ e: 'device', device });
    for (const p of this.polls.values()) {
      out.push({ e: 'open', poll: p.spec });
      if (!p.open) out.push({ e: 'close', pollId: p.spec.id });
    }
    for (const [rk, r] of this.receipts) {
      if (r.code === undefined) continue;
      const [pollId, key] = rk.split('\u0000') as [string, string];
      out.push({ e: 'receipt', pollId, key, nonce: r.nonce, code: r.code });
    }
    for (const b of this.pendingBallots()) {
      const p = this.pending.get(b.id)!;
      out.push({
        e: 'ballot',
        id: b.id,
        pollId: b.pollId,
        key: p.key,
        nonce: p.nonce,
        ...(b.voterId !== undefined ? { voterId: b.voterId } : {}),
        choice: b.choice,
      });
    }
    if (this.lan) out.push({ e: 'lan', ...this.lan });
    return out;
  }

  get pendingCount(): number {
    return this.pending.size;
  }
}
