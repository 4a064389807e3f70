// The phone page's words and its guard against one accidental tap: an empty form counts only
// after the explicit "vote empty" button; a voted phone does not also say "waiting"; the
// anonymous poll is not called secret; the language follows the phone and keeps the QR code.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubPollSpec } from '../../../shared/hub/protocol';
import { startHub, type HubHandle } from '../../../electron/hub/server';
import { Admin, deviceCookie, http, pointsPoll, session, yesNo, type HttpResult } from './harness';

let dir = '';
let hub: HubHandle;
let admin: Admin;
let lan = 0;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'triada-hub-page-'));
  hub = await startHub({ dataDir: dir, allowLoopback: true, formWaitMs: 1500 });
  admin = (await Admin.connect(hub.adminPort, hub.secret)).autoAck();
  await admin.req('setSession', { session: session(9) });
  lan = (await admin.req('start', { address: '127.0.0.1', port: 0 })).port;
});

afterEach(async () => {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

const opts = [
  { id: 'a', label: 'Denní stacionář' },
  { id: 'b', label: 'Odlehčovací služba' },
  { id: 'c', label: 'Senior taxi' },
];
const ids = ['a', 'b', 'c'];
const poll = (definition: HubPollSpec['definition'], secret = true): HubPollSpec => ({
  id: `poll-${definition.method}`,
  title: 'Priority',
  secret,
  options: opts,
  definition,
});

async function member(code: string): Promise<string> {
  const joined = await http(lan, 'POST', '/join', { body: `code=${code}` });
  return deviceCookie(joined)!;
}

function nonceOf(html: string): string {
  return /name="nonce" value="([^"]+)"/.exec(html)![1]!;
}

/** A form POST answered 303 to its result page (POST/Redirect/GET): that page. */
async function follow(res: HttpResult, cookie: string): Promise<HttpResult> {
  expect(res.status).toBe(303);
  const to = res.headers.location as string;
  expect(to).toMatch(/^\/receipt\?poll=[\w%-]+&nonce=[\w-]+$/);
  return http(lan, 'GET', to, { cookie });
}

describe('an empty ballot needs a deliberate second button', () => {
  const cases: [HubPollSpec, string][] = [
    [poll({ method: 'singleChoice', options: ids }), ''],
    [poll({ method: 'approval', options: ids }), ''],
    [poll({ method: 'points', options: ids, pointsPerVoter: 3 }), '&p%3Aa=0&p%3Ab=0&p%3Ac=0'],
    [poll({ method: 'borda', options: ids, minRanks: 0 }), '&r%3Aa=&r%3Ab=&r%3Ac='],
  ];
  for (const [spec, fields] of cases) {
    it(`${spec.definition.method}: asks first, counts only after "vote empty"`, async () => {
      await admin.req('openPoll', { poll: spec });
      const cookie = await member('CODE01');
      const page = await http(lan, 'GET', '/', { cookie });
      expect(page.body).toMatch(
        /<button type="submit" name="empty" value="1" id="empty" class="secondary" hidden>/,
      );
      const n = nonceOf(page.body);
      const body = `poll=${spec.id}&nonce=${n}${fields}`;
      const asked = await http(lan, 'POST', '/vote', { cookie, body });
      expect(asked.body).toContain('Nic jste nevybrali. Hlas se započítá jako zdržení se.');
      expect(asked.body).toContain('>Ano, hlasovat prázdně (zdržet se)</button>');
      expect(asked.body).not.toMatch(/id="empty" class="secondary" hidden/);
      // The question answers the POST itself: sent again (a reload), it only asks again.
      const again = await http(lan, 'POST', '/vote', { cookie, body });
      expect(again.status).toBe(200);
      expect(again.body).toContain('Nic jste nevybrali.');
      expect(admin.ballots).toHaveLength(0);
      const sent = await http(lan, 'POST', '/vote', { cookie, body: `${body}&empty=1` });
      expect((await follow(sent, cookie)).body).toContain(
        'Děkujeme. Váš hlas v hlasování „Priority“ je uložen.',
      );
      expect(admin.ballots).toHaveLength(1);
    });
  }

  it('the explicit "Nevybírám nic" of a single choice is not asked about', async () => {
    const spec = poll({ method: 'singleChoice', options: ids });
    await admin.req('openPoll', { poll: spec });
    const cookie = await member('CODE02');
    const n = nonceOf((await http(lan, 'GET', '/', { cookie })).body);
    const sent = await http(lan, 'POST', '/vote', {
      cookie,
      body: `poll=${spec.id}&nonce=${n}&choice=`,
    });
    expect((await follow(sent, cookie)).body).toContain(
      'Váš hlas v hlasování „Priority“ je uložen.',
    );
    expect(admin.ballots[0]!.choice).toEqual({ choices: [] });
  });

  it('English, and a score with nothing rated is explained once', async () => {
    const spec = poll({ method: 'score', options: ids, scaleMin: 0, scaleMax: 5 });
    await admin.req('openPoll', { poll: spec });
    const cookie = `${await member('CODE03')}; triada_lang=en`;
    const n = nonceOf((await http(lan, 'GET', '/', { cookie })).body);
    const body = `poll=${spec.id}&nonce=${n}`;
    const asked = await http(lan, 'POST', '/vote', { cookie, body });
    expect(asked.body).toContain('You have chosen nothing. The vote will count as an abstention.');
    expect(asked.body).toContain('Yes, cast an empty vote (abstain)');
    const refused = await http(lan, 'POST', '/vote', { cookie, body: `${body}&empty=1` });
    expect(refused.body.match(/Please rate every option\./g)).toHaveLength(1);
    const cs = await http(lan, 'POST', '/vote', {
      cookie: cookie.replace('triada_lang=en', 'triada_lang=cs'),
      body: `${body}&empty=1`,
    });
    expect(cs.body.match(/Ohodnoťte každou možnost\./g)).toHaveLength(1);
    expect(cs.body).not.toContain('Ohodnoťte i možnost');
  });
});

describe('phone page texts', () => {
  it('a phone that voted sees its vote stored, not "waiting for the chair"', async () => {
    await admin.req('openPoll', { poll: pointsPoll() });
    const cookie = await member('CODE04');
    const n = nonceOf((await http(lan, 'GET', '/', { cookie })).body);
    await http(lan, 'POST', '/vote', { cookie, body: `poll=poll-p&nonce=${n}&p%3Aa=3` });
    const after = await http(lan, 'GET', '/', { cookie });
    expect(after.body).toContain(
      'Už jste hlasoval(a). Váš hlas je uložen. Počkejte na další hlasování.',
    );
    expect(after.body).not.toContain('Čekáme, až předsedající otevře hlasování.');
  });

  it('an anonymous public poll is not called a secret ballot', async () => {
    await admin.req('setSession', { session: session(0, 'anonymous') });
    await admin.req('openPoll', { poll: poll({ method: 'approval', options: ids }, false) });
    const page = await http(lan, 'GET', '/');
    expect(page.body).toContain('Anonymní veřejné hlasování: jeden hlas z jednoho telefonu');
    expect(page.body).not.toContain('Tajné hlasování');
    expect(page.body).not.toContain('u hlasu bude vaše jméno');
  });

  it('the language switch keeps the code from the personal QR link', async () => {
    const page = await http(lan, 'GET', '/?code=KX4HQ7');
    expect(page.body).toContain('href="/lang?l=en&amp;code=KX4HQ7"');
    const sw = await http(lan, 'GET', '/lang?l=en&code=KX4HQ7');
    expect(sw.status).toBe(303);
    expect(sw.headers.location).toBe('/?code=KX4HQ7');
    const en = await http(lan, 'GET', '/?code=KX4HQ7', { cookie: 'triada_lang=en' });
    expect(en.body).toContain('value="KX4HQ7"');
    expect(en.body).toContain('Sign in');
  });

  it("follows the phone's language when it has not chosen one", async () => {
    const get = (al: string, cookie?: string) =>
      http(lan, 'GET', '/', { headers: { 'Accept-Language': al }, ...(cookie ? { cookie } : {}) });
    expect((await get('en-GB,en;q=0.9,cs;q=0.8')).body).toContain('<html lang="en">');
    expect((await get('cs-CZ,cs;q=0.9,en;q=0.8')).body).toContain('<html lang="cs">');
    expect((await get('de-DE,de;q=0.9')).body).toContain('<html lang="cs">');
    expect((await get('en-US', 'triada_lang=cs')).body).toContain('<html lang="cs">');
  });

  it('the closed-poll page offers "Zpět na hlasování", not just "Hlasování"', async () => {
    await admin.req('openPoll', { poll: pointsPoll() });
    const cookie = await member('CODE05');
    const n = nonceOf((await http(lan, 'GET', '/', { cookie })).body);
    await admin.req('closePoll', { pollId: 'poll-p' });
    const res = await follow(
      await http(lan, 'POST', '/vote', { cookie, body: `poll=poll-p&nonce=${n}&p%3Aa=3` }),
      cookie,
    );
    expect(res.body).toContain('Hlasování „Priority“ už je ukončené.');
    expect(res.body).toContain('>Zpět na hlasování</a>');
    expect(admin.ballots).toHaveLength(0);
  });
});

describe('a join code that is refused', () => {
  it('stays in the field as typed (escaped), to fix one character instead of retyping', async () => {
    const refused = await http(lan, 'POST', '/join', { body: 'code=kx4-hq7' });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('<input id="code" name="code" value="kx4-hq7"');
    const hostile = await http(lan, 'POST', '/join', {
      body: `code=${encodeURIComponent('"><script>x</script>')}`,
    });
    expect(hostile.body).not.toContain('<script>x');
    expect(hostile.body).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
  });
});

describe('POST/Redirect/GET: a reload never re-sends a ballot or passes for another poll', () => {
  const budget: HubPollSpec = { ...pointsPoll('poll-a'), title: 'Rozpočet 2027' };
  const minutes: HubPollSpec = { ...yesNo('poll-b'), title: 'Schválení zápisu' };

  it('the old POST of poll A, resent while poll B is open, says A and offers B', async () => {
    await admin.req('openPoll', { poll: budget });
    const cookie = await member('CODE06');
    const n = nonceOf((await http(lan, 'GET', '/', { cookie })).body);
    const form = `poll=poll-a&nonce=${n}&p%3Aa=2&p%3Ab=1`;
    const posted = await http(lan, 'POST', '/vote', { cookie, body: form });
    expect(posted.headers.location).toBe(`/receipt?poll=poll-a&nonce=${n}`);
    const thanks = await follow(posted, cookie);
    expect(thanks.status).toBe(200);
    expect(thanks.body).toContain('Děkujeme. Váš hlas v hlasování „Rozpočet 2027“ je uložen.');
    expect(thanks.body).not.toContain('Hlasuje se o');
    expect(thanks.body).not.toContain('Toto hlasování už skončilo.');

    await admin.req('closePoll', { pollId: 'poll-a' });
    await admin.req('openPoll', { poll: minutes });
    // The browser resends the old form (Reload on the POST result of the old code).
    const resent = await http(lan, 'POST', '/vote', { cookie, body: form });
    expect(resent.headers.location).toBe(posted.headers.location);
    for (const page of [await follow(resent, cookie), await follow(posted, cookie)]) {
      expect(page.body).toContain('Váš hlas v hlasování „Rozpočet 2027“ je uložen.');
      expect(page.body).toContain('Toto hlasování už skončilo.');
      expect(page.body).toContain('Hlasuje se o: <strong>„Schválení zápisu“</strong>');
      expect(page.body).toContain(
        '<a class="primary" href="/" aria-describedby="next">Hlasovat</a>',
      );
      expect(page.body).not.toContain('Děkujeme, váš hlas je uložen.');
      expect(page.body).not.toContain('„Schválení zápisu“ je uložen');
    }
    const en = await http(lan, 'GET', posted.headers.location as string, {
      cookie: `${cookie}; triada_lang=en`,
    });
    expect(en.body).toContain('Thank you. Your vote in “Rozpočet 2027” is stored.');
    expect(en.body).toContain('This vote has ended.');
    expect(en.body).toContain('Now voting on: <strong>“Schválení zápisu”</strong>');
    expect(en.body).toContain('<a class="primary" href="/" aria-describedby="next">Vote</a>');
    expect(admin.ballots).toHaveLength(1);

    // "Hlasovat" leads to poll B's form, and the vote there counts.
    const home = await http(lan, 'GET', '/', { cookie });
    expect(home.body).toContain('name="poll" value="poll-b"');
    const m = nonceOf(home.body);
    const inB = await follow(
      await http(lan, 'POST', '/vote', { cookie, body: `poll=poll-b&nonce=${m}&vote=yes` }),
      cookie,
    );
    expect(inB.body).toContain('Děkujeme. Váš hlas v hlasování „Schválení zápisu“ je uložen.');
    expect(inB.body).not.toContain('Hlasuje se o');
    expect(admin.ballots.map((b) => b.pollId)).toEqual(['poll-a', 'poll-b']);
  });

  it('with nothing open any more, the vote is recorded and the poll has ended', async () => {
    await admin.req('openPoll', { poll: budget });
    const cookie = await member('CODE07');
    const n = nonceOf((await http(lan, 'GET', '/', { cookie })).body);
    const posted = await http(lan, 'POST', '/vote', {
      cookie,
      body: `poll=poll-a&nonce=${n}&p%3Ac=3`,
    });
    await admin.req('closePoll', { pollId: 'poll-a' });
    const page = await follow(posted, cookie);
    expect(page.body).toContain('Váš hlas v hlasování „Rozpočet 2027“ je uložen.');
    expect(page.body).toContain('Toto hlasování už skončilo.');
    expect(page.body).not.toContain('Hlasuje se o');
    expect(page.body).toContain('>Obnovit</a>');
  });

  it('refuses or escapes hostile values, and shows no other device its receipt', async () => {
    const hostile = '<img src=x onerror=alert(1)>"„';
    await admin.req('openPoll', { poll: { ...budget, title: hostile } });
    const cookie = await member('CODE08');
    const n = nonceOf((await http(lan, 'GET', '/', { cookie })).body);
    const posted = await http(lan, 'POST', '/vote', {
      cookie,
      body: `poll=poll-a&nonce=${n}&p%3Aa=3`,
    });
    const page = await follow(posted, cookie);
    expect(page.body).not.toContain('<img');
    expect(page.body).toContain('„&lt;img src=x onerror=alert(1)&gt;&quot;„“ je uložen.');
    const bad = [
      `/receipt?poll=${encodeURIComponent('<script>x</script>')}&nonce=${n}`,
      `/receipt?poll=poll-a&nonce=${encodeURIComponent('"><script>x</script>')}`,
      `/receipt?poll=${'a'.repeat(101)}&nonce=${n}`,
      `/receipt?poll=poll-a&nonce=${'n'.repeat(65)}`,
      `/receipt?poll=poll-a&nonce=short`,
      '/receipt?poll=poll-a',
      `/receipt?poll=poll-x&nonce=${n}`,
      `/receipt?poll=//evil.example&nonce=${n}`,
    ];
    for (const url of bad) {
      const res = await http(lan, 'GET', url, { cookie });
      expect(res.status, url).toBe(303);
      expect(res.headers.location, url).toBe('/');
    }
    // Another phone that copies the URL learns nothing: it has voted in nothing.
    const other = await member('CODE01');
    expect(other).toMatch(/^triada_dev=/);
    const stolen = await http(lan, 'GET', posted.headers.location as string, { cookie: other });
    expect(stolen.headers.location).toBe('/');
    // A form naming a foreign poll or a URL is never redirected anywhere but local paths.
    const evil = await http(lan, 'POST', '/vote', {
      cookie,
      body: `poll=${encodeURIComponent('http://evil.example/')}&nonce=${n}&p%3Aa=3`,
    });
    expect(evil.status).toBe(400);
    expect(evil.headers.location).toBeUndefined();
    expect(admin.ballots).toHaveLength(1);
  });

  it('a refused join is answered directly and only refused again when resent', async () => {
    const first = await http(lan, 'POST', '/join', { body: 'code=NOPE99' });
    const again = await http(lan, 'POST', '/join', { body: 'code=NOPE99' });
    expect([first.status, again.status]).toEqual([400, 400]);
    expect(deviceCookie(again)).toBeUndefined();
    const ok = await http(lan, 'POST', '/join', { body: 'code=CODE02' });
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe('/');
  });
});

describe('what the phone page asks the hub for', () => {
  it('the icon request gets an empty answer, not a 404', async () => {
    const icon = await http(lan, 'GET', '/favicon.ico');
    expect(icon.status).toBe(204);
  });

  it('an invalid ballot sent without JavaScript comes back as it was chosen, to correct', async () => {
    // 3 points to hand out, at most 2 per option: 2 + 2 is too many.
    await admin.req('openPoll', {
      poll: poll({ method: 'points', options: ids, pointsPerVoter: 3, maxPerOption: 2 }),
    });
    const cookie = await member('CODE03');
    const n = nonceOf((await http(lan, 'GET', '/', { cookie })).body);
    const refused = await http(lan, 'POST', '/vote', {
      cookie,
      body: `poll=poll-points&nonce=${n}&p%3Aa=2&p%3Ab=2&p%3Ac=0`,
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('Hlas není platný:');
    const selected = (id: string) =>
      new RegExp(`name="p:${id}">(?:<option>\\d</option>)*<option selected>(\\d)</option>`).exec(
        refused.body,
      )?.[1];
    expect([selected('a'), selected('b'), selected('c')]).toEqual(['2', '2', '0']);
    expect(refused.body.match(/ selected/g)).toHaveLength(3);
    // Corrected and sent again with the same form: stored.
    const fixed = await http(lan, 'POST', '/vote', {
      cookie,
      body: `poll=poll-points&nonce=${nonceOf(refused.body)}&p%3Aa=2&p%3Ab=1&p%3Ac=0`,
    });
    expect((await follow(fixed, cookie)).body).toContain(
      'Děkujeme. Váš hlas v hlasování „Priority“ je uložen.',
    );
  });

  it('a ranking and a choice sent back keep their places and ticks', async () => {
    await admin.req('openPoll', { poll: poll({ method: 'borda', options: ids }) });
    const cookie = await member('CODE05');
    const n = nonceOf((await http(lan, 'GET', '/', { cookie })).body);
    // Two options on place 1: refused, the places stay.
    const refused = await http(lan, 'POST', '/vote', {
      cookie,
      body: `poll=poll-borda&nonce=${n}&r%3Aa=1&r%3Ab=1&r%3Ac=`,
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatch(
      /name="r:a"[^>]*><option value="">[^<]*<\/option><option selected>1</,
    );
    expect(refused.body).toMatch(
      /name="r:b"[^>]*><option value="">[^<]*<\/option><option selected>1</,
    );
    expect(refused.body).not.toMatch(
      /name="r:c"[^>]*>(?:<option[^>]*>[^<]*<\/option>)*<option selected>/,
    );
  });

  it("a new poll's form is never pre-filled by the browser with the last poll's choices", async () => {
    await admin.req('openPoll', { poll: poll({ method: 'singleChoice', options: ids }) });
    const cookie = await member('CODE02');
    const page = await http(lan, 'GET', '/', { cookie });
    expect(page.body).toMatch(
      /<form method="post" action="\/vote" id="ballot"[^>]*autocomplete="off"/,
    );
  });
});
