/* Koers: a participant's phone or a table's tablet.
   Every submission gets a client id and waits in an outbox (kept in
   localStorage) until the server acknowledges it; a lost connection, a
   reload or a closed tab only delays it, and a retry is applied once. */
(function () {
  'use strict';
  var K = window.Koers;
  var data = K.pageData();
  var T = data.texts || {};
  var own = data.own || {};
  var container = document.getElementById('activity');
  var toastEl = document.getElementById('toast');
  var OUTBOX = 'koers-outbox-' + data.session;
  var outbox = load();
  var sending = false;
  var retryTimer = null;
  var retryDelay = 2000;
  var toastTimer = null;

  function load() {
    try { return JSON.parse(window.localStorage.getItem(OUTBOX)) || []; } catch (e) { return []; }
  }
  function save() {
    try { window.localStorage.setItem(OUTBOX, JSON.stringify(outbox)); } catch (e) { /* private mode: memory only */ }
  }

  function toast(text, isError) {
    if (!toastEl || !text) { return; }
    toastEl.textContent = text;
    toastEl.className = 'toast show' + (isError ? ' error' : '');
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { toastEl.className = 'toast'; }, isError ? 6000 : 3000);
  }

  /* A random (v4) UUID; crypto.randomUUID needs https, venues often do not. */
  function uuid() {
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = '';
    for (var i = 0; i < 16; i++) {
      h += (b[i] + 0x100).toString(16).slice(1);
      if (i === 3 || i === 5 || i === 7 || i === 9) { h += '-'; }
    }
    return h;
  }

  function all(root, sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); }

  function readAnswer(form) {
    var kind = form.getAttribute('data-kind');
    if (kind === 'single_choice') {
      var c = form.querySelector('input[name=option]:checked');
      return c ? { type: 'choice', option: parseInt(c.value, 10) } : null;
    }
    if (kind === 'multiple_choice') {
      var opts = all(form, 'input[name=options]:checked').map(function (i) { return parseInt(i.value, 10); });
      return opts.length ? { type: 'choices', options: opts } : null;
    }
    if (kind === 'scale') {
      var v = form.querySelector('input[name=value]:checked');
      return v ? { type: 'scale', value: parseInt(v.value, 10) } : null;
    }
    if (kind === 'word_cloud') {
      var words = all(form, 'input[name=word]').map(function (i) { return i.value; })
        .filter(function (w) { return w.replace(/\s+/g, '') !== ''; });
      return words.length ? { type: 'words', words: words } : null;
    }
    if (kind === 'quiz') {
      if (form.getAttribute('data-multi')) {
        var qs = all(form, 'input[name=options]:checked').map(function (i) { return parseInt(i.value, 10); });
        return qs.length ? { type: 'choices', options: qs } : null;
      }
      var q = form.querySelector('input[name=option]:checked');
      return q ? { type: 'choice', option: parseInt(q.value, 10) } : null;
    }
    if (kind === 'estimate') {
      var e = form.querySelector('input[name=value]');
      var n = e ? parseFloat(e.value.replace(',', '.')) : NaN;
      return isNaN(n) ? null : { type: 'number', value: n };
    }
    if (kind === 'goal') {
      var verdicts = [];
      for (var g = 0; form.querySelector('input[name=level_' + g + ']'); g++) {
        var lv = form.querySelector('input[name=level_' + g + ']:checked');
        if (!lv) { return null; }
        var rs = form.querySelector('textarea[name=reason_' + g + ']');
        verdicts.push({ level: lv.value, reason: rs ? rs.value : '' });
      }
      return verdicts.length ? { type: 'consent', verdicts: verdicts } : null;
    }
    if (kind === 'prioritise') {
      var ranks = all(form, 'select[name^=rank_]');
      if (ranks.length) {
        var order = ranks.map(function (s) { return s.value; }).filter(function (v) { return v !== ''; })
          .map(function (v) { return parseInt(v, 10); });
        return order.length ? { type: 'ranking', order: order } : null;
      }
      var pts = all(form, 'input[name=points]').map(function (i) { return parseInt(i.value, 10) || 0; });
      return { type: 'allocation', points: pts };
    }
    if (kind === 'open_text') {
      var t = form.querySelector('textarea[name=text]');
      return t && t.value.replace(/\s+/g, '') !== '' ? { type: 'text', text: t.value } : null;
    }
    return null;
  }

  function fillAnswer(form, a) {
    if (!a) { return; }
    if (a.type === 'choice') { all(form, 'input[name=option]').forEach(function (i) { i.checked = parseInt(i.value, 10) === a.option; }); }
    if (a.type === 'choices') { all(form, 'input[name=options]').forEach(function (i) { i.checked = a.options.indexOf(parseInt(i.value, 10)) >= 0; }); }
    if (a.type === 'scale') { all(form, 'input[name=value]').forEach(function (i) { i.checked = parseInt(i.value, 10) === a.value; }); }
    if (a.type === 'words') { all(form, 'input[name=word]').forEach(function (i, n) { i.value = a.words[n] || ''; }); }
    if (a.type === 'text') { var t = form.querySelector('textarea[name=text]'); if (t) { t.value = a.text; } }
    if (a.type === 'number') { var nv = form.querySelector('input[name=value]'); if (nv) { nv.value = String(a.value); } }
    if (a.type === 'consent') {
      a.verdicts.forEach(function (v, n) {
        all(form, 'input[name=level_' + n + ']').forEach(function (i) { i.checked = i.value === v.level; });
        var r = form.querySelector('textarea[name=reason_' + n + ']');
        if (r) { r.value = v.reason || ''; }
      });
    }
    if (a.type === 'allocation') { all(form, 'input[name=points]').forEach(function (i, n) { i.value = String(a.points[n] || 0); }); }
    if (a.type === 'ranking') { all(form, 'select[name^=rank_]').forEach(function (s, n) { s.value = n < a.order.length ? String(a.order[n]) : ''; }); }
    allocationLeft(form);
  }

  /* Dots or points: how many are left to place. */
  function allocationLeft(form) {
    var box = form.querySelector('.allocation');
    var out = form.querySelector('.alloc-left');
    if (!box || !out) { return; }
    var total = parseInt(box.getAttribute('data-total'), 10) || 0;
    var used = all(form, 'input[name=points]').reduce(function (s, i) { return s + (parseInt(i.value, 10) || 0); }, 0);
    out.textContent = (T['js-left'] || '{n}').replace('{n}', String(total - used));
  }

  /* An idea, action, question or pitch feedback from its form. */
  function readItem(form) {
    var kind = form.getAttribute('data-kind');
    var v = function (n) { var i = form.querySelector('[name=' + n + ']'); return i ? i.value : ''; };
    if (v('text').replace(/\s+/g, '') === '') { return null; }
    var detail = { type: 'plain' };
    if (kind === 'actions') {
      detail = { type: 'action', topic: parseInt(v('topic'), 10) || 0, so_that: v('so_that'), who: v('who'), by_when: v('by_when'), needs: v('needs') };
    }
    if (kind === 'pitches') {
      var tone = form.querySelector('input[name=tone]:checked');
      if (!tone) { return null; }
      detail = { type: 'feedback', speaker: parseInt(v('speaker'), 10) || 0, tone: tone.value };
    }
    return { text: v('text'), detail: detail };
  }

  /* Items this device added (it may change them) and marked, per activity. */
  var MINE = 'koers-mine-' + data.session;
  var mine = (function () { try { return JSON.parse(window.localStorage.getItem(MINE)) || {}; } catch (e) { return {}; } })();
  function saveMine() { try { window.localStorage.setItem(MINE, JSON.stringify(mine)); } catch (e) { /* memory only */ } }
  function mineOf(aid) { if (!mine[aid]) { mine[aid] = { items: [], marked: [] }; } return mine[aid]; }
  var fetchedMine = {};
  /* The own item being changed, kept across live redraws of the form. */
  var editing = null;
  function loadMine(aid) {
    if (!aid || fetchedMine[aid]) { return; }
    fetchedMine[aid] = true;
    fetch(data.api + '/activities/' + aid + '/mine', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (j) { if (j) { mine[aid] = { items: j.items, marked: j.marked }; saveMine(); decorate(null); } }, function () { fetchedMine[aid] = false; });
  }

  /* Own items get change and withdraw buttons; marks show their state. */
  function decorateItems(aid) {
    var m = mineOf(aid);
    var open = !!container.querySelector('.activity[data-open=true]');
    all(container, '.item[data-item]').forEach(function (li) {
      var id = li.getAttribute('data-item');
      if (open && m.items.indexOf(id) >= 0 && !li.querySelector('.own-tools')) {
        var tools = document.createElement('div');
        tools.className = 'own-tools';
        var edit = document.createElement('button');
        edit.type = 'button'; edit.className = 'button secondary item-edit'; edit.textContent = T['js-edit'] || 'Edit';
        var wd = document.createElement('button');
        wd.type = 'button'; wd.className = 'button secondary item-withdraw'; wd.textContent = T['js-withdraw'] || 'Withdraw';
        tools.appendChild(edit); tools.appendChild(wd);
        li.appendChild(tools);
        li.classList.add('own');
      }
      var mf = li.querySelector('.mark-form');
      if (mf) {
        var on = m.marked.indexOf(id) >= 0;
        var b = mf.querySelector('button');
        if (b) { b.setAttribute('aria-pressed', on ? 'true' : 'false'); }
        mf.querySelector('input[name=on]').value = on ? '0' : '1';
      }
    });
  }

  function clearForm(form) {
    all(form, 'input[type=radio], input[type=checkbox]').forEach(function (i) { i.checked = false; });
    all(form, 'input[type=text], textarea').forEach(function (i) { i.value = ''; });
  }

  /* Words for the own-answer box, from the labels on the page. */
  function describe(form, a) {
    var labels = form ? all(form, '.choice span').map(function (s) { return s.textContent; }) : [];
    if (a.type === 'choice') { return labels[a.option] || String(a.option + 1); }
    if (a.type === 'choices') { return a.options.map(function (o) { return labels[o] || String(o + 1); }).join(', '); }
    if (a.type === 'scale') { return String(a.value); }
    if (a.type === 'words') { return a.words.join(', '); }
    if (a.type === 'text') { return a.text; }
    if (a.type === 'number') { return String(a.value).replace('.', data.lang === 'nl' ? ',' : '.'); }
    if (a.type === 'consent') {
      return a.verdicts.map(function (v, n) {
        var l = form ? form.querySelector('input[name=level_' + n + '][value=' + v.level + ']') : null;
        var name = l && l.parentNode.querySelector('span') ? l.parentNode.querySelector('span').textContent : v.level;
        return name + (v.reason ? ' — ' + v.reason : '');
      }).join('; ');
    }
    if (a.type === 'allocation' || a.type === 'ranking') {
      var names = form ? all(form, '.alloc-row label').map(function (l) { return l.textContent; }) : [];
      if (!names.length && form) {
        var sel = form.querySelector('select[name^=rank_]');
        names = sel ? all(sel, 'option').slice(1).map(function (o) { return o.textContent; }) : [];
      }
      if (a.type === 'ranking') { return a.order.map(function (c, n) { return (n + 1) + '. ' + (names[c] || c + 1); }).join(', '); }
      return a.points.map(function (p, c) { return p ? (names[c] || c + 1) + ': ' + p : null; })
        .filter(function (x) { return x; }).join(', ');
    }
    return '';
  }

  /* What is being typed, so a live update does not wipe it. */
  function snapshot(form) {
    return all(form, 'input, textarea, select').map(function (i) {
      return (i.type === 'radio' || i.type === 'checkbox') ? i.checked : i.value;
    });
  }
  function restore(form, snap) {
    all(form, 'input, textarea, select').forEach(function (i, n) {
      if (i.name === '_csrf' || i.name === 'activity_id' || n >= snap.length) { return; }
      if (i.type === 'radio' || i.type === 'checkbox') { i.checked = snap[n]; } else if (i.type !== 'hidden') { i.value = snap[n]; }
    });
  }

  function currentActivity() {
    var s = container.querySelector('.activity[data-activity]');
    return s ? s.getAttribute('data-activity') : null;
  }

  function decorate(draft) {
    K.fillCsrf(container);
    var aid = currentActivity();
    var form = container.querySelector('form.answer-form');
    if (form) {
      if (draft && draft.activity === aid) { restore(form, draft.values); } else { fillAnswer(form, own[aid]); }
      var w = form.querySelector('.withdraw');
      if (w) { w.hidden = !own[aid]; }
    }
    // Only lists have own items or marks; polls need no extra request.
    if (aid && container.querySelector('form.item-form, .mark-form')) { loadMine(aid); decorateItems(aid); }
    var itemForm = container.querySelector('form.item-form');
    if (itemForm && editing && editing.activity === aid) { itemForm.setAttribute('data-editing', editing.item); }
    var box = container.querySelector('.own-answer');
    if (box) {
      var mine = aid ? own[aid] : null;
      box.hidden = !mine;
      if (mine) { box.querySelector('.own-answer-text').textContent = describe(form, mine); }
    }
  }

  function onFrame(frame) {
    var form = container.querySelector('form.answer-form');
    var draft = null;
    var focused = null;
    if (form) {
      draft = { activity: form.getAttribute('data-activity'), values: snapshot(form) };
      var fields = all(form, 'input, textarea, button');
      var idx = fields.indexOf(document.activeElement);
      if (idx >= 0) { focused = idx; }
    }
    K.applyRegions(frame);
    decorate(draft);
    var nextForm = container.querySelector('form.answer-form');
    if (focused !== null && nextForm && draft && nextForm.getAttribute('data-activity') === draft.activity) {
      var again = all(nextForm, 'input, textarea, button')[focused];
      if (again) { again.focus(); }
    }
  }

  function enqueue(item) {
    outbox.push(item);
    save();
    toast(T['js-sending']);
    flush();
  }

  function schedule() {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(flush, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 30000);
  }

  function flush() {
    if (sending || !outbox.length) { return; }
    sending = true;
    var item = outbox[0];
    var isAnswer = item.kind === 'answer';
    var url = data.api + '/activities/' + item.activity + (isAnswer ? '/answer' : '/withdraw');
    var body = isAnswer ? { client_id: item.client_id, answer: item.answer } : { client_id: item.client_id };
    var method = isAnswer ? 'PUT' : 'POST';
    if (item.kind === 'item') {
      url = data.api + '/activities/' + item.activity + '/items';
      body = { client_id: item.client_id, text: item.draft.text, detail: item.draft.detail };
      method = 'POST';
    } else if (item.kind === 'revise') {
      url = data.api + '/items/' + item.item;
      body = { client_id: item.client_id, text: item.draft.text, detail: item.draft.detail };
      method = 'PUT';
    } else if (item.kind === 'itemwithdraw') {
      url = data.api + '/items/' + item.item + '/withdraw';
      body = { client_id: item.client_id };
    } else if (item.kind === 'mark') {
      url = data.api + '/items/' + item.item + '/mark';
      body = { client_id: item.client_id, on: item.on };
      method = 'PUT';
    }
    fetch(url, {
      method: method,
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        'Accept': 'application/json',
        'Accept-Language': data.lang,
        'X-CSRF-Token': K.csrf()
      },
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (j) { return { status: r.status, body: j }; },
        function () { return { status: r.status, body: null }; });
    }).then(function (res) {
      sending = false;
      var code = res.body && res.body.error ? res.body.error.code : null;
      if (res.status >= 200 && res.status < 300) {
        outbox.shift();
        save();
        retryDelay = 2000;
        var m = mineOf(item.activity);
        if (item.kind === 'item') {
          if (res.body.item_id && m.items.indexOf(res.body.item_id) < 0) { m.items.push(res.body.item_id); }
          saveMine(); toast(T['js-sent']);
        } else if (item.kind === 'revise') {
          toast(T['js-sent']);
        } else if (item.kind === 'itemwithdraw') {
          m.items = m.items.filter(function (x) { return x !== item.item; }); saveMine(); toast(T['js-withdrawn']);
        } else if (item.kind === 'mark') {
          m.marked = m.marked.filter(function (x) { return x !== item.item; });
          if (item.on) { m.marked.push(item.item); }
          saveMine(); toast(T['js-sent']);
        } else if (isAnswer) { own[item.activity] = res.body.answer; toast(T['js-sent']); } else { delete own[item.activity]; toast(T['js-withdrawn']); }
        if (item.kind === 'withdraw' && item.activity === currentActivity()) {
          var f = container.querySelector('form.answer-form');
          if (f) { clearForm(f); }
        }
        decorate(null);
        flush();
      } else if (code === 'csrf') {
        // The page's token went stale: a fresh page sends what is queued.
        window.location.reload();
      } else if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
        // Refused (closed, too long, …): it will never be accepted; say why.
        outbox.shift();
        save();
        toast(res.body && res.body.error ? res.body.error.message : T['js-error'], true);
        flush();
      } else {
        toast(T['js-queued'], true);
        schedule();
      }
    }, function () {
      sending = false;
      toast(T['js-queued'], true);
      schedule();
    });
  }

  container.addEventListener('submit', function (e) {
    var form = e.target;
    if (form.classList && form.classList.contains('mark-form')) {
      e.preventDefault();
      enqueue({ kind: 'mark', activity: currentActivity(), item: form.getAttribute('data-item'), client_id: uuid(),
        on: form.querySelector('input[name=on]').value !== '0' });
      return;
    }
    if (!form.classList || !form.classList.contains('answer-form')) { return; }
    e.preventDefault();
    if (form.classList.contains('item-form')) {
      var draft = readItem(form);
      if (!draft) { toast(T['js-error'], true); return; }
      var target = form.getAttribute('data-editing');
      if (target) {
        enqueue({ kind: 'revise', activity: form.getAttribute('data-activity'), item: target, client_id: uuid(), draft: draft });
        form.removeAttribute('data-editing');
        editing = null;
      } else {
        enqueue({ kind: 'item', activity: form.getAttribute('data-activity'), client_id: uuid(), draft: draft });
      }
      clearForm(form);
      return;
    }
    var answer = readAnswer(form);
    if (!answer) { toast(T['js-error'], true); return; }
    enqueue({ kind: 'answer', activity: form.getAttribute('data-activity'), client_id: uuid(), answer: answer });
  });

  container.addEventListener('click', function (e) {
    var li = e.target.closest ? e.target.closest('.item[data-item]') : null;
    if (li && e.target.closest('.item-withdraw')) {
      enqueue({ kind: 'itemwithdraw', activity: currentActivity(), item: li.getAttribute('data-item'), client_id: uuid() });
      return;
    }
    if (li && e.target.closest('.item-edit')) {
      // Load the item's text into the form; sending it changes the item.
      var f = container.querySelector('form.item-form');
      var text = li.querySelector('.item-text');
      if (f && text) {
        var ta = f.querySelector('[name=text]');
        ta.value = text.childNodes[0] ? text.childNodes[0].textContent.replace(/,\s*$/, '') : text.textContent;
        f.setAttribute('data-editing', li.getAttribute('data-item'));
        editing = { activity: currentActivity(), item: li.getAttribute('data-item') };
        ta.focus();
      }
      return;
    }
    var b = e.target.closest ? e.target.closest('.withdraw') : null;
    if (!b) { return; }
    var form = b.form;
    enqueue({ kind: 'withdraw', activity: form.getAttribute('data-activity'), client_id: uuid() });
  });

  // Multiple choice: never more than allowed checked at once.
  container.addEventListener('change', function (e) {
    var i = e.target;
    if (i.name === 'points' && i.form) { allocationLeft(i.form); return; }
    if (i.name !== 'options' || !i.checked) { return; }
    var form = i.form;
    var max = parseInt(form.getAttribute('data-max') || '0', 10);
    if (max && all(form, 'input[name=options]:checked').length > max) {
      i.checked = false;
      var legend = form.querySelector('legend');
      toast(legend ? legend.textContent : T['js-error'], true);
    }
  });

  window.addEventListener('online', function () { retryDelay = 2000; flush(); });
  var banner = K.connectionBanner(T);
  K.live(data.live, data.seq, onFrame, function (s) {
    banner(s);
    if (s === 'live') { retryDelay = 2000; flush(); }
  });
  decorate(null);
  flush();
})();
