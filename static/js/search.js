// Search the site's articles in the browser: load search/index.json once and
// list the articles whose title, summary, topics or source hold every word asked.
// Words are runs of letters and digits of any script; case and accents are
// folded away on both sides, so "Genève" finds "geneve" and "ΑΘΗΝΑ" "αθηνα".
// The page's texts come from the script's data attributes, in the site's language.
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.querySelector("form.search");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!script || !form || !input || !list) return;
  var index = null;
  var data = script.dataset;
  var lang = data.lang || "en";
  var dates = new Intl.DateTimeFormat(lang, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

  function words(s) {
    return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }
  // found is the status line: the singular or plural of data-found.
  function found(n, q) {
    var forms = data.found.split("|");
    var one = lang.slice(0, 2) === "fr" ? n < 2 : n === 1;
    return forms[one ? 0 : 1].replace("{n}", n).replace("{q}", q);
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
    status.textContent = found(hits.length, q);
    hits.slice(0, 100).forEach(function (r) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = r.u;
      a.textContent = r.t;
      var meta = document.createElement("p");
      meta.className = "search__meta";
      meta.textContent = [dates.format(new Date(r.d))].concat(r.g || []).join(" \u00b7 ");
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
    status.textContent = data.loading;
    fetch(script.dataset.index).then(function (res) { return res.json(); }).then(function (list) {
      index = list.map(function (r) { r.h = haystack(r); return r; });
      show(q);
    }).catch(function () { status.textContent = data.failed; });
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
