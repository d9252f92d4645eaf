// Search the site's articles in the browser, fetching only what a query
// needs: the manifest (search/index.json) once, then the shards of the
// query's words and the record chunks of the results shown (see package
// generator/search). Words are runs of letters and digits of any script;
// case and accents are folded away on both sides, so "Genève" finds
// "geneve" and "ΑΘΗΝΑ" "αθηνα"; the last word also finds the words it
// begins. Articles holding every word in the title come first, then the
// newest. The page's texts come from the script's data attributes.
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.querySelector("form.search");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!script || !form || !input || !list) return;
  var data = script.dataset;
  var base = data.index.replace(/[^/]*$/, "");
  var lang = data.lang || "en";
  var dates = new Intl.DateTimeFormat(lang, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  var pageSize = 20;
  var manifest = null;
  var files = {}; // path -> promise of its JSON
  var asked = 0; // the latest query, so that a slow answer to an older one is dropped
  var more = null;

  function words(s) {
    return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/ς/g, "σ")
      .split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }
  function get(path) {
    if (!files[path]) {
      files[path] = fetch(base + path).then(function (res) {
        if (!res.ok) throw new Error(res.status);
        return res.json();
      });
    }
    return files[path];
  }
  function hex(s) {
    return Array.from(new TextEncoder().encode(s), function (b) { return b.toString(16).padStart(2, "0"); }).join("");
  }
  // shardsOf are the shards that hold w, and, when it may be the start of
  // longer words, those of the words it begins (unless there are too many).
  function shardsOf(w, prefix) {
    var own = "";
    var longer = [];
    manifest.shards.forEach(function (p) {
      if (w.startsWith(p) && p.length > own.length) own = p;
      if (prefix && p.length > w.length && p.startsWith(w)) longer.push(p);
    });
    var list = own ? [own] : [];
    return longer.length <= 8 ? list.concat(longer) : list;
  }
  // postings decodes a word's postings into "month:place" -> in title.
  function postings(arr, into) {
    var month = 0;
    for (var i = 0; i < arr.length; i += 2) {
      month = i === 0 ? arr[0] : month - arr[i];
      var key = month + ":" + (arr[i + 1] >> 1);
      into[key] = into[key] || (arr[i + 1] & 1) === 1;
    }
  }
  function matches(w, prefix) {
    var shards = shardsOf(w, prefix);
    return Promise.all(shards.map(function (p) { return get("t/" + hex(p) + ".json"); })).then(function (all) {
      var found = {};
      all.forEach(function (shard) {
        Object.keys(shard).forEach(function (term) {
          if (term === w || prefix && term.startsWith(w)) postings(shard[term], found);
        });
      });
      return found;
    });
  }
  function found(n, q) {
    var forms = data.found.split("|");
    var one = lang.slice(0, 2) === "fr" ? n < 2 : n === 1;
    return forms[one ? 0 : 1].replace("{n}", n).replace("{q}", q);
  }
  function record(hit) {
    var month = hit.month, place = hit.place;
    var name = Math.floor(month / 12) + "-" + String(month % 12 + 1).padStart(2, "0") + "-" + Math.floor(place / manifest.chunk);
    return get("r/" + name + ".json").then(function (chunk) { return chunk[place % manifest.chunk]; });
  }
  // render shows the results from "from" on, each as soon as its record
  // and those before it are in: every chunk is asked for at once.
  function render(hits, from, id) {
    var chain = Promise.resolve();
    hits.slice(from, from + pageSize).forEach(function (hit) {
      var rec = record(hit);
      chain = chain.then(function () { return rec; }).then(function (r) {
        if (id === asked) list.appendChild(item(r));
      });
    });
    chain.then(function () {
      if (id !== asked || from + pageSize >= hits.length) return;
      more = document.createElement("button");
      more.type = "button";
      more.className = "search__more";
      more.textContent = data.more;
      more.addEventListener("click", function () { more.remove(); more = null; render(hits, from + pageSize, id); });
      list.after(more);
    }).catch(function () { status.textContent = data.failed; });
  }
  function item(r) {
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
    return li;
  }
  function show(q) {
    var id = ++asked;
    list.textContent = "";
    if (more) { more.remove(); more = null; }
    var want = words(q).filter(function (w) { return manifest.stop.indexOf(w) < 0; });
    if (!want.length) { status.textContent = ""; return; }
    Promise.all(want.map(function (w, i) { return matches(w, i === want.length - 1); })).then(function (sets) {
      if (id !== asked) return;
      var hits = [];
      Object.keys(sets[0]).forEach(function (key) {
        var inTitle = 0;
        for (var i = 0; i < sets.length; i++) {
          if (!(key in sets[i])) return;
          if (sets[i][key]) inTitle++;
        }
        var parts = key.split(":");
        hits.push({ month: +parts[0], place: +parts[1], title: inTitle === sets.length });
      });
      hits.sort(function (a, b) {
        return (b.title - a.title) || (b.month - a.month) || (b.place - a.place);
      });
      status.textContent = found(hits.length, q);
      render(hits, 0, id);
    }).catch(function () { status.textContent = data.failed; });
  }
  function run() {
    var q = input.value.trim();
    if (manifest) { show(q); return; }
    status.textContent = data.loading;
    get("index.json").then(function (m) { manifest = m; show(q); })
      .catch(function () { status.textContent = data.failed; });
  }
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value.trim()));
    run();
  });
  input.addEventListener("input", function () { if (manifest) show(input.value.trim()); });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; run(); }
})();
