/* Koers: the facilitator's console. Live updates of the current activity and
   the agenda; steering buttons work without a page reload (and as plain
   forms without JavaScript); the activity form shows only fitting fields. */
(function () {
  'use strict';
  var K = window.Koers;
  var data = K.pageData();
  var texts = data.texts || {};
  var alertBox = document.getElementById('console-alert');

  function say(text) {
    if (!alertBox) { return; }
    alertBox.textContent = text;
    alertBox.hidden = !text;
  }

  function defaultIndex(select) {
    for (var i = 0; i < select.options.length; i++) { if (select.options[i].defaultSelected) { return i; } }
    return 0;
  }

  function formKey(form) {
    var v = function (n) { var i = form.querySelector('input[name=' + n + ']'); return i ? i.value : ''; };
    return [form.getAttribute('action') || '', v('action'), v('op'), v('activity_id'), v('item_id'), v('category_id'), v('speaker'), v('wording')].join('|');
  }

  if (data.live) {
    K.live(data.live, data.seq, function (frame) {
      // Keep keyboard focus on the same button when its region is redrawn.
      var active = document.activeElement;
      var key = null;
      if (active && active.form && active.form.getAttribute('method') === 'post') { key = formKey(active.form); }
      // Ideas keep arriving while the facilitator edits one: keep what is
      // typed and which sections are open across the redraw.
      var typed = {};
      var fields = document.querySelectorAll('#console-live input[id], #console-live textarea[id], #console-live select[id]');
      for (var f = 0; f < fields.length; f++) {
        var el = fields[f];
        var changed = el.tagName === 'SELECT' ? el.selectedIndex !== defaultIndex(el) : el.value !== el.defaultValue;
        if (changed || el === active) { typed[el.id] = el.value; }
      }
      var open = [];
      var ds = document.querySelectorAll('#console-live details[open][id]');
      for (var d = 0; d < ds.length; d++) { open.push(ds[d].id); }
      var activeId = active && active.id ? active.id : null;
      K.applyRegions(frame);
      Object.keys(typed).forEach(function (id) { var el = document.getElementById(id); if (el) { el.value = typed[id]; } });
      open.forEach(function (id) { var el = document.getElementById(id); if (el) { el.open = true; } });
      if (activeId) {
        var again = document.getElementById(activeId);
        if (again) { again.focus(); key = null; }
      }
      K.fillCsrf(document);
      if (key) {
        var forms = document.querySelectorAll('form');
        for (var i = 0; i < forms.length; i++) {
          if (formKey(forms[i]) === key) {
            var b = forms[i].querySelector('button');
            if (b) { b.focus(); }
            break;
          }
        }
      }
    }, K.connectionBanner(texts));
  }

  document.addEventListener('submit', function (e) {
    var form = e.target;
    var action = form.getAttribute('action') || '';
    if (!/\/(control|lists)$/.test(action) || !window.fetch || !window.URLSearchParams) { return; }
    e.preventDefault();
    var button = form.querySelector('button');
    if (button) { button.disabled = true; }
    var body = new URLSearchParams();
    var fields = form.querySelectorAll('input, select, textarea');
    for (var i = 0; i < fields.length; i++) { body.append(fields[i].name, fields[i].value); }
    post(action, body, button, form);
  });

  function post(action, body, button, form) {
    fetch(action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'X-CSRF-Token': K.csrf() },
      body: body
    }).then(function (r) {
      if (r.status === 204) {
        say('');
        // Done: what was typed is now in the frame (or was a new entry).
        if (form && form.querySelector('input[type=text], input:not([type]), textarea')) { form.reset(); }
        return null;
      }
      return r.json().then(function (j) { say(j && j.error ? j.error.message : (texts['js-error'] || 'Error')); });
    }, function () {
      say(texts['js-offline'] || 'Offline');
    }).then(function () { if (button) { button.disabled = false; } });
  }

  /* Categorising by drag and drop (the move buttons do the same by keyboard). */
  var dragged = null;
  document.addEventListener('dragstart', function (e) {
    var li = e.target.closest ? e.target.closest('.manage-board .item[data-item]') : null;
    if (!li) { return; }
    dragged = li.getAttribute('data-item');
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', dragged);
  });
  document.addEventListener('dragover', function (e) {
    var zone = dragged && e.target.closest ? e.target.closest('.dropzone') : null;
    if (!zone) { return; }
    e.preventDefault();
    zone.classList.add('over');
  });
  document.addEventListener('dragleave', function (e) {
    var zone = e.target.closest ? e.target.closest('.dropzone') : null;
    if (zone) { zone.classList.remove('over'); }
  });
  document.addEventListener('drop', function (e) {
    var zone = dragged && e.target.closest ? e.target.closest('.dropzone') : null;
    if (!zone) { return; }
    e.preventDefault();
    zone.classList.remove('over');
    var manage = zone.closest('.manage');
    var body = new URLSearchParams();
    body.append('op', 'board_move');
    body.append('activity_id', manage.getAttribute('data-activity'));
    body.append('item_id', dragged);
    body.append('category_id', zone.getAttribute('data-category') || '');
    dragged = null;
    post(manage.getAttribute('data-lists'), body, null, null);
  });

  var kind = document.getElementById('af-kind');
  function syncKind() {
    var k = ' ' + kind.value + ' ';
    var boxes = document.querySelectorAll('.kind-fields');
    for (var i = 0; i < boxes.length; i++) {
      boxes[i].hidden = (' ' + boxes[i].getAttribute('data-kinds') + ' ').indexOf(k) < 0;
    }
  }
  if (kind) { kind.addEventListener('change', syncKind); syncKind(); }
})();
