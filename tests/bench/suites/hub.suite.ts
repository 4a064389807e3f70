// The voting hub under load (issue 13): 200 simulated phones send their ballots at the same
// moment to the real hub process; an app process (as the renderer is) stores nothing and
// acks each ballot at once (the app's IndexedDB time is measured in Chromium, not here).
// Baseline in the same run: a bare `ws` echo server in its own process, 200 clients, one
// message of the same size each. Budget: p99 acknowledgement ≤ 2× the echo's p99. Note the
// ack is two round trips (phone → hub → app → hub → phone), the echo one.
// Warm, as any harness measures: V8 keeps compiling the hub's code (zod, the core, ws) on its
// background threads for the first ~20 bursts, and on 2 cores those threads take the CPU the
// hub's own thread and the simulated phones wait for; the echo's few functions are warm after
// one burst. So both get WARMUP bursts first, unmeasured, then RUNS measured ones, alternating;
// the very first burst of each (the cold hub of a meeting's first poll) is its own row.
// Also the phone page's size (< 30 KB).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import type { HubPollSpec, HubReadyMessage, HubToAdmin } from '../../../shared/hub/protocol';
import { generateJoinCode } from '../../../shared/hub/rules';
import { allSee, burst, connectPhones, percentile, simPhone, type SimPhone } from '../hubLoad';
import { budget, makeRow, type BenchRow } from '../table';

const PHONES = 200;
const WARMUP = Number(process.env.BENCH_HUB_WARMUP ?? 15);
const RUNS = Number(process.env.BENCH_HUB_RUNS ?? 25);
const rnd = (n: number) => new Uint8Array(randomBytes(n));

function firstLine(child: ChildProcess, match: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => match.test(l));
      if (line) resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}`)));
  });
}

const ECHO = `import { WebSocketServer } from 'ws';
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
wss.on('listening', () => console.log('echo ' + wss.address().port));
wss.on('connection', (ws) => ws.on('message', (d) => ws.send(d.toString())));`;

/**
 * The app: owner of the ballots, acks them at once (a store that takes no time). Like the
 * renderer (features/phoneVoting/store.ts) it answers each batch the hub sends with one acks.
 */
const APP = `import WebSocket from 'ws';
const ws = new WebSocket('ws://127.0.0.1:' + process.env.HUB_PORT + '/admin', { headers: { 'x-triada-hub-secret': process.env.HUB_SECRET } });
ws.on('open', () => { ws.send(JSON.stringify({ t: 'hello', owner: true })); console.log('app ready'); });
ws.on('message', (d) => { const m = JSON.parse(d.toString()); if (m.t === 'ballots') ws.send(JSON.stringify({ t: 'acks', acks: m.ballots.map((b) => ({ id: b.id, result: { ok: true } })) })); });`;

/**
 * CPU time (ms) a process has used, all its threads (V8 compiles and collects garbage beside
 * the main thread), from /proc's per-thread schedstat in nanoseconds (Linux; null elsewhere):
 * what the hub spends on a burst does not depend on how loaded the machine is, unlike its
 * latency.
 */
function cpuMs(pid: number | undefined): number | null {
  try {
    let ns = 0;
    for (const t of readdirSync(`/proc/${pid}/task`))
      ns += Number(readFileSync(`/proc/${pid}/task/${t}/schedstat`, 'utf8').split(' ')[0]);
    return ns / 1e6;
  } catch {
    return null;
  }
}

function get(port: number, path: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers: { Cookie: cookie } }, (res) => {
      let n = 0;
      res.on('data', (c: Buffer) => (n += c.length));
      res.on('end', () => resolve(n));
    })
      .on('error', reject)
      .end();
  });
}

export async function measure(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'triada-bench-hub-'));
  const children: ChildProcess[] = [];
  const sockets: WebSocket[] = [];
  try {
    const bundle = path.join(dir, 'hub.cjs');
    const built = spawnSync(
      process.execPath,
      [
        '-e',
        `import('./scripts/build-electron.mjs').then((m) => m.buildHub(${JSON.stringify(bundle)}))`,
      ],
      { cwd: process.cwd(), encoding: 'utf8' },
    );
    if (built.status !== 0) throw new Error(`building the hub failed: ${built.stderr}`);

    // The hub process, and an app that acks every ballot at once.
    // BENCH_HUB_CPU_PROF=folder: the hub process's CPU profile of the whole run (written when
    // it stops on SIGTERM below; open it in Chromium's DevTools, Performance panel).
    const prof = process.env.BENCH_HUB_CPU_PROF;
    const hub = spawn(
      process.execPath,
      [
        ...(prof
          ? ['--cpu-prof', '--cpu-prof-interval=100', `--cpu-prof-dir=${path.resolve(prof)}`]
          : []),
        bundle,
        '--data-dir',
        path.join(dir, 'data'),
        '--allow-loopback',
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    children.push(hub);
    const ready = JSON.parse(await firstLine(hub, /hub-ready/)) as HubReadyMessage;
    const admin = new WebSocket(`ws://127.0.0.1:${ready.adminPort}/admin`, {
      headers: { 'x-triada-hub-secret': ready.secret },
    });
    sockets.push(admin);
    await new Promise((r) => admin.once('open', r));
    let reqId = 0;
    const pending = new Map<number, (m: HubToAdmin) => void>();
    admin.on('message', (data) => {
      const m = JSON.parse(data.toString()) as HubToAdmin;
      if (m.t === 'res') pending.get(m.id)?.(m);
    });
    const req = (op: string, args: object = {}) =>
      new Promise<HubToAdmin>((resolve) => {
        const id = ++reqId;
        pending.set(id, resolve);
        admin.send(JSON.stringify({ t: 'req', id, op, ...args }));
      });
    // This client only sends requests; the app that acks is its own process, as the renderer is.
    admin.send(JSON.stringify({ t: 'hello', owner: false }));
    const app = spawn(process.execPath, ['--input-type=module', '-e', APP], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, HUB_PORT: String(ready.adminPort), HUB_SECRET: ready.secret },
    });
    children.push(app);
    await firstLine(app, /^app ready/);
    const taken = new Set<string>();
    const joinCodes = Array.from({ length: PHONES }, (_, i) => {
      const code = generateJoinCode(rnd, taken);
      taken.add(code);
      return { code, voterId: `voter-${i}`, name: `Člen ${i}` };
    });
    await req('setSession', {
      session: { meetingId: 'bench', title: 'Zátěžový test', mode: 'members', joinCodes },
    });
    const started = (await req('start', { address: '127.0.0.1', port: 0 })) as {
      value: { port: number };
    };
    const port = started.value.port;
    const phones: SimPhone[] = await connectPhones(port, [...taken]);
    sockets.push(...phones.map((p) => p.ws));

    // The echo baseline, in its own process like the hub.
    const echo = spawn(process.execPath, ['--input-type=module', '-e', ECHO], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(echo);
    const echoPort = Number((await firstLine(echo, /^echo \d+/)).split(' ')[1]);
    const echoClients: WebSocket[] = [];
    for (let i = 0; i < PHONES; i += 1) {
      const ws = new WebSocket(`ws://127.0.0.1:${echoPort}`);
      await new Promise((r) => ws.once('open', r));
      echoClients.push(ws);
    }
    sockets.push(...echoClients);
    const echoPhones = echoClients.map((ws) => simPhone(ws, ''));

    const options = Array.from({ length: 8 }, (_, i) => ({
      id: `o${i}`,
      label: `Priorita ${i + 1}: ${'služba '.repeat(3)}`,
    }));
    const hubP99: number[] = [];
    const hubMedian: number[] = [];
    const spans: number[] = [];
    const echoP99: number[] = [];
    const echoMedian: number[] = [];
    let refused = 0;
    const hubCpu: number[] = [];
    const echoCpu: number[] = [];
    const cold = { hub: 0, echo: 0 };
    for (let run = 0; run < WARMUP + RUNS; run += 1) {
      const measured = run >= WARMUP;
      const poll: HubPollSpec = {
        id: `run-${run}`,
        title: `Priority ${run + 1}`,
        secret: true,
        options,
        definition: { method: 'points', options: options.map((o) => o.id), pointsPerVoter: 3 },
      };
      await req('openPoll', { poll });
      // The phones vote in a poll they have been shown (its state push), as real phones do.
      await allSee(phones, poll.id);
      const choice = (i: number) => ({ points: { [`o${i % 8}`]: 2, [`o${(i + 3) % 8}`]: 1 } });
      const cpu0 = cpuMs(hub.pid);
      const h = await burst(phones, poll.id, choice);
      // Until the hub is idle again (the journal's rewrite after the last acks included).
      await new Promise((r) => setTimeout(r, 200));
      const cpu1 = cpuMs(hub.pid);
      refused += h.codes.filter((c) => c !== 'STORED').length;
      if (run === 0) cold.hub = percentile(h.latencies, 99);
      if (measured) {
        if (cpu0 !== null && cpu1 !== null) hubCpu.push(cpu1 - cpu0);
        hubP99.push(percentile(h.latencies, 99));
        hubMedian.push(percentile(h.latencies, 50));
        spans.push(h.spanMs);
      }
      await req('closePoll', { pollId: poll.id });
      // The close reaches every phone before the echo's burst (not during it).
      await allSee(phones, null);
      // The echo: a message of the same size as a ballot.
      const ecpu0 = cpuMs(echo.pid);
      const e = await burst(echoPhones, poll.id, choice);
      await new Promise((r) => setTimeout(r, 200));
      const ecpu1 = cpuMs(echo.pid);
      if (run === 0) cold.echo = percentile(e.latencies, 99);
      if (measured) {
        if (ecpu0 !== null && ecpu1 !== null) echoCpu.push(ecpu1 - ecpu0);
        echoP99.push(percentile(e.latencies, 99));
        echoMedian.push(percentile(e.latencies, 50));
      }
    }

    // The phone page as a phone loads it for a points poll with 8 options: HTML + JS + CSS.
    await req('openPoll', {
      poll: {
        id: 'size',
        title: 'Priority na rok 2027',
        secret: true,
        options,
        definition: { method: 'points', options: options.map((o) => o.id), pointsPerVoter: 3 },
      },
    });
    const cookie = phones[0]!.cookie;
    const pageBytes =
      (await get(port, '/', cookie)) +
      (await get(port, '/app.js', cookie)) +
      (await get(port, '/app.css', cookie));

    const note = refused ? `${refused} ballots were not STORED` : undefined;
    return [
      makeRow({
        figure: `Hub: ballot acknowledged, p99 (${PHONES} phones at once, app acks at once; warm)`,
        unit: 'ms',
        where: 'node',
        runs: hubP99,
        baselineRuns: echoP99,
        baselineLabel: 'bare ws echo p99',
        budget: budget.ratioAtMost(2),
        ...(note ? { note } : {}),
      }),
      makeRow({
        figure: `Hub: ballot acknowledged, p99 of the first burst after start (cold)`,
        unit: 'ms',
        where: 'node',
        value: cold.hub,
        baseline: cold.echo,
        baselineLabel: 'bare ws echo, its first burst',
        budget: budget.report('one burst: noisy; the warm row is the budget'),
      }),
      makeRow({
        figure: `Hub: ballot acknowledged, median (${PHONES} phones)`,
        unit: 'ms',
        where: 'node',
        runs: hubMedian,
        baselineRuns: echoMedian,
        baselineLabel: 'bare ws echo median',
        budget: budget.report(),
      }),
      makeRow({
        figure: `Hub: all ${PHONES} ballots acknowledged (first send → last ack)`,
        unit: 'ms',
        where: 'node',
        runs: spans,
        budget: budget.report('hub share of "stored within 1 s" (IndexedDB: Chromium row)'),
      }),
      ...(hubCpu.length
        ? [
            makeRow({
              figure: `Hub: CPU time of the hub process per burst of ${PHONES} ballots`,
              unit: 'ms',
              where: 'node',
              runs: hubCpu,
              ...(echoCpu.length === hubCpu.length
                ? { baselineRuns: echoCpu, baselineLabel: 'bare ws echo, same burst' }
                : {}),
              budget: budget.report('less load-sensitive than the latencies'),
              note: 'all threads, /proc schedstat; burst + 200 ms after it',
            }),
          ]
        : []),
      makeRow({
        figure: 'Phone page, points poll with 8 options (HTML + JS + CSS)',
        unit: 'KB',
        where: 'node',
        value: pageBytes / 1024,
        budget: budget.below(30),
        note: 'uncompressed, as the hub sends it',
      }),
    ];
  } finally {
    for (const s of sockets) s.terminate();
    // The hub first, gracefully (its profile is written on a clean exit).
    const hub = children[0];
    if (hub && hub.exitCode === null) {
      const exited = new Promise((r) => hub.once('exit', r));
      hub.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    for (const c of children) c.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}
