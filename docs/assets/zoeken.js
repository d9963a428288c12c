/* Search (/zoeken/?q=...&soort=tip, and the words box of an overview): Pagefind with Dutch
   stemming, and around it what Pagefind does not do itself:
   - stop words and question words need not match ("waar vind ik geld voor taallessen");
   - when no page has all words, the pages with most of them, and the page says so;
   - synonyms from data/vocabulaire.yml, always ranked below pages with the word itself, and
     named ("Ook gezocht op: ...") with a link to switch them off (&precies=ja);
   - two words typed apart that the site writes as one ("taal pact");
   - a word the site does not use is corrected to the nearest word of the site's word list
     (zoeken/woorden.json), with a link to search the spelling as typed;
   - a filter by kind with counts, and the snippet from the matched sentence or the summary.
   The address keeps the query and the filter, so a search can be mailed.
   The first part (the engine) is window.kbZoeken; an overview loads this file for its words box
   and asks kbZoeken.cards(words, kind) which of its cards match. */
(function () {
  "use strict";
  var inline = document.getElementById("kb-zoekinstellingen");
  var STOP = {};
  var ALTS = {};    // the same meaning, both ways (data/vocabulaire.yml, zoekwoorden)
  var THEMES = {};  // a theme's synonym -> the theme's name: one way, always a synonym
  function use(settings) {
    (settings.stopwoorden || []).forEach(function (w) { STOP[w] = true; });
    ALTS = settings.woorden || {};
    THEMES = settings.themas || {};
  }
  // The search page has its settings inline; an overview fetches them (export/zoekwoorden.json).
  var root = new URL("../", document.currentScript ? document.currentScript.src : window.location.href);
  var settingsReady = inline
    ? Promise.resolve(use(JSON.parse(inline.textContent)))
    : fetch(new URL("export/zoekwoorden.json", root).href).then(function (r) { return r.json(); }).then(use);
  function alternativesOf(text) {
    var out = (ALTS[text] || []).slice();
    (THEMES[text] || []).forEach(function (t) { if (out.indexOf(t) < 0) { out.push(t); } });
    return out;
  }
  var KINDS = ["praktijk", "tip", "knelpunt", "aanbeveling", "achtergrond"];
  var SYNONYM = 0.5;  // a page found through a synonym weighs half, and ranks below anyway
  var PAGE = 10;      // results whose text is fetched at a time: each costs a request
  var MAX_VIA_SYNONYM = 10;  // pages found only through a synonym: the best ones, not a flood
  var RARE = 1500;    // a word below this place in the site's word list is rare: also try its parts
  var FEW = 3;        // fewer pages than this with all words: show pages with most of them below

  var pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
    // noWorker: Pagefind's WebAssembly runs on the page itself. On a slow phone the worker costs
    // one more request and its start-up before the first result (bench/search.py).
    return pf.options({ baseUrl: root.pathname, excerptLength: 22, noWorker: true }).then(function () {
      pf.init();  // the index's entry file and WebAssembly, while the rest of the page loads
      return pf;
    });
  });
  var wordList = null;  // zoeken/woorden.json (10 KB gz), fetched beside the index at the first search
  function knownWords() {
    if (!wordList) {
      wordList = fetch(new URL("zoeken/woorden.json", root).href)
        .then(function (r) { return r.ok ? r.json() : { woorden: [] }; })
        .then(function (d) { return vocabulary(d.woorden || []); }, function () { return vocabulary([]); });
    }
    return wordList;
  }

  /* The site's words (four letters or more, all of them) and every start of one. */
  function vocabulary(words) {
    var starts = {};
    words.forEach(function (w) { for (var i = 4; i <= w.length; i++) { starts[w.slice(0, i)] = true; } });
    var rank = {};
    words.forEach(function (w, i) { rank[w] = i; });
    return {
      list: words,
      empty: !words.length,  // no list (offline, old cache): trust Pagefind
      /* "taallessen" as "taal lessen" when the site rarely or never writes it as one word, and
         both parts are words of the site (a part may end in the linking s: "beleidsplan"). */
      split: function (word) {
        if (word.length < 8 || rank[word] < RARE) { return ""; }
        for (var i = 4; i <= word.length - 4; i++) {
          var head = word.slice(0, i), tail = word.slice(i);
          if (head in rank && tail in rank) { return head + " " + tail; }
          if (head.slice(-1) === "s" && head.slice(0, -1) in rank && tail in rank) { return head.slice(0, -1) + " " + tail; }
        }
        return "";
      },
      has: function (word) {
        if (this.empty || word.length < 4 || starts[word]) { return true; }
        // an ending the site does not use: "vrijwilligerss", "taalhuizen" for "taalhuis"
        return word.length > 5 && (starts[word.slice(0, -1)] || starts[word.slice(0, -2)]) === true;
      }
    };
  }

  /* Whether every word of a term is one the site uses. Pagefind finds something for any word:
     for one it does not have, the pages with words that begin like it ("volunteer": "vol"). */
  function onSite(term, known) {
    return term.replace(/"/g, "").split(/\s+/).every(function (w) { return known.has(clean(w)); });
  }

  /* ---- the query ---- */

  function clean(word) {
    return word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  }

  /* The query as slots: each word (or quoted phrase, or two words that are one term such as
     "low literacy") must be found, in one of its forms: the word itself or a synonym. */
  function slots(query, exact, known) {
    var out = [];
    var words = [];
    query.replace(/"([^"]+)"|(\S+)/g, function (m, phrase, word) {
      if (phrase) { out.push({ text: "\u201c" + phrase + "\u201d", forms: ['"' + phrase + '"'], alts: [] }); }
      else if (clean(word)) { words.push(clean(word)); }
      return m;
    });
    var content = words.filter(function (w) { return !STOP[w]; });
    if (!content.length && !out.length) { content = words; }  // only stop words: search those
    for (var i = 0; i < content.length; i++) {
      var two = content[i] + " " + content[i + 1];
      var text = i + 1 < content.length && (ALTS[two] || THEMES[two]) ? two : content[i];
      if (text === two) { i += 1; }
      // Two words a group of zoekwoorden gives as another way to write one term ("werk samen",
      // "low literacy") are that term: its words count as the words themselves.
      var same = text === two && !exact ? ALTS[two] || [] : [];
      var alts = exact ? [] : alternativesOf(text).filter(function (a) { return same.indexOf(a) < 0; });
      out.push({ text: text, forms: [text].concat(same), alts: alts });
    }
    if (known) {
      out.forEach(function (s) {
        // A rare compound typed as one word may be written apart on the site: try its parts,
        // as a synonym (below pages with the word itself, and below the vocabulary's synonyms).
        var parts = s.text.indexOf(" ") < 0 && !exact ? known.split(s.text) : "";
        if (parts) { s.alts.push(parts); }
        s.unknown = !onSite(s.forms[0], known);
        s.forms = s.forms.filter(function (f) { return onSite(f, known); });
        s.alts = s.alts.filter(function (f) { return onSite(f, known); });
      });
    }
    return out;
  }

  /* ---- searching ---- */

  /* All chunks of the index a query needs are fetched first, at once (preload, with the filter
     by kind): the many searches after that load nothing and only compute. */
  function preload(pf, terms) {
    return Promise.all(terms.map(function (term) { return pf.preload(term, { filters: { soort: "praktijk" } }); }));
  }

  /* One search per kind, so the kind of every result is known without fetching its text. */
  function byKind(pf, term) {
    return Promise.all(KINDS.map(function (kind) {
      return pf.search(term, { filters: { soort: kind } });
    })).then(function (searches) {
      var found = {};
      searches.forEach(function (s, i) {
        (s && s.results || []).forEach(function (r) { found[r.id] = { result: r, score: r.score, kind: KINDS[i] }; });
      });
      return found;
    });
  }

  /* Two words next to each other may be one word on the site: "taal pact" is "taalpact". */
  function joined(wanted) {
    var jobs = [];
    for (var i = 0; i + 1 < wanted.length; i++) {
      var a = wanted[i].text, b = wanted[i + 1].text;
      if (wanted[i].unknown || wanted[i + 1].unknown) { continue; }
      if (/^[\p{L}]{3,}$/u.test(a) && /^[\p{L}]{3,}$/u.test(b)) {
        jobs.push({ slots: [i, i + 1], term: a + b, own: true });
      }
    }
    return jobs;
  }

  /* Every page with its best match per slot: 2 = the word itself, 1 = a synonym. */
  function collect(pf, query, exact, known) {
    var wanted = slots(query, exact, known);
    var jobs = [];
    wanted.forEach(function (slot, i) {
      slot.forms.forEach(function (f, k) { jobs.push({ slots: [i], term: f, own: true, other: k > 0 }); });
      slot.alts.forEach(function (f) { jobs.push({ slots: [i], term: f, own: false }); });
    });
    jobs = jobs.concat(joined(wanted));
    return preload(pf, jobs.map(function (job) { return job.term; })).then(function () {
      return Promise.all(jobs.map(function (job) { return byKind(pf, job.term); }));
    }).then(function (founds) {
      var pages = {};
      var ownHits = wanted.map(function () { return 0; });
      var alsoUsed = {};  // other words of a two-word term that found pages ("low literacy")
      founds.forEach(function (found, j) {
        var job = jobs[j];
        var level = job.own ? 2 : 1;
        if (job.other && Object.keys(found).length) { alsoUsed[job.term] = true; }
        Object.keys(found).forEach(function (id) {
          var hit = found[id];
          var page = pages[id] || (pages[id] = { id: id, result: hit.result, kind: hit.kind, match: [], score: [], via: [] });
          var score = hit.score * (job.own ? 1 : SYNONYM) / job.slots.length;
          job.slots.forEach(function (slot) {
            if ((page.match[slot] || 0) < level || (page.match[slot] === level && page.score[slot] < score)) {
              page.match[slot] = level;
              page.score[slot] = score;
              page.via[slot] = job.own ? "" : job.term;
            }
            if (job.own) { ownHits[slot] += 1; }
          });
        });
      });
      return { slots: wanted, pages: pages, ownHits: ownHits, alsoUsed: Object.keys(alsoUsed) };
    });
  }

  /* Rank: pages with every word first (the word itself before synonyms); only when no page has
     them all, the pages with most of them. */
  function rank(found) {
    var n = found.slots.length;
    var all = [];
    var some = [];
    Object.keys(found.pages).forEach(function (id) {
      var p = found.pages[id];
      var matched = 0, own = 0, score = 0;
      for (var i = 0; i < n; i++) {
        if (p.match[i]) { matched += 1; score += p.score[i]; }
        if (p.match[i] === 2) { own += 1; }
      }
      var row = { id: id, result: p.result, kind: p.kind, matched: matched, own: own, score: score };
      (matched === n ? all : some).push(row);
    });
    var order = function (a, b) { return b.matched - a.matched || b.own - a.own || b.score - a.score; };
    if (all.length) {
      all.sort(order);
      var kept = 0;
      all = all.filter(function (r) { return r.own === n || ++kept <= MAX_VIA_SYNONYM; });
      // Name only the synonyms through which a shown page was found, and not a mere other
      // form of the word typed ("vrijwilliger" for "vrijwilligers").
      var named = {};
      all.forEach(function (r) {
        found.pages[r.id].via.forEach(function (alt, slot) {
          if (alt && !sameWord(alt, found.slots[slot].text)) { named[alt] = true; }
        });
      });
      var rest = [];
      if (all.length < FEW && n > 1) { rest = some.sort(order).slice(0, PAGE); }
      return { rows: all.concat(rest), partial: false, mixed: rest.length ? all.length : 0,
        named: found.alsoUsed.concat(Object.keys(named)) };
    }
    some.sort(order);
    return { rows: some, partial: n > 1 && some.length > 0, mixed: 0, named: found.alsoUsed };
  }

  /* ---- "Bedoel je ...?" ---- */

  /* Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps: "vrjiwilligers"
     is one step from "vrijwilligers"), stopping early above ``max``. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) { return max + 1; }
    var prev2 = [], prev = [], cur = [];
    for (var j = 0; j <= b.length; j++) { prev[j] = j; }
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) { d = Math.min(d, prev2[j - 2] + 1); }
        cur[j] = d;
        if (d < best) { best = d; }
      }
      if (best > max) { return max + 1; }
      prev2 = prev;
      prev = cur;
    }
    return prev[b.length];
  }

  /* The site's words nearest to ``word``, most frequent first (the list is in that order). */
  function nearest(word, words) {
    var max = word.length <= 5 ? 1 : 2;
    var found = [];
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      if (w.indexOf(word) === 0 || (word.indexOf(w) === 0 && word.length - w.length <= 2)) {
        return [];  // a word of the site, or its start, or it with an ending: no typo
      }
      var d = distance(word, w, max);
      if (d <= max) { found.push({ word: w, d: d, rank: i, ours: ALTS[w] || THEMES[w] ? 0 : 1 }); }
    }
    // Nearest first; of equally near words a word of the vocabulary ("schulden" before
    // "scholen" for "scholden"), then the more frequent one.
    found.sort(function (a, b) { return a.d - b.d || a.ours - b.ours || a.rank - b.rank; });
    var out = [];
    found.forEach(function (f) {
      if (out.length < 3 && !out.some(function (o) { return sameWord(o, f.word); })) { out.push(f.word); }
    });
    return out;
  }

  /* For every word the site does not know: the best correction and other suggestions.
     Pagefind's own hits cannot tell: for a word it does not have it still returns the pages
     with words that begin like it ("volunteer" finds "vol"). So the site's word list decides. */
  function corrections(found, known) {
    return found.slots.filter(function (s) {  // a word with synonyms on the site ("debt") is no typo
      return s.unknown && !s.alts.length && s.text.charAt(0) !== "\u201c" && s.text.indexOf(" ") < 0;
    }).map(function (s) { return { word: s.text, options: nearest(s.text, known.list) }; })
      .filter(function (c) { return c.options.length; });
  }

  function sameWord(a, b) {  // "vrijwilliger" and "vrijwilligers": no second suggestion
    var n = 0;
    while (n < a.length && a[n] === b[n]) { n += 1; }
    return n >= Math.min(a.length, b.length) - 2;
  }

  /* A query comes from an address anyone can make: ten thousand characters kept a phone's main
     thread busy for seconds (a typo correction per word). The engine takes the first MAX_QUERY
     characters and MAX_WORDS words; the page says so when it cut a query. */
  var MAX_QUERY = 200;
  var MAX_WORDS = 12;
  function bounded(query) {
    var words = String(query || "").slice(0, MAX_QUERY).trim().split(/\s+/);
    return words.slice(0, MAX_WORDS).join(" ");
  }

  /* The ranked results of a query, with its corrections. */
  function find(query, exact) {
    query = bounded(query);
    return Promise.all([pagefind, knownWords(), settingsReady]).then(function (loaded) {
      var pf = loaded[0];
      var known = loaded[1];
      return collect(pf, query, exact, known).then(function (found) {
        var state = { query: query, typed: query, exact: exact, ranked: rank(found), suggestions: [], others: [], corrected: false };
        state.rows = state.ranked.rows;
        var fixes = exact ? [] : corrections(found, known);
        if (!fixes.length) { return state; }
        var fixed = query;
        fixes.forEach(function (f) {
          fixed = fixed.replace(new RegExp("(^|[^\\p{L}])" + f.word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "(?![\\p{L}])", "iu"), "$1" + f.options[0]);
        });
        return collect(pf, fixed, false, known).then(function (again) {
          var better = rank(again);
          if (!better.rows.length || better.partial && !state.ranked.partial && state.rows.length) {
            state.suggestions = fixes.length === 1 ? fixes[0].options : [fixed];
            return state;
          }
          return { query: fixed, typed: query, exact: false, ranked: better, rows: better.rows,
            suggestions: [], others: fixes.length === 1 ? fixes[0].options.slice(1) : [], corrected: true };
        });
      });
    });
  }

  /* Which cards of one kind match the words, as "praktijk/slug" (Pagefind's filter "kaart"
     counts them: no page text is fetched). Per word the word itself, or its synonyms when the
     word finds nothing; a word the site does not use is corrected. */
  var cardFilter = null;
  function cards(query, kind) {
    // Pagefind counts a filter in a search's results only once its part of the index is loaded.
    cardFilter = cardFilter || pagefind.then(function (pf) { return pf.filters(); });
    return Promise.all([pagefind, knownWords(), settingsReady, cardFilter]).then(function (loaded) {
      var pf = loaded[0], known = loaded[1];
      var wanted = slots(query, false, known);
      var fixed = corrections({ slots: wanted }, known).map(function (c) { return [c.word, c.options[0]]; });
      fixed.forEach(function (f) {
        wanted.forEach(function (s) { if (s.text === f[0]) { s.text = f[1]; s.forms = [f[1]]; } });
      });
      var inKind = function (term) {
        return pf.search(term, { filters: { soort: kind } }).then(function (s) {
          var counts = (s && s.filters && s.filters.kaart) || {};
          return Object.keys(counts).filter(function (k) { return counts[k] > 0; });
        });
      };
      var union = function (terms) {
        return Promise.all(terms.map(inKind)).then(function (lists) {
          var set = {};
          lists.forEach(function (l) { l.forEach(function (k) { set[k] = true; }); });
          return set;
        });
      };
      var terms = [];
      wanted.forEach(function (s) { terms = terms.concat(s.forms, s.alts); });
      return preload(pf, terms).then(function () {
        return Promise.all(wanted.map(function (s) { return union(s.forms).then(function (own) {
          return Object.keys(own).length || !s.alts.length ? own : union(s.alts);
        }); }));
      }).then(function (sets) {
        var result = null;
        sets.forEach(function (set) {
          if (result === null) { result = set; return; }
          Object.keys(result).forEach(function (k) { if (!set[k]) { delete result[k]; } });
        });
        return { cards: result || {}, words: wanted.map(function (s) { return s.text; }), corrected: fixed };
      });
    });
  }

  window.kbZoeken = { distance: distance, nearest: nearest, find: find, cards: cards };  // bench/typos.py, overviews

  var form = document.querySelector("[data-kb-zoeken]");
  if (!form) { return; }
  var input = form.querySelector("input[name=q]");
  input.maxLength = MAX_QUERY;
  var hint = document.getElementById("kb-zoekuitleg");  // the example: not needed above results
  var kindBox = form.querySelector("[data-kb-soorten]");
  var radios = Array.prototype.slice.call(kindBox.querySelectorAll("input[type=radio]"));
  var status = document.querySelector("[data-kb-zoekstatus]");
  var note = document.querySelector("[data-kb-zoeknoot]");
  var list = document.querySelector("[data-kb-zoekresultaten]");

  /* ---- showing results ---- */

  function el(name, className, text) {
    var node = document.createElement(name);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  /* Pagefind's excerpt as text with <mark>: nothing else of its HTML is taken over. */
  function marked(html, into) {
    var tpl = document.createElement("template");
    tpl.innerHTML = html;
    (function copy(from, to) {
      Array.prototype.forEach.call(from.childNodes, function (node) {
        if (node.nodeType === 3) { to.appendChild(document.createTextNode(node.textContent)); }
        else if (node.nodeName === "MARK") { var m = el("mark"); copy(node, m); to.appendChild(m); }
        else if (node.nodeType === 1) { copy(node, to); }
      });
    })(tpl.content, into);
    return into;
  }

  /* The sentence that matched, from the card's own text; else the summary. Never the hidden
     words for the index (#zoekwoorden) or the title block. */
  function snippet(d) {
    var best = null;
    (d.sub_results || []).forEach(function (s) {
      var hash = s.url.indexOf("#") >= 0 ? s.url.split("#")[1] : "";
      if (!hash || hash === "zoekwoorden" || !(s.locations && s.locations.length)) { return; }
      if (!best || s.locations.length > best.locations.length) { best = s; }
    });
    var p = el("p", "kb-fragment");
    if (best && best.excerpt.indexOf("<mark>") >= 0) { return marked(best.excerpt, p); }
    p.textContent = d.meta.samenvatting || "";
    if (!p.textContent) { marked(d.excerpt, p); }
    return p;
  }

  function item(d) {
    var li = el("li");
    var h = el("h2", "kb-kaartlijst__titel");
    var a = el("a", "", d.meta.title || d.url);
    a.href = d.url;
    h.appendChild(a);
    li.appendChild(h);
    li.appendChild(el("p", "kb-plaats", [d.meta.soort || "Pagina", d.meta.plaats].filter(Boolean).join(" \u00b7 ")));
    li.appendChild(snippet(d));
    return li;
  }

  function link(text, params) {
    var a = el("a", "", text);
    var url = new URL(window.location.pathname, window.location.href);
    Object.keys(params).forEach(function (k) { if (params[k]) { url.searchParams.set(k, params[k]); } });
    a.href = url.pathname + url.search;
    a.addEventListener("click", function (event) {
      event.preventDefault();
      go(params.q, params.precies === "ja", params.soort || "");
    });
    return a;
  }

  function line(parts) {
    var p = el("p");
    parts.forEach(function (part) { p.appendChild(typeof part === "string" ? document.createTextNode(part) : part); });
    note.appendChild(p);
  }

  function quoted(text) { return "\u201c" + text + "\u201d"; }

  function kindValue() {
    var on = radios.filter(function (r) { return r.checked; })[0];
    return on ? on.value : "";
  }

  var more = el("button", "md-button kb-meer");
  more.type = "button";
  more.hidden = true;
  list.parentNode.insertBefore(more, list.nextSibling);
  var current = null;

  function shown(state) {
    var kind = kindValue();
    return kind ? state.rows.filter(function (r) { return r.kind === kind; }) : state.rows;
  }

  /* Fetch the text of the next results and show each as soon as it and those above it are in.
     The very first result is fetched alone, so it does not share a slow line with nine others. */
  function loadMore(state) {
    var rows = shown(state);
    var first = state.count;
    var next = rows.slice(first, first + PAGE);
    state.count += next.length;
    var show = function (row) {
      return (row.data || (row.data = row.result.data())).then(function (d) {
        if (state === current) { list.appendChild(item(d)); }
      });
    };
    var done = first === 0 && next.length ? show(next.shift()) : Promise.resolve();
    done = done.then(function () {
      var fetching = next.map(function (row) { return row.data || (row.data = row.result.data()); });
      return fetching.reduce(function (chain, data, i) {
        return chain.then(function () { return data; }).then(function (d) {
          if (state === current) { list.appendChild(item(d)); }
          return i;
        });
      }, Promise.resolve());
    });
    var left = rows.length - state.count;
    more.hidden = left <= 0;
    more.textContent = "Toon meer resultaten (nog " + left + ")";
    return done.then(function () { return first; });
  }

  function counts(state) {
    var n = {};
    state.rows.forEach(function (r) { n[r.kind] = (n[r.kind] || 0) + 1; });
    radios.forEach(function (r) {
      var c = r.value ? n[r.value] || 0 : state.rows.length;
      r.parentNode.querySelector("[data-kb-telling]").textContent = "(" + c + ")";
      r.parentNode.hidden = !c && !r.checked && r.value !== "";
    });
    kindBox.hidden = state.rows.length === 0;
  }

  function choices(intro, words, kind) {
    var parts = [intro];
    words.forEach(function (w, i) {
      if (i) { parts.push(i === words.length - 1 ? " of " : ", "); }
      parts.push(link(w, { q: w, soort: kind }));
    });
    parts.push("?");
    line(parts);
  }

  function describe(state) {
    var q = quoted(state.query.replace(/"/g, ""));
    var rows = shown(state);
    var kind = kindValue();
    var label = kind ? radios.filter(function (r) { return r.checked; })[0].getAttribute("data-naam") : "";
    var total = rows.length + (rows.length === 1 ? " resultaat" : " resultaten");
    note.textContent = "";
    if (state.cut) {
      line(["Je zoekvraag was te lang. We zoeken op het begin ervan: hoogstens " + MAX_QUERY +
        " tekens en " + MAX_WORDS + " woorden."]);
    }
    if (!state.rows.length) {
      status.textContent = "Geen resultaten voor " + q + ".";
      if (state.suggestions.length) { choices("Bedoel je: ", state.suggestions, kind); }
      line(["Probeer een ander of korter woord, of kijk in de overzichten van ",
        overview("praktijken/", "praktijkvoorbeelden"), " en ", overview("tips/", "tips"), "."]);
      return;
    }
    var only = kind ? " (alleen " + label + ")" : "";
    if (state.corrected) {
      status.textContent = "Geen resultaten voor " + quoted(state.typed) + ". Je ziet " + total +
        " voor " + q + only + ".";
      line([link("Zoek toch op " + quoted(state.typed), { q: state.typed, precies: "ja", soort: kind })]);
      if (state.others.length) { choices("Of bedoel je: ", state.others, kind); }
    } else if (state.ranked.partial) {
      status.textContent = "Geen pagina heeft alle woorden van " + q + ". Je ziet de " + total +
        only + " met de meeste ervan.";
    } else if (state.ranked.mixed && !kind) {
      var m = state.ranked.mixed;
      status.textContent = total + " voor " + q + ". " + (m === 1 ? "De eerste heeft" : "De eerste " + m + " hebben") +
        " alle woorden, de andere een deel ervan.";
    } else {
      status.textContent = total + " voor " + q + only + ".";
    }
    var searched = slots(state.query, true).map(function (s) { return s.text; });
    var plain = function (s) { return s.toLowerCase().replace(/["\u201c\u201d]/g, "").replace(/\s+/g, " ").trim(); };
    if (plain(searched.join(" ")) !== plain(state.query)) {
      line(["Gezocht op: " + searched.join(", ") + "."]);
    }
    if (state.ranked.named.length) {
      line(["Ook gezocht op: " + state.ranked.named.join(", ") + ". ",
        link("Zoek alleen op " + q, { q: state.query, precies: "ja", soort: kind })]);
    } else if (state.exact && slots(state.query, false).some(function (s) { return s.alts.length || s.forms.length > 1; })) {
      line(["Alleen gezocht op " + q + ". ", link("Zoek ook op woorden die hetzelfde betekenen", { q: state.query, soort: kind })]);
    }
  }

  function overview(path, text) {
    var a = el("a", "", text);
    a.href = new URL(path, root).pathname;
    return a;
  }

  function show(state) {
    current = state;
    list.textContent = "";
    state.count = 0;
    counts(state);
    describe(state);
    if (!shown(state).length) { more.hidden = true; return Promise.resolve(); }
    return loadMore(state);
  }

  var running = 0;
  function run(query, exact, kind) {
    var typed = String(query || "").trim();
    query = bounded(typed);
    var cut = query !== typed.split(/\s+/).join(" ");
    input.value = query;
    hint.hidden = Boolean(query);
    radios.forEach(function (r) { r.checked = r.value === (kind || ""); });
    document.title = (query ? query + " - " : "") + "Zoeken - Kennisbank Basisvaardigheden";
    note.textContent = "";
    if (!query) {
      list.textContent = ""; status.textContent = ""; more.hidden = true; kindBox.hidden = true;
      return Promise.resolve();
    }
    var mine = ++running;
    status.textContent = "Bezig met zoeken\u2026";
    return find(query, exact).then(function (state) {
      state.cut = cut;
      if (mine === running) { return show(state); }
    }).then(null, function () {
      if (mine !== running) { return; }
      more.hidden = true;
      status.textContent = "Zoeken lukt nu niet. Probeer het later nog eens, of gebruik de overzichten.";
    });
  }

  function address(query, exact, kind) {
    var params = new URLSearchParams();
    if (query) { params.set("q", query); }
    if (kind) { params.set("soort", kind); }
    if (exact) { params.set("precies", "ja"); }
    var s = params.toString();
    return window.location.pathname + (s ? "?" + s : "");
  }

  function go(query, exact, kind) {
    window.history.pushState(null, "", address(query, exact, kind));
    return run(query, exact, kind);
  }

  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    var kind = params.get("soort") || "";
    return run(params.get("q"), params.get("precies") === "ja", KINDS.indexOf(kind) >= 0 ? kind : "");
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    go(input.value.trim(), false, kindValue());
  });
  kindBox.addEventListener("change", function () {
    var params = new URLSearchParams(window.location.search);
    window.history.pushState(null, "", address(params.get("q"), params.get("precies") === "ja", kindValue()));
    if (current) { show(current); }
  });
  more.addEventListener("click", function () {
    loadMore(current).then(function (first) {
      var a = list.children[first] && list.children[first].querySelector("a");
      if (a) { a.focus(); }  // keyboard and screen reader users land on the first new result
    });
  });
  window.addEventListener("popstate", fromAddress);
  fromAddress();
})();
