// The phone page, rendered on the hub for every state, so a phone without JavaScript votes
// with plain forms. The script (phone/client.js) only makes it live: state pushes over the
// WebSocket, ballots sent without a page load, tap-to-rank, the points counter.
import type { HubToPhone, PhonePoll } from '../../shared/hub/protocol';
import { PHONE_TEXTS, type PhoneLang, type PhoneTexts } from '../../shared/hub/text';
import type { BallotIssue } from '../../shared/voting/validate';

const ESC: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]!);

export type PhoneView =
  | {
      kind: 'state';
      state: Extract<HubToPhone, { t: 'state' }>;
      nonce: string;
      error?: string;
      /** A join code to fill in: from the personal QR's link, or as typed when it was refused. */
      code?: string;
      /** The form came back empty: show the explicit "vote empty (abstain)" button. */
      confirmEmpty?: boolean;
      /** The fields of a form post sent back for a correction: shown as they were chosen. */
      sent?: readonly (readonly [string, string])[];
    }
  | {
      kind: 'result';
      text: string;
      issues?: string[];
      ok: boolean;
      /** Reload this (fixed, local) URL in 3 s: a ballot waiting for the app's answer. */
      refresh?: string;
      /** The poll the answer is about, when the text does not name it. */
      heading?: string;
      /** That poll has closed (its answer stands; nothing more to do there). */
      ended?: boolean;
      /** Another poll is open now: its title, and a big link to vote in it. */
      next?: string;
      /** The state the page was rendered in (a change reloads it, see phoneStateKey). */
      stateKey?: string;
    };

/**
 * What a state page shows, as the phone script compares it (client.js builds the same key from
 * each pushed state): the page carries the key it was rendered for, so a state that changed
 * between the page's load and its WebSocket's first state reloads the page instead of being
 * taken as the page's own (a poll opened meanwhile would never appear).
 */
export function phoneStateKey(s: Extract<HubToPhone, { t: 'state' }>): string {
  return [s.mode ?? '', String(s.joined), s.poll ? s.poll.id : '', String(s.voted)].join('|');
}

function layout(
  t: PhoneTexts,
  meeting: string,
  body: string,
  refreshSeconds?: number,
  refreshUrl = '/',
  code?: string,
  stateKey?: string,
  /** Refresh with the script too (a waiting ballot: no state change tells the script). */
  alwaysRefresh = false,
): string {
  const other: PhoneLang = t.lang === 'cs' ? 'en' : 'cs';
  const meta =
    refreshSeconds === undefined
      ? ''
      : `<meta http-equiv="refresh" content="${refreshSeconds};url=${esc(refreshUrl)}">`;
  const refresh = meta && !alwaysRefresh ? `<noscript>${meta}</noscript>` : meta;
  return `<!doctype html><html lang="${t.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(t.title)}${meeting ? ` – ${esc(meeting)}` : ''}</title><link rel="stylesheet" href="/app.css">${refresh}</head><body><header><span class="meeting">${esc(meeting || t.title)}</span><a class="lang" href="/lang?l=${other}${code ? `&amp;code=${esc(encodeURIComponent(code))}` : ''}" lang="${other}" hreflang="${other}">${esc(t.switchLang)}</a></header><main id="main"${stateKey === undefined ? '' : ` data-state="${esc(stateKey)}"`}>${body}</main><script src="/app.js" defer></script></body></html>`;
}

export function renderPage(view: PhoneView, lang: PhoneLang, meeting: string): string {
  const t = PHONE_TEXTS[lang];
  if (view.kind === 'result') {
    const list = view.issues?.length
      ? `<ul class="issues">${view.issues.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`
      : '';
    const head = view.heading === undefined ? '' : `<h1>${esc(view.heading)}</h1>`;
    const ended = view.ended ? `<p class="msg">${esc(t.pollEnded)}</p>` : '';
    const next =
      view.next === undefined
        ? `<p><a class="button" href="/">${esc(view.ok ? t.refresh : t.back)}</a></p>`
        : `<p class="next" id="next">${esc(t.nowVoting)} <strong>${esc(t.quoted(view.next))}</strong></p><p><a class="primary" href="/" aria-describedby="next">${esc(t.voteNow)}</a></p>`;
    return layout(
      t,
      meeting,
      `${head}<p class="msg ${view.ok ? 'ok' : 'bad'}" role="alert">${esc(view.text)}</p>${list}${ended}${next}`,
      view.refresh ? 3 : undefined,
      view.refresh,
      undefined,
      view.stateKey,
      view.refresh !== undefined,
    );
  }
  const s = view.state;
  const key = phoneStateKey(s);
  const error = view.error ? `<p class="msg bad" role="alert">${esc(view.error)}</p>` : '';
  if (s.mode === null) {
    return layout(
      t,
      meeting,
      `<p class="msg">${esc(t.noSession)}</p>${refreshLink(t)}`,
      15,
      undefined,
      undefined,
      key,
    );
  }
  if (!s.joined) {
    return layout(
      t,
      meeting,
      `<h1>${esc(t.joinTitle)}</h1>${error}<form method="post" action="/join" class="join"><label for="code">${esc(t.joinLabel)}</label><input id="code" name="code"${view.code ? ` value="${esc(view.code)}"` : ''} autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="20" required aria-describedby="code-help"><p id="code-help" class="help">${esc(t.joinHelp)}</p><button type="submit" class="primary">${esc(t.joinButton)}</button></form>`,
      undefined,
      undefined,
      view.code,
      key,
    );
  }
  const who =
    s.mode === 'anonymous'
      ? `<p class="note">${esc(t.anonymousNote)}</p>`
      : s.name
        ? `<p class="note">${esc(t.votingAs)} <strong>${esc(s.name)}</strong></p>`
        : '';
  if (!s.poll) {
    return layout(
      t,
      meeting,
      `${who}${error}<p class="msg">${esc(t.waiting)}</p>${refreshLink(t)}`,
      10,
      undefined,
      undefined,
      key,
    );
  }
  if (s.voted) {
    return layout(
      t,
      meeting,
      `${who}<h1>${esc(s.poll.title)}</h1><p class="msg ok" role="status">${esc(t.votedWait)}</p>${refreshLink(t)}`,
      10,
      undefined,
      undefined,
      key,
    );
  }
  return layout(
    t,
    meeting,
    `${who}${pollForm(t, s.poll, view.nonce, error, s.mode === 'anonymous', view.confirmEmpty, view.sent)}`,
    undefined,
    undefined,
    undefined,
    key,
  );
}

function refreshLink(t: PhoneTexts): string {
  return `<p><a class="button" href="/">${esc(t.refresh)}</a></p>`;
}

function pollForm(
  t: PhoneTexts,
  poll: PhonePoll,
  nonce: string,
  error: string,
  anonymous: boolean,
  confirmEmpty = false,
  sent: readonly (readonly [string, string])[] = [],
): string {
  const d = poll.definition;
  // A post sent back (an invalid ballot without JavaScript) keeps what the voter chose.
  const chosen = new Set(sent.map(([k, v]) => `${k}\u0000${v}`));
  const was = (field: string, value: string) => chosen.has(`${field}\u0000${value}`);
  const numbers = (field: string, from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, n) => from + n)
      .map((n) => `<option${was(field, String(n)) ? ' selected' : ''}>${n}</option>`)
      .join('');
  const label = new Map(poll.options.map((o) => [o.id, o.label]));
  const optionIds = d.method === 'resolution' ? [] : d.options;
  const name = (id: string) => esc(label.get(id) ?? id);
  let help = '';
  let fields = '';
  let data = `data-method="${d.method}" data-sending="${esc(t.sending)}" data-empty="${esc(t.emptyVote)}" data-emptyask="${esc(t.emptyAsk)}" data-left="${esc(t.leftLabel)}" data-over="${esc(t.overLabel)}"`;
  const radio = (field: string, value: string, text: string, type = 'radio') =>
    `<label class="choice"><input type="${type}" name="${esc(field)}" value="${esc(value)}"${was(field, value) ? ' checked' : ''}><span>${text}</span></label>`;
  switch (d.method) {
    case 'resolution':
      fields = [
        radio('vote', 'yes', esc(t.yes)),
        radio('vote', 'no', esc(t.no)),
        radio('vote', 'abstain', esc(t.abstain)),
      ].join('');
      break;
    case 'singleChoice':
      help = t.chooseOne;
      fields =
        optionIds.map((id) => radio('choice', id, name(id))).join('') +
        (d.allowBlank === false ? '' : radio('choice', '', esc(t.blankChoice)));
      break;
    case 'approval': {
      const max = d.maxChoices ?? optionIds.length;
      help = t.chooseUpTo(max);
      data += ` data-max="${max}"`;
      fields = optionIds.map((id) => radio('choice', id, name(id), 'checkbox')).join('');
      break;
    }
    case 'points': {
      const cap = Math.min(d.maxPerOption ?? d.pointsPerVoter, d.pointsPerVoter);
      help = t.pointsHelp(d.pointsPerVoter);
      data += ` data-total="${d.pointsPerVoter}"`;
      fields =
        optionIds
          .map(
            (id, i) =>
              `<div class="row"><label for="p${i}">${name(id)}</label><select id="p${i}" name="p:${esc(id)}">${numbers(`p:${id}`, 0, cap)}</select></div>`,
          )
          .join('') + `<p id="left" class="help" aria-live="polite" hidden></p>`;
      break;
    }
    case 'borda':
    case 'schulze': {
      const k = d.maxRanks ?? optionIds.length;
      help = t.rankNoJsHelp;
      data += ` data-k="${k}" data-jshelp="${esc(t.rankHelp)}"`;
      fields = optionIds
        .map(
          (id, i) =>
            `<div class="row rank"><label for="r${i}">${name(id)}</label><select id="r${i}" name="r:${esc(id)}" aria-label="${esc(t.rankPlace)}: ${name(id)}"><option value="">${esc(t.rankNone)}</option>${numbers(`r:${id}`, 1, k)}</select></div>`,
        )
        .join('');
      break;
    }
    case 'score': {
      const lo = d.scaleMin ?? 0;
      const hi = d.scaleMax ?? 5;
      help = t.scoreHelp(lo, hi);
      fields = optionIds
        .map(
          (id) =>
            `<fieldset class="score"><legend>${name(id)}</legend>${Array.from({ length: hi - lo + 1 }, (_, n) => radio(`s:${id}`, String(lo + n), String(lo + n))).join('')}</fieldset>`,
        )
        .join('');
      break;
    }
  }
  // Anonymous mode: the note above already says "anonymous public vote, one per phone".
  const kind = anonymous ? '' : `<p class="note">${esc(poll.secret ? t.secret : t.named)}</p>`;
  // An empty form is sent only through this second, explicit button (the hub asks first; the
  // script shows the button without a page load).
  const empty = `<button type="submit" name="empty" value="1" id="empty" class="secondary"${confirmEmpty ? '' : ' hidden'}>${esc(t.emptyConfirm)}</button>`;
  return `<h1 id="poll-title">${esc(poll.title)}</h1>${kind}${error}<form method="post" action="/vote" id="ballot" ${data} aria-labelledby="poll-title" autocomplete="off"><input type="hidden" name="poll" value="${esc(poll.id)}"><input type="hidden" name="nonce" value="${esc(nonce)}">${help ? `<p class="help" id="help">${esc(help)}</p>` : ''}<fieldset class="options"><legend class="sr">${esc(poll.title)}</legend>${fields}</fieldset><p id="msg" class="msg" role="status" aria-live="polite"></p><button type="submit" class="primary">${esc(t.send)}</button>${empty}</form>`;
}

/** The issues of an invalid ballot in words. */
export function explainIssues(
  lang: PhoneLang,
  poll: PhonePoll | null,
  issues: BallotIssue[],
): string[] {
  const t = PHONE_TEXTS[lang];
  const label = (id?: string) =>
    (id && poll?.options.find((o) => o.id === id)?.label) || (id ?? '');
  return [...new Set(issues.map((i) => t.issue(i, label)))];
}
