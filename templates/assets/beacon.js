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

  /* Search over the prebuilt index (SearchIndex.java), loaded as scripts so that it works from
     file:// too; the same folding as the generator (SearchKeys.java). Without the index the form
     goes to the A–Z page, which lists every page. */
  var form = d.querySelector('form.search'), input = d.getElementById('q'), hits = d.getElementById('hits'),
    status = hits && hits.firstElementChild, index, head, wanted = {}, failed, submitted;
  function skel(w) {
    return w.replace(/g/g, 'h').replace(/[jy]/g, 'i').replace(/w/g, 'v').replace(/(.)\1+/g, '$1')
      .replace(/shch|sch/g, 's').replace(/zh/g, 'z').replace(/kh/g, 'h').replace(/ch|c/g, 'ts')
      .replace(/sh/g, 's').replace(/(.)\1+/g, '$1');
  }
  function words(text) {
    var out = '', t = text.normalize('NFC').toLocaleLowerCase('uk').replace(/['’ʼ`ʻ]/g, '');
    for (var i = 0; i < t.length; i++) out += index.fold[t[i]] !== undefined ? index.fold[t[i]] : t[i];
    return out.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z0-9]+/).filter(Boolean).map(skel);
  }
  /* Each word of the query as typed, and as typed with the other keyboard layout (ghbdsn: привіт). */
  function query() {
    var back = {};
    for (var k in index.layout) back[index.layout[k]] = k;
    return input.value.toLocaleLowerCase('uk').split(/\s+/).filter(Boolean).map(function (w) {
      var other = '';
      for (var i = 0; i < w.length; i++) other += index.layout[w[i]] || back[w[i]] || w[i];
      return [words(w), words(other)];
    }).filter(function (q) { return q[0].length; });
  }
  /* The parts of a split index a query needs: those of its words' first letters, then its pages' blocks. */
  function needs(q, shown) {
    var files = [], s = index.split;
    if (!s) return files;
    q.forEach(function (alts) {
      alts.forEach(function (ws) {
        ws.forEach(function (w) {
          s.keys.forEach(function (p) {
            if (!w.indexOf(p) || !p.indexOf(w)) files.push('search-index/k-' + (p || '_') + '.js');
          });
        });
      });
    });
    (shown || []).forEach(function (id) {
      if (!index.pages[id]) files.push('search-index/p-' + Math.floor(id / s.block) + '.js');
    });
    return files;
  }
  function load(files, then) {
    files = files.filter(function (f) { return !wanted[f]; });
    var left = files.length;
    if (!left) return then();
    files.forEach(function (f) {
      wanted[f] = 1;
      var s = d.createElement('script');
      s.src = new URL(f, head);
      s.onload = function () { if (!--left) then(); };
      s.onerror = function () {
        failed = 1;
        if (submitted) form.submit();
      };
      d.head.appendChild(s);
    });
  }
  window.beaconSearch = function (part) {
    if (!index) index = { keys: {}, pages: [] };
    for (var k in part) if (k !== 'keys' && k !== 'pages' && k !== 'from') index[k] = part[k];
    for (k in part.keys) index.keys[k] = part.keys[k];
    (part.pages || []).forEach(function (p, i) { index.pages[(part.from || 0) + i] = p; });
  };
  function ids(list) {
    var out = [], id = 0;
    if (list) list.split(',').forEach(function (n) { out.push(id += parseInt(n, 36)); });
    return out;
  }
  function search() {
    if (!index || !index.fold) return;
    var q = query(), score = {}, found = [];
    if (!q.length) return show();
    load(needs(q), function () {
      q.forEach(function (alts, n) {
        var best = {};
        alts.forEach(function (ws) {
          if (!ws.length) return;
          var mine = {};
          ws.forEach(function (w, m) {
            var got = {};
            for (var k in index.keys) {
              if (k.indexOf(w)) continue;
              ids(index.keys[k][0]).forEach(function (id) { got[id] = 2; });
              ids(index.keys[k][1]).forEach(function (id) { got[id] = got[id] || 1; });
            }
            for (var id in got) if (!m || mine[id]) mine[id] = (mine[id] || 0) + got[id];
            for (id in mine) if (!got[id]) delete mine[id];
          });
          for (var id in mine) best[id] = Math.max(best[id] || 0, mine[id]);
        });
        for (var id in best) if (!n || score[id]) score[id] = (score[id] || 0) + best[id];
        for (id in score) if (!best[id]) delete score[id];
      });
      for (var id in score) found.push(+id);
      found.sort(function (a, b) { return score[b] - score[a] || a - b; });
      load(needs([], found.slice(0, 12)), function () { show(found); });
    });
  }
  function show(found) {
    submitted = 0;
    if (!found) {
      while (hits.lastChild !== status) hits.removeChild(hits.lastChild);
      return status.textContent = '';
    }
    var h = d.createElement('h2'), ul = d.createElement('ul'), all = d.createElement('a'), p = d.createElement('p');
    h.textContent = found.length ? form.dataset.found.replace('{n}', found.length) : form.dataset.none;
    found.slice(0, 12).forEach(function (id) {
      var li = d.createElement('li'), a = d.createElement('a'), pg = index.pages[id];
      a.href = page(new URL(pg[0], head));
      a.textContent = pg[1];
      li.appendChild(a);
      if (pg[2]) li.appendChild(d.createTextNode(' — ' + pg[2]));
      ul.appendChild(li);
    });
    all.href = form.action;
    all.textContent = form.dataset.all;
    p.appendChild(all);
    while (hits.lastChild !== status) hits.removeChild(hits.lastChild);
    status.textContent = '';
    status.appendChild(h);
    if (found.length) hits.appendChild(ul);
    hits.appendChild(p);
  }
  /* From disk a folder shows a file list, not its page: name index.html, as the offline zip's links do. */
  function page(url) {
    return location.protocol === 'file:' ? String(url).replace(/\/$/, '/index.html') : url;
  }
  if (form && input && hits) {
    head = new URL(form.dataset.index, location.href);
    input.addEventListener('input', function () { load([head], search); });
    form.addEventListener('submit', function (e) {
      if (failed) return;
      e.preventDefault();
      submitted = 1;
      load([head], search);
    });
    var asked = new URLSearchParams(location.search).get('q');
    if (asked) {
      input.value = asked;
      load([head], search);
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

  /* A list of places sorted by distance from the reader, on the device: the position is asked for
     on a click, used here to re-order the items (data-lat, data-lon) and forgotten; nothing is sent
     or stored. Without this script (or a position) the list stays sorted by name. */
  var places = d.querySelector('ol.places[data-sort]');
  if (places && navigator.geolocation) {
    var sort = d.createElement('button'), note = d.createElement('p');
    sort.type = 'button';
    sort.textContent = places.getAttribute('data-sort');
    note.textContent = places.getAttribute('data-privacy');
    note.className = 'sort-note';
    note.setAttribute('aria-live', 'polite'); // the new order, and a failure, are read out
    places.parentNode.insertBefore(sort, places);
    places.parentNode.insertBefore(note, places);
    sort.addEventListener('click', function () {
      navigator.geolocation.getCurrentPosition(function (at) {
        var r = Math.PI / 180, la = at.coords.latitude * r, lo = at.coords.longitude * r;
        [].slice.call(places.children).map(function (li) {
          var pa = li.getAttribute('data-lat') * r, dl = li.getAttribute('data-lon') * r - lo,
            h = Math.pow(Math.sin((pa - la) / 2), 2) + Math.cos(la) * Math.cos(pa) * Math.pow(Math.sin(dl / 2), 2);
          return [h, li];
        }).sort(function (a, b) { return a[0] - b[0]; }).forEach(function (p) {
          var km = p[1].querySelector('span.km') || p[1].appendChild(d.createElement('span'));
          km.className = 'km';
          km.textContent = ' \u00b7 ' + (Math.round(2 * 6371 * Math.asin(Math.sqrt(p[0])) * 10) / 10).toFixed(1) + ' ' + places.getAttribute('data-km');
          places.appendChild(p[1]);
        });
        note.textContent = places.getAttribute('data-done');
      }, function () { note.textContent = places.getAttribute('data-failed'); }, { maximumAge: 600000, timeout: 30000 });
    });
  }

  /* Offline after one visit: the service worker sits at the site's root, so any sub-path works. */
  if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
    navigator.serviceWorker.register(new URL('sw.js', root)).catch(function () { /* the site works without it */ });
  }
})();
