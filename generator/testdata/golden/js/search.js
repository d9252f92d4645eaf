// Search the site's articles in the browser: load search/index.json once and
// list the articles whose title, summary, topics or source hold every word asked.
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.querySelector("form.search");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!script || !form || !input || !list) return;
  var index = null;

  function words(s) {
    return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").split(/[^a-z0-9]+/).filter(Boolean);
  }
  function haystack(r) {
    return words([r.t, r.s || "", (r.g || []).join(" "), r.o || ""].join(" ")).join(" ");
  }
  function show(q) {
    list.textContent = "";
    var want = words(q);
    if (!want.length) { status.textContent = ""; return; }
    var hits = index.filter(function (r) {
      return want.every(function (w) { return r.h.indexOf(w) >= 0; });
    });
    status.textContent = hits.length + (hits.length === 1 ? " article" : " articles") + " for \u201c" + q + "\u201d";
    hits.slice(0, 100).forEach(function (r) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = r.u;
      a.textContent = r.t;
      var meta = document.createElement("p");
      meta.className = "search__meta";
      meta.textContent = [r.d].concat(r.g || []).join(" \u00b7 ");
      li.appendChild(a);
      li.appendChild(meta);
      if (r.s) {
        var p = document.createElement("p");
        p.textContent = r.s;
        li.appendChild(p);
      }
      list.appendChild(li);
    });
  }
  function run() {
    var q = input.value.trim();
    if (index) { show(q); return; }
    status.textContent = "Loading\u2026";
    fetch(script.dataset.index).then(function (res) { return res.json(); }).then(function (data) {
      index = data.map(function (r) { r.h = haystack(r); return r; });
      show(q);
    }).catch(function () { status.textContent = "The search index could not be loaded."; });
  }
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value.trim()));
    run();
  });
  input.addEventListener("input", function () { if (index) show(input.value.trim()); });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; run(); }
})();
