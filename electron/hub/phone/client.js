// The phone page's script: optional (the page works with plain forms), small, ES5 for old
// phones, and nothing that needs a secure context (plain HTTP on a LAN address).
(function () {
  'use strict';
  var doc = document;
  doc.documentElement.className += ' js';
  var form = doc.getElementById('ballot');
  var msg = doc.getElementById('msg');
  var ws = null;
  var open = false;
  var waiting = null; // the ballot sent and not yet answered
  var retry = null;
  var delay = 500;
  // The state this page was rendered for (page.ts phoneStateKey): the WebSocket's first state
  // is compared with it, so a change between the page load and the socket's open (a poll
  // opened meanwhile) reloads the page instead of becoming its base unseen.
  var main = doc.getElementById('main');
  var stateKey = main ? main.getAttribute('data-state') : null;

  function say(text, cls) {
    if (!msg) return;
    msg.textContent = text;
    msg.className = 'msg' + (cls ? ' ' + cls : '');
  }

  // ---- building the choice from the form (same field names as shared/hub/form.ts) ----
  function fields() {
    var out = [];
    for (var i = 0; i < form.elements.length; i += 1) {
      var el = form.elements[i];
      if (!el.name || el.disabled) continue;
      if ((el.type === 'radio' || el.type === 'checkbox') && !el.checked) continue;
      out.push([el.name, el.value]);
    }
    return out;
  }
  function int(v) {
    return /^-?\d{1,10}$/.test(v) ? Number(v) : NaN;
  }
  function choice() {
    var m = form.getAttribute('data-method');
    var f = fields();
    var i, k, v;
    if (m === 'resolution') {
      for (i = 0; i < f.length; i += 1) if (f[i][0] === 'vote') return { vote: f[i][1] };
      return null;
    }
    if (m === 'singleChoice' || m === 'approval') {
      var choices = [];
      for (i = 0; i < f.length; i += 1)
        if (f[i][0] === 'choice' && f[i][1] !== '') choices.push(f[i][1]);
      return { choices: choices };
    }
    var map = {};
    var ranking = [];
    var prefix = { points: 'p:', borda: 'r:', schulze: 'r:', score: 's:' }[m];
    for (i = 0; i < f.length; i += 1) {
      k = f[i][0];
      v = f[i][1];
      if (k.indexOf(prefix) !== 0 || v === '') continue;
      k = k.slice(prefix.length);
      if (prefix === 'r:') ranking.push({ optionId: k, rank: int(v) });
      else if (!(prefix === 'p:' && int(v) === 0)) map[k] = int(v);
    }
    if (prefix === 'r:') return { ranking: ranking };
    return prefix === 'p:' ? { points: map } : { scores: map };
  }

  // Nothing chosen at all (the same rule as formIsEmpty in shared/hub/form.ts): one accidental
  // tap must not spend the vote, so an empty ballot goes only through the explicit button.
  function empty(c) {
    var m = form.getAttribute('data-method');
    if (m === 'resolution') return !c.vote;
    if (m === 'singleChoice') {
      var f = fields();
      for (var i = 0; i < f.length; i += 1) if (f[i][0] === 'choice') return false;
      return true;
    }
    if (c.choices) return c.choices.length === 0;
    if (c.ranking) return c.ranking.length === 0;
    for (var k in c.points || c.scores) return false;
    return true;
  }

  // ---- points: a live counter of what is left ----
  function pointsLeft() {
    var left = doc.getElementById('left');
    if (!left) return;
    var total = Number(form.getAttribute('data-total'));
    var sel = form.querySelectorAll('select');
    var used = 0;
    for (var i = 0; i < sel.length; i += 1) used += Number(sel[i].value) || 0;
    left.hidden = false;
    // Over the limit says by how much, never a negative "points left".
    left.textContent =
      used > total
        ? (form.getAttribute('data-over') || '') + ' ' + (used - total)
        : (left.getAttribute('data-label') || '') + ' ' + (total - used);
    left.className = 'help' + (used > total ? ' bad' : '');
  }

  // ---- ranking: tap the options in order; tap again to take one back ----
  function setupRanking() {
    var rows = form.querySelectorAll('.rank');
    var k = Number(form.getAttribute('data-k'));
    var help = doc.getElementById('help');
    if (help) help.textContent = form.getAttribute('data-jshelp');
    function paint() {
      for (var i = 0; i < rows.length; i += 1) {
        var s = rows[i].querySelector('select');
        var b = rows[i].querySelector('button');
        b.firstChild.textContent = s.value || '';
        b.setAttribute('aria-pressed', s.value ? 'true' : 'false');
      }
    }
    function tap(select) {
      var all = form.querySelectorAll('.rank select');
      var i;
      if (select.value) {
        var gone = Number(select.value);
        select.value = '';
        for (i = 0; i < all.length; i += 1)
          if (Number(all[i].value) > gone) all[i].value = String(Number(all[i].value) - 1);
      } else {
        var max = 0;
        for (i = 0; i < all.length; i += 1) max = Math.max(max, Number(all[i].value) || 0);
        if (max < k) select.value = String(max + 1);
      }
      paint();
    }
    for (var i = 0; i < rows.length; i += 1) {
      (function (row) {
        var select = row.querySelector('select');
        var label = row.querySelector('label');
        var b = doc.createElement('button');
        b.type = 'button';
        b.className = 'tap';
        b.innerHTML = '<span class="place" aria-hidden="true"></span><span></span>';
        b.lastChild.textContent = label.textContent;
        b.onclick = function () {
          tap(select);
        };
        row.className += ' taprow';
        row.appendChild(b);
      })(rows[i]);
    }
    paint();
  }

  // ---- the WebSocket: live state and ballots without a page load ----
  // What the page shows of a state (the same key as page.ts phoneStateKey).
  function keyOf(m) {
    return [m.mode, m.joined, m.poll ? m.poll.id : '', m.voted].join('|');
  }
  function send(obj) {
    if (open) ws.send(JSON.stringify(obj));
  }
  function connect() {
    if (!window.WebSocket) return;
    try {
      ws = new WebSocket(
        (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws',
      );
    } catch (e) {
      void e; // optional catch bindings are too new for old phones
      return;
    }
    ws.onopen = function () {
      open = true;
      delay = 500;
      if (waiting) send(waiting); // a resend with the same nonce gets the same answer
    };
    ws.onclose = function () {
      open = false;
      clearTimeout(retry);
      retry = setTimeout(connect, delay);
      delay = Math.min(delay * 2, 8000);
    };
    ws.onmessage = function (e) {
      var m;
      try {
        m = JSON.parse(e.data);
      } catch (err) {
        void err;
        return;
      }
      if (m.t === 'state') {
        var key = keyOf(m);
        if (stateKey !== null && key !== stateKey && !waiting) location.reload();
        stateKey = key;
      } else if (m.t === 'ack' && waiting && m.nonce === waiting.nonce) {
        var done = m.code === 'STORED' || m.code === 'ALREADY_VOTED' || m.code === 'POLL_CLOSED';
        waiting = null;
        var text = m.text;
        if (done) {
          var p = doc.createElement('p');
          p.className = 'msg ' + (m.code === 'STORED' ? 'ok' : 'bad');
          p.setAttribute('role', 'alert');
          p.textContent = text;
          form.parentNode.replaceChild(p, form);
          // The page now shows "voted": the hub does not push that state to this page (the
          // ack says it), so the base becomes the same state with voted; a later change (the
          // poll closes, the next one opens) still differs from it and reloads the page.
          if (stateKey !== null) stateKey = stateKey.replace(/[^|]*$/, 'true');
        } else {
          say(text, 'bad');
          form.querySelector('button[type=submit]').disabled = false;
        }
      }
    };
  }

  if (form) {
    var m = form.getAttribute('data-method');
    if (m === 'points') {
      var left = doc.getElementById('left');
      left.setAttribute('data-label', form.getAttribute('data-left') || '');
      form.onchange = pointsLeft;
      pointsLeft();
    }
    if (m === 'borda' || m === 'schulze') setupRanking();
    var emptyButton = doc.getElementById('empty');
    var confirmed = false;
    if (emptyButton)
      emptyButton.onclick = function () {
        confirmed = true; // old browsers have no SubmitEvent.submitter
      };
    form.onsubmit = function (e) {
      var c = choice();
      var sure = confirmed;
      confirmed = false;
      if (c && !sure && emptyButton && empty(c)) {
        e.preventDefault();
        say(form.getAttribute('data-emptyask') || '', 'bad');
        emptyButton.hidden = false;
        emptyButton.focus();
        return false;
      }
      if (!open) return true; // no live link: the plain form POST does the job
      e.preventDefault();
      if (!c) {
        say(form.getAttribute('data-empty') || '', 'bad');
        return false;
      }
      waiting = { t: 'ballot', pollId: form.poll.value, nonce: form.nonce.value, choice: c };
      form.querySelector('button[type=submit]').disabled = true;
      say(form.getAttribute('data-sending') || '');
      send(waiting);
      return false;
    };
  }
  connect();
})();
