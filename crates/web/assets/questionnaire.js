/* Koers questionnaire pages: a page whose answers could not be sent (the
   connection dropped) is kept in this browser (localStorage) and sent again
   every few seconds and when the browser is back online; it is forgotten only
   once the server has answered. Opening the link again restores it into the
   page. Without this script the page is a plain form and works the same,
   only without the retry. */
(function () {
  'use strict';
  var form = document.querySelector('form.respond-form');
  if (!form || !window.fetch || !window.URLSearchParams) { return; }
  var key = form.getAttribute('data-storage-key');
  // Not form.action: the buttons named "action" shadow that property.
  var target = form.getAttribute('action');
  var banner = document.getElementById('q-offline');
  var busy = false;
  var timer = null;

  function read() {
    try { return JSON.parse(window.localStorage.getItem(key)); } catch (e) { return null; }
  }
  function write(item) {
    try { window.localStorage.setItem(key, JSON.stringify(item)); } catch (e) { /* private mode: memory only */ }
  }
  function forget() {
    try { window.localStorage.removeItem(key); } catch (e) { /* nothing kept */ }
  }

  function restore(fields) {
    var names = {};
    fields.forEach(function (f) { names[f[0]] = true; });
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || !names[el.name] || el.type === 'hidden' || el.type === 'submit') { return; }
      if (el.type === 'radio' || el.type === 'checkbox') {
        el.checked = fields.some(function (f) { return f[0] === el.name && f[1] === el.value; });
      } else {
        var found = fields.filter(function (f) { return f[0] === el.name; })[0];
        el.value = found ? found[1] : '';
      }
    });
  }

  function send(item) {
    if (busy) { return; }
    busy = true;
    var body = new URLSearchParams();
    item.fields.forEach(function (f) { body.append(f[0], f[1]); });
    fetch(target, { method: 'POST', body: body, credentials: 'same-origin', redirect: 'follow' })
      .then(function (r) {
        // A server that could not store it (5xx) is no answer: try again.
        if (r.status >= 500) { throw new Error('server ' + r.status); }
        return r.text().then(function (html) {
          busy = false;
          forget();
          if (r.redirected) { window.location.assign(r.url); return; }
          document.open();
          document.write(html);
          document.close();
        });
      })
      .catch(function () {
        busy = false;
        if (banner) { banner.hidden = false; }
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { send(item); }, 3000);
      });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var fields = [];
    new window.FormData(form).forEach(function (v, k) { fields.push([k, String(v)]); });
    var action = e.submitter && e.submitter.name === 'action' ? e.submitter.value : 'next';
    fields.push(['action', action]);
    var item = { fields: fields };
    write(item);
    send(item);
  });

  window.addEventListener('online', function () {
    var p = read();
    if (p) { send(p); }
  });

  var pending = read();
  if (pending && pending.fields) {
    restore(pending.fields);
    if (banner) { banner.hidden = false; }
    send(pending);
  }
  var errors = document.getElementById('q-errors');
  if (errors) { errors.focus(); }
})();
