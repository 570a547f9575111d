/* Beacon service worker (optional: the site works fully without it). Network first, so alerts
   stay current; every page opened is kept, and shown from the cache when there is no connection
   or when the network has not answered within TIMEOUT ms. */
var TIMEOUT = 4000; // ms without an answer before a kept copy is shown
var VERSION = '@VERSION@', PRECACHE = @PRECACHE@, OFFLINE = @OFFLINE@;
var scope = self.registration.scope, prefix = 'beacon|' + scope + '|', name = prefix + VERSION;

self.addEventListener('install', function (e) {
  e.waitUntil(caches.open(name).then(function (c) { return c.addAll(PRECACHE); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf(prefix) === 0 && k !== name; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (e) {
  var req = e.request;
  if (req.method !== 'GET' || req.url.indexOf(scope) !== 0) return;
  var network = fetch(req);
  e.waitUntil(network.then(function (res) {
    // no-store: the live preview's answers, which are never worth keeping
    if (res.ok && res.type === 'basic' && !/no-store/.test(res.headers.get('Cache-Control'))) {
      var copy = res.clone();
      return caches.open(name).then(function (c) { return c.put(req, copy); });
    }
  }).catch(function () {}));
  // A very slow (not dead) connection: after TIMEOUT ms the kept copy, if there is one; else keep waiting.
  var slow = new Promise(function (done) { setTimeout(done, TIMEOUT); }).then(function () {
    return caches.open(name).then(function (c) { return c.match(req, { ignoreSearch: true }); });
  }).then(function (hit) { return hit || network; });
  e.respondWith(Promise.race([network, slow]).catch(function () {
    return caches.open(name).then(function (c) {
      return c.match(req, { ignoreSearch: true }).then(function (hit) {
        if (hit || req.mode !== 'navigate') return hit || Response.error();
        var lang = req.url.slice(scope.length).split('/')[0];
        return c.match(new URL(OFFLINE[lang] || OFFLINE[''], scope).href);
      });
    });
  }));
});
