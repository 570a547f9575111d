/* Beacon: optional enhancements. Every page works without this file. */
(function () {
  var d = document, me = d.currentScript, root = new URL('../', me.src);

  /* Quick exit (GOV.UK "exit this page"): the link, Shift pressed three times on its own within
     5 s, or Esc, blank the page at once and replace it in the history, so Back does not return
     here. Keys typed in a form field never count; the hint is shown where a keyboard is likely. */
  var exit = d.querySelector('.exit a'), shifts = 0, first = 0;
  function leave(e) {
    if (e) e.preventDefault();
    d.body.style.display = 'none';
    d.title = '';
    location.replace(exit.href);
  }
  function typing(t) {
    return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  }
  if (exit) {
    if (window.matchMedia && matchMedia('(hover: hover) and (pointer: fine)').matches) {
      var hint = d.createElement('span');
      hint.textContent = exit.parentNode.getAttribute('data-hint');
      exit.parentNode.append(' ', hint);
    }
    exit.addEventListener('click', leave);
    d.addEventListener('keydown', function (e) {
      if (e.key !== 'Shift' || e.repeat || typing(e.target)) shifts = 0;
      if (typing(e.target)) return;
      if (e.key === 'Escape') return leave(e);
      if (e.key !== 'Shift' || e.repeat) return;
      if (Date.now() - first > 5000) shifts = 0;
      if (!shifts) first = Date.now();
      if (++shifts === 3) leave(e);
    });
  }

  /* Search over the prebuilt index: the same folding as the generator (SearchKeys.java). */
  var form = d.querySelector('form.search'), input = d.getElementById('q'), hits = d.getElementById('hits'), index;
  function skel(w) {
    return w.replace(/g/g, 'h').replace(/[jy]/g, 'i').replace(/w/g, 'v').replace(/(.)\1+/g, '$1')
      .replace(/shch|sch/g, 's').replace(/zh/g, 'z').replace(/kh/g, 'h').replace(/ts|ch/g, 'c')
      .replace(/sh/g, 's').replace(/(.)\1+/g, '$1');
  }
  function words(text) {
    var out = '', t = text.normalize('NFC').toLocaleLowerCase('uk').replace(/['’ʼ`ʻ]/g, '');
    for (var i = 0; i < t.length; i++) out += index.fold[t[i]] !== undefined ? index.fold[t[i]] : t[i];
    return out.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z0-9]+/).filter(Boolean).map(skel);
  }
  function has(keys, w) {
    return (' ' + keys).indexOf(' ' + w) >= 0;
  }
  function show() {
    var q = words(input.value), found = [];
    hits.textContent = '';
    if (!q.length) return;
    index.pages.forEach(function (p, order) {
      var score = 0;
      for (var i = 0; i < q.length; i++) {
        var s = has(p[3], q[i]) ? 2 : has(p[4], q[i]) ? 1 : 0;
        if (!s) return;
        score += s;
      }
      found.push([score, order, p]);
    });
    found.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
    if (!found.length) {
      var none = d.createElement('p');
      none.textContent = form.dataset.none;
      hits.appendChild(none);
      return;
    }
    var ul = d.createElement('ul');
    found.slice(0, 12).forEach(function (f) {
      var li = d.createElement('li'), a = d.createElement('a');
      a.href = new URL(f[2][0], index.url);
      a.textContent = f[2][1];
      li.appendChild(a);
      if (f[2][2]) li.appendChild(d.createTextNode(' — ' + f[2][2]));
      ul.appendChild(li);
    });
    hits.appendChild(ul);
  }
  function load(then) {
    if (index) return then();
    var url = new URL(form.dataset.index, location.href);
    fetch(url).then(function (r) { return r.json(); }).then(function (j) {
      index = j;
      index.url = url;
      then();
    }).catch(function () { /* no index (offline): the form still goes to the A–Z page */ });
  }
  if (form && input && window.fetch) {
    input.addEventListener('input', function () { load(show); });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      load(show);
    });
    var asked = new URLSearchParams(location.search).get('q');
    if (asked) {
      input.value = asked;
      load(show);
    }
  }

  /* The offline page lists the pages this device has kept. */
  var kept = d.getElementById('cached');
  if (kept && window.caches) {
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return n.indexOf('beacon|' + root.href) === 0; })
        .map(function (n) { return caches.open(n).then(function (c) { return c.keys(); }); }));
    }).then(function (lists) {
      [].concat.apply([], lists).forEach(function (req) {
        if (!/\/$|\.html$/.test(req.url) || /offline\.html$/.test(req.url)) return;
        var li = d.createElement('li'), a = d.createElement('a');
        a.href = req.url;
        a.textContent = decodeURI(req.url.slice(root.href.length)) || '/';
        li.appendChild(a);
        kept.appendChild(li);
      });
    });
  }

  /* Offline after one visit: the service worker sits at the site's root, so any sub-path works. */
  if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
    navigator.serviceWorker.register(new URL('sw.js', root)).catch(function () { /* the site works without it */ });
  }
})();
