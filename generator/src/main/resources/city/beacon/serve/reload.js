// Beacon live preview only (never in a built site): reloads the page when the preview is rebuilt.
// Long-polls the preview server it came from; no other origin is contacted.
(function () {
  var script = document.currentScript;
  var version = script ? script.getAttribute("data-version") : "0";
  function wait() {
    var request = new XMLHttpRequest();
    request.open("GET", "/__beacon/wait?since=" + encodeURIComponent(version));
    request.onload = function () {
      if (request.status === 200 && request.responseText !== version) {
        location.reload();
      } else {
        wait();
      }
    };
    request.onerror = function () { setTimeout(wait, 1000); };
    request.send();
  }
  wait();
})();
