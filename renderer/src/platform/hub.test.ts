// The admin client over a fake transport: requests, ballots, acks, reconnects.
import { describe, expect, it, vi } from 'vitest';
import { connectHub, type HubTransport } from './hub';

function fakeTransport() {
  const sent: string[] = [];
  let handlers: Parameters<HubTransport['open']>[0] | null = null;
  let opens = 0;
  const transport: HubTransport = {
    open(h) {
      handlers = h;
      opens += 1;
      return { send: (t) => sent.push(t), close: () => h.onClose() };
    },
  };
  return {
    transport,
    sent,
    get opens() {
      return opens;
    },
    up: () => handlers!.onOpen(),
    down: () => handlers!.onClose(),
    receive: (msg: unknown) => handlers!.onMessage(JSON.stringify(msg)),
  };
}

describe('connectHub', () => {
  it('says hello as owner, queues requests until open, resolves responses', async () => {
    const f = fakeTransport();
    const hub = connectHub({ owner: true, transport: f.transport });
    const list = hub.interfaces();
    expect(f.sent).toEqual([]);
    f.up();
    expect(JSON.parse(f.sent[0]!)).toEqual({ t: 'hello', owner: true });
    const req = JSON.parse(f.sent[1]!);
    expect(req).toMatchObject({ t: 'req', op: 'interfaces' });
    f.receive({ t: 'res', id: req.id, ok: true, value: [{ name: 'wlan0', address: '10.0.0.2' }] });
    await expect(list).resolves.toEqual([{ name: 'wlan0', address: '10.0.0.2' }]);
    const start = hub.start({ address: '10.0.0.3' });
    const r2 = JSON.parse(f.sent[2]!);
    f.receive({
      t: 'res',
      id: r2.id,
      ok: false,
      error: { code: 'UNKNOWN_ADDRESS', message: 'no' },
    });
    await expect(start).rejects.toMatchObject({ code: 'UNKNOWN_ADDRESS' });
    hub.close();
  });

  it('hands valid ballots to listeners, drops malformed ones, sends acks', () => {
    const f = fakeTransport();
    const hub = connectHub({ owner: true, transport: f.transport });
    f.up();
    const got = vi.fn();
    hub.onBallots(got);
    const ballot = { id: 'b'.repeat(22), pollId: 'p1', voterId: 'v1', choice: { vote: 'yes' } };
    const other = { id: 'c'.repeat(22), pollId: 'p1', choice: { choices: ['o1'] } };
    f.receive({
      t: 'ballots',
      ballots: [ballot, { id: 'short', pollId: 'p1', choice: { vote: 'maybe' } }, other],
    });
    f.receive({ t: 'ballots', ballots: [{ id: 'short', pollId: 'p1', choice: {} }] });
    expect(got).toHaveBeenCalledTimes(1);
    expect(got).toHaveBeenCalledWith([ballot, other]);
    hub.acks([
      { id: ballot.id, result: { ok: true } },
      { id: other.id, result: { ok: false, code: 'ALREADY_VOTED' } },
    ]);
    expect(JSON.parse(f.sent.at(-1)!)).toEqual({
      t: 'acks',
      acks: [
        { id: ballot.id, result: { ok: true } },
        { id: other.id, result: { ok: false, code: 'ALREADY_VOTED' } },
      ],
    });
    hub.close();
  });

  it('reconnects after the link drops and says hello again', () => {
    vi.useFakeTimers();
    const f = fakeTransport();
    const hub = connectHub({ owner: false, transport: f.transport });
    const states: string[] = [];
    hub.onConnection((s) => states.push(s));
    f.up();
    f.down();
    vi.advanceTimersByTime(300);
    expect(f.opens).toBe(2);
    f.up();
    expect(f.sent.filter((s) => s.includes('hello'))).toHaveLength(2);
    expect(states).toEqual(['open', 'closed', 'connecting', 'open']);
    hub.close();
    vi.useRealTimers();
  });

  it('is unavailable without a transport', async () => {
    const hub = connectHub({ owner: true, transport: null });
    expect(hub.connection).toBe('unavailable');
    await expect(hub.status()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
