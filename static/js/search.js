// Search the site's articles in the browser, fetching only what a query
// needs: the manifest (search/index.json) once, then the shards of the
// query's words and the record chunks of the results shown (see package
// generator/search). Words are runs of letters and digits of any script;
// case and accents are folded away on both sides, so "Genève" finds
// "geneve" and "ΑΘΗΝΑ" "αθηνα"; the last word also finds the words it
// begins. Articles holding every word in the title come first, then the
// newest. A word in very many articles has its postings in parts, newest
// first: the page fetches the newest parts, ranks the articles of the months
// they cover in full, and fetches older parts when the reader asks for more.
// The page's texts come from the script's data attributes.
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
  var maxParts = 8; // parts one widening of a query's window may fetch
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
  // largeOf are the words of many articles that w names: itself, and when
  // it may be the start of longer words, those it begins (unless too many).
  function largeOf(w, prefix) {
    var parts = manifest.parts || {};
    var own = parts[w] ? [w] : [];
    var longer = prefix ? Object.keys(parts).filter(function (t) { return t.length > w.length && t.startsWith(w); }) : [];
    return longer.length <= 8 ? own.concat(longer) : own;
  }
  // largeTerm is what a query knows of one word of many articles: how many
  // of its parts it has (the newest; parts are numbered from the oldest),
  // and the postings in them.
  function largeTerm(word) {
    return { word: word, from: manifest.parts[word], have: 0, found: {} };
  }
  // complete is the month from which on the term's postings are all in.
  function complete(t) {
    return t.have === 0 ? Infinity : t.from[t.from.length - t.have];
  }
  function fetchPart(t) {
    var k = t.from.length - 1 - t.have;
    return get("t/" + hex(t.word) + "-" + k + ".json").then(function (part) {
      postings(part[t.word], t.found);
      t.have = t.from.length - k;
    });
  }
  // matches is what one query word finds in the shards, and its terms of
  // many articles, whose parts come later.
  function matches(w, prefix) {
    var shards = shardsOf(w, prefix);
    return Promise.all(shards.map(function (p) { return get("t/" + hex(p) + ".json"); })).then(function (all) {
      var found = {};
      all.forEach(function (shard) {
        Object.keys(shard).forEach(function (term) {
          if (term === w || prefix && term.startsWith(w)) postings(shard[term], found);
        });
      });
      return { found: found, large: largeOf(w, prefix).map(largeTerm) };
    });
  }
  // window is the month from which on every query word's postings are in:
  // 0 when nothing is left to fetch.
  function windowOf(sets) {
    var from = 0;
    sets.forEach(function (s) { s.large.forEach(function (t) { from = Math.max(from, complete(t)); }); });
    return from;
  }
  // widen fetches the next part of every term that bounds the window.
  function widen(sets) {
    var from = windowOf(sets);
    var asks = [];
    sets.forEach(function (s) {
      s.large.forEach(function (t) { if (complete(t) === from && t.have < t.from.length) asks.push(fetchPart(t)); });
    });
    return Promise.all(asks);
  }
  // ranked are the articles holding every word, in the months the window
  // covers: those with every word in the title first, then the newest.
  function ranked(sets) {
    var from = windowOf(sets);
    var all = sets.map(function (s) {
      var into = {};
      Object.keys(s.found).forEach(function (k) { into[k] = s.found[k]; });
      s.large.forEach(function (t) {
        Object.keys(t.found).forEach(function (k) { into[k] = into[k] || t.found[k]; });
      });
      return into;
    });
    var hits = [];
    Object.keys(all[0]).forEach(function (key) {
      var parts = key.split(":");
      if (+parts[0] < from) return;
      var inTitle = 0;
      for (var i = 0; i < all.length; i++) {
        if (!(key in all[i])) return;
        if (all[i][key]) inTitle++;
      }
      hits.push({ key: key, month: +parts[0], place: +parts[1], title: inTitle === all.length });
    });
    hits.sort(function (a, b) {
      return (b.title - a.title) || (b.month - a.month) || (b.place - a.place);
    });
    return { hits: hits, more: from > 0 };
  }
  // enough widens the window until it holds a page of results, or holds
  // everything, or maxParts parts were fetched for the query.
  function enough(sets, need, fetched) {
    var r = ranked(sets);
    if (r.hits.length >= need || !r.more || fetched >= maxParts) return Promise.resolve(r);
    return widen(sets).then(function () { return enough(sets, need, fetched + 1); });
  }
  // found says how many articles were found; "20+" while older parts of
  // the query's words are not fetched.
  function found(r, q) {
    var n = r.hits.length;
    var forms = data.found.split("|");
    var one = !r.more && (lang.slice(0, 2) === "fr" ? n < 2 : n === 1);
    return forms[one ? 0 : 1].replace("{n}", r.more ? n + "+" : n).replace("{q}", q);
  }
  function record(hit) {
    var month = hit.month, place = hit.place;
    var name = Math.floor(month / 12) + "-" + String(month % 12 + 1).padStart(2, "0") + "-" + Math.floor(place / manifest.chunk);
    return get("r/" + name + ".json").then(function (chunk) { return chunk[place % manifest.chunk]; });
  }
  // render shows the results from "from" on, each as soon as its record
  // and those before it are in: every chunk is asked for at once. When the
  // reader asks for more than the window holds, older parts are fetched.
  function render(q, sets, r, from, shown, id) {
    var chain = Promise.resolve();
    var page = [];
    var next = from;
    for (; next < r.hits.length && page.length < pageSize; next++) {
      if (!shown[r.hits[next].key]) page.push(r.hits[next]);
    }
    page.forEach(function (hit) {
      shown[hit.key] = true;
      var rec = record(hit);
      chain = chain.then(function () { return rec; }).then(function (rec) {
        if (id === asked) list.appendChild(item(rec));
      });
    });
    chain.then(function () {
      if (id !== asked || next >= r.hits.length && !r.more) return;
      more = document.createElement("button");
      more.type = "button";
      more.className = "search__more";
      more.textContent = data.more;
      more.addEventListener("click", function () {
        more.remove();
        more = null;
        if (next < r.hits.length) { render(q, sets, r, next, shown, id); return; }
        enough(sets, Object.keys(shown).length + pageSize, 0).then(function (wider) {
          if (id !== asked) return;
          status.textContent = found(wider, q);
          render(q, sets, wider, 0, shown, id);
        }).catch(function () { status.textContent = data.failed; });
      });
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
      return enough(sets, pageSize, 0).then(function (r) {
        if (id !== asked) return;
        status.textContent = found(r, q);
        render(q, sets, r, 0, {}, id);
      });
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
