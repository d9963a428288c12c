/* Search (/zoeken/?q=...&soort=tip, and the words box of an overview), in the browser over the
   site's own index (zoeken/index.json and its parts, made at build time by
   kennisbank/output/searchindex.py):
   - every token as the site prints it ("ikletterop.nl", "15-jarigen") and its parts;
   - stop words and question words need not match ("waar vind ik geld voor taallessen");
   - a word's other forms ("taalhuizen", "taalhuis"), then the words it is the start of
     ("bondgenoten": "bondgenootschap"), then, for a word the site does not have, a typo
     correction to a near word with the same first letter, with a link to search the spelling as
     typed; two words of the site for a compound it does not have ("tijdgebrek");
   - synonyms from data/vocabulaire.yml and translations from Debian's FreeDict (English),
     always below pages with the word itself, and named ("Ook gezocht op: ...") with a link to
     switch them off (&precies=ja);
   - ranking by BM25: a word weighs by how rare it is on the site and in Dutch at large; a word
     on most pages need not be on every result; the page says which word weighed most;
   - when no page has all words, the pages with most of them, and the page says so; when no page
     has any, the near misses (pages with words like the ones typed), labelled as such;
   - a filter by kind with counts, and the summary with the found words marked.
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
  var SYNONYM = 0.5;  // a page found through a synonym of the vocabulary weighs half
  var BRIDGE = 0.4;   // through the dictionary (another language): less than a synonym
  var VARIANT = 0.8;  // another form of the word ("taalhuizen" for "taalhuis")
  var SPLIT = 0.45;   // a word the site has not, as two it has ("tijdgebrek": "tijd gebrek")
  var START = 0.5;    // a word of the site that begins like it ("bondgenoten": "bondgenootschap")
  var PAGE = 10;      // results shown at a time
  var MAX_VIA_SYNONYM = 10;  // pages found only through a synonym: the best ones, not a flood
  var FEW = 3;        // fewer pages than this with all words: show pages with most of them below
  var COMMON = 0.3;   // a word on more than this share of the pages need not be on every result
  var K1 = 2, B = 0.3;  // BM25: how fast repeats stop counting, how much a long page is damped

  /* ---- the index ---- */

  /* The index: a small head (zoeken/index.json), one file per first letter of a word
     (zoeken/index/<letter>.json) and the titles and summaries by block of pages
     (zoeken/paginas/<n>.json). A search fetches the head, the files of its words' letters and
     the block of its results. A small site has everything in the head: one request. */
  function getJSON(path) {
    return fetch(new URL(path, root).href).then(function (r) {
      if (!r.ok) { throw new Error(path + ": " + r.status); }
      return r.json();
    });
  }
  function keyOf(word) { var c = word.charAt(0); return /^[a-z0-9]$/.test(c) ? c : "_"; }
  var index = null;
  function loadIndex() {
    if (!index) { index = getJSON("zoeken/index.json").then(prepare); }
    return index;
  }
  if (inline) { loadIndex(); }  // the search page: at once, while the rest of the page loads

  /* Lower case without accents, as the index: "Creëer" is "creeer". */
  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/\u2019/g, "'");
  }
  var TOKEN = /[\p{L}\p{N}]+(?:[.\-'][\p{L}\p{N}]+)*/gu;

  /* A light Dutch stem: without the endings of plural, diminutive and derivation, and with a
     long vowel written once ("taalhuizen", "taalhuis": "talhuis"). Two words with the same
     stem are forms of one word. */
  var ENDINGS = ["heden", "ingen", "tjes", "heid", "ing", "jes", "tje", "ers", "en", "er", "'s", "je", "s", "e", "n"];
  function stem(word) {
    var w = word;
    for (var i = 0; i < ENDINGS.length; i++) {
      var e = ENDINGS[i];
      if (w.length - e.length >= 4 && w.slice(-e.length) === e) { w = w.slice(0, -e.length); break; }
    }
    return w.replace(/([aeou])\1/g, "$1").replace(/z$/, "s").replace(/v$/, "f").replace(/([^aeiou])\1$/, "$1");
  }
  /* The stem without respelling, but an open syllable's vowel may be doubled in the closed
     form: "bondgenoten" -> "bondgeno?t" finds "bondgenootschap", "scholden" not "schooldagen". */
  function plainStem(word) {
    for (var i = 0; i < ENDINGS.length; i++) {
      var e = ENDINGS[i];
      if (word.length - e.length >= 4 && word.slice(-e.length) === e) { return word.slice(0, -e.length).replace(/[^\p{L}\p{N}]/gu, ""); }
    }
    return word.replace(/[^\p{L}\p{N}]/gu, "");
  }
  /* English endings, for the dictionary: "employers" -> "employer", "reading" -> "read". */
  function englishForms(word) {
    var out = [word];
    [["ies", "y"], ["es", ""], ["s", ""], ["ing", ""], ["ing", "e"], ["ed", ""], ["ed", "e"], ["ers", "e"], ["ers", ""], ["er", "e"], ["er", ""]].forEach(function (p) {
      if (word.length - p[0].length >= 3 && word.slice(-p[0].length) === p[0]) { out.push(word.slice(0, -p[0].length) + p[1]); }
    });
    return out;
  }

  function prepare(head) {
    var pages = head.soorten.map(function (kind, i) {
      return { id: i, kind: kind, card: head.kaarten[i], length: head.lengtes[i] };
    });
    var ix = { n: head.n, avg: head.gemiddeld || 1, block: head.blok, pages: pages, keys: {}, shards: {},
      postings: {}, df: {}, stems: {}, sorted: {}, lists: {}, bridge: {}, everyday: {}, blocks: {}, missing: {} };
    head.delen.forEach(function (k) { ix.keys[k] = true; });
    if (head.alles) {  // a small site: every word and page is in the head
      addShard(ix, "", head.alles);
      ix.blocks[0] = Promise.resolve();
      fillBlock(ix, 0, head.paginas);
      return ix;
    }
    if (head.n <= head.blok) { loadBlock(ix, 0); }  // one block: fetched with the letters
    if (inline) {  // the search page: the letters of the query's words at once
      var asked = new URLSearchParams(window.location.search).get("q") || "";
      (fold(asked).match(/[\p{L}\p{N}]+/gu) || []).forEach(function (w) {
        if (!STOP[w] && ix.keys[keyOf(w)]) { loadShard(ix, keyOf(w)); }
      });
    }
    return ix;
  }

  function addShard(ix, key, data) {
    var words = Object.keys(data.woorden);
    words.forEach(function (w) {
      ix.postings[w] = data.woorden[w];
      ix.df[w] = data.woorden[w].length / 2;
      var st = stem(w);
      (ix.stems[st] || (ix.stems[st] = [])).push(w);
    });
    var sorted = words.slice().sort();
    var byFreq = words.slice().sort(function (a, b) { return ix.df[b] - ix.df[a]; });
    if (key) {
      ix.sorted[key] = sorted;
      ix.lists[key] = byFreq;
    } else {  // everything at once: per letter, as if each letter had its own file
      sorted.forEach(function (w) { (ix.sorted[keyOf(w)] || (ix.sorted[keyOf(w)] = [])).push(w); });
      byFreq.forEach(function (w) { (ix.lists[keyOf(w)] || (ix.lists[keyOf(w)] = [])).push(w); });
    }
    Object.keys(data.brug).forEach(function (e) { ix.bridge[e] = data.brug[e]; });
    Object.keys(data.algemeen).forEach(function (w) { ix.everyday[w] = data.algemeen[w]; });
  }

  function fillBlock(ix, b, rows) {
    rows.forEach(function (r, j) {
      var p = ix.pages[b * ix.block + j];
      p.url = r[0]; p.title = r[1]; p.label = r[2]; p.place = r[3]; p.summary = r[4];
    });
  }

  /* One letter's file into the index (once). */
  function loadShard(ix, key) {
    if (!ix.shards[key]) {
      var got = getJSON("zoeken/index/" + key + ".json");
      ix.shards[key] = got.then(function (data) {
        addShard(ix, key, data);
        ix.shards[key].done = true;
      });
    }
    return ix.shards[key];
  }

  /* Whether a letter's file is in; if not, it is noted as wanted (see ready). */
  function loaded(ix, word) {
    var key = keyOf(word);
    if (!ix.keys[key]) { return true; }  // no word of the site begins with it
    if (ix.shards[key] && ix.shards[key].done) { return true; }
    ix.missing[key] = true;
    return false;
  }

  /* Run ``work`` (which reads the index) until every letter file it wanted is in. */
  function ready(ix, work) {
    ix.missing = {};
    var out = work();
    var keys = Object.keys(ix.missing);
    if (!keys.length) { return Promise.resolve(out); }
    return Promise.all(keys.map(function (k) { return loadShard(ix, k); })).then(function () { return ready(ix, work); });
  }

  /* The titles and summaries of a block of pages (once). */
  function loadBlock(ix, b) {
    if (!ix.blocks[b]) {
      ix.blocks[b] = getJSON("zoeken/paginas/" + b + ".json").then(function (rows) { fillBlock(ix, b, rows); });
    }
    return ix.blocks[b];
  }

  function idf(ix, word) {
    var d = ix.df[word] || 0;
    return Math.log(1 + (ix.n - d + 0.5) / (d + 0.5));
  }
  function has(ix, word) { return loaded(ix, word) && Object.prototype.hasOwnProperty.call(ix.postings, word); }
  function listFor(ix, word) { return loaded(ix, word) ? ix.lists[keyOf(word)] || [] : []; }

  /* The site's words that begin with ``start``, most frequent first. */
  function startingWith(ix, start, max) {
    var sorted = loaded(ix, start) ? ix.sorted[keyOf(start)] || [] : [];
    var lo = 0, hi = sorted.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (sorted[mid] < start) { lo = mid + 1; } else { hi = mid; } }
    var out = [];
    for (var i = lo; i < sorted.length && sorted[i].indexOf(start) === 0; i++) { out.push(sorted[i]); }
    out.sort(function (a, b) { return ix.df[b] - ix.df[a]; });
    return out.slice(0, max);
  }

  /* A word the site does not have, as two that it has ("vrijwilligerswerk": "vrijwilligers"
     and "werk"; the first may end in the linking s). */
  function split(ix, word) {
    if (word.length < 7) { return null; }
    for (var i = word.length - 3; i >= 3; i--) {
      var head = word.slice(0, i), tail = word.slice(i);
      var h = has(ix, head) ? head : head.slice(-1) === "s" && has(ix, head.slice(0, -1)) ? head.slice(0, -1) : "";
      if (h && (has(ix, tail) || loaded(ix, tail) && (ix.stems[stem(tail)] || []).length)) {
        return [h, has(ix, tail) ? tail : ix.stems[stem(tail)][0]];
      }
    }
    return null;
  }

  /* ---- the query ---- */

  function clean(word) {
    return fold(word).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  }

  function tokensOf(text) { return fold(text).match(TOKEN) || []; }

  /* The query as slots: each word (or quoted phrase, or two words that are one term such as
     "low literacy") must be found, in one of its forms. Every form has a weight: the word
     itself 1, another form of it less, a synonym or a translation less again. */
  function slots(query, exact, ix) {
    var out = [];
    var words = [];
    query.replace(/"([^"]+)"|(\S+)/g, function (m, phrase, word) {
      if (phrase) {
        out.push({ text: "\u201c" + phrase + "\u201d", phrase: tokensOf(phrase).filter(function (w) { return !STOP[w]; }), forms: [], alts: [] });
      } else {
        tokensOf(word).forEach(function (t) { words.push(t); });
      }
      return m;
    });
    var content = words.filter(function (w) { return !STOP[w]; });
    if (!content.length && !out.length) { content = words; }  // only stop words: search those
    for (var i = 0; i < content.length; i++) {
      var two = content[i] + " " + content[i + 1];
      var text = i + 1 < content.length && (ALTS[two] || THEMES[two]) ? two : content[i];
      if (text === two) { i += 1; }
      out.push({ text: text, forms: [], alts: [] });
    }
    if (ix) { out.forEach(function (s) { expand(s, exact, ix); }); }
    return out;
  }

  function addForm(s, word, weight, how, own) {
    if (!s.forms.some(function (f) { return f.word === word; })) {
      s.forms.push({ word: word, weight: weight, how: how, own: own });
    }
  }

  /* Every form of a slot that the index has. */
  function expand(s, exact, ix) {
    if (s.phrase) { return; }
    var text = s.text;
    // First the letter files of the word and of its synonyms (all at once); only then its other
    // forms, parts and translations, which may need more letters.
    var first = tokensOf(text);
    alternativesOf(text).forEach(function (a) { first = first.concat(tokensOf(a)); });
    if (first.filter(function (w) { return !STOP[w] && !loaded(ix, w); }).length) { return; }
    var translated = [];
    var parts = text.split(" ");
    if (parts.length > 1) {  // a two-word term of the vocabulary: its synonyms (ALTS) count as itself
      (ALTS[text] || []).forEach(function (a) { if (has(ix, a)) { addForm(s, a, 1, "term", true); } });
      s.phrase = parts;
    } else if (has(ix, text)) {
      addForm(s, text, 1, "woord", true);
    }
    if (exact) { s.unknown = !s.forms.length && !s.phrase; return; }
    if (parts.length === 1) {
      (loaded(ix, text) && ix.stems[stem(text)] || []).forEach(function (w) { if (w !== text) { addForm(s, w, VARIANT, "vorm", true); } });
      var st = stem(text);
      if (!s.forms.length) {  // a word of another language: the site's words it translates to
        // the form with the fewest letters taken off that the dictionary has ("employers":
        // "employer", not "employ")
        englishForms(text).some(function (e) {
          translated = (loaded(ix, e) && ix.bridge[e] || []).slice();
          return translated.length > 0;
        });
      }
      if (!s.forms.length && !translated.length && text.length >= 5) {
        // The site has no form of it: the site's words it is the start of ("bondgenoten":
        // "bondgenootschap"; a long vowel written once, as in the stem).
        var lemma = new RegExp("^" + plainStem(text).replace(/([aeou])([^aeiou])$/, "$1$1?$2"));
        startingWith(ix, st.slice(0, 4), 400).filter(function (w) { return w.length > st.length && lemma.test(w); }).slice(0, 6).forEach(function (w) { addForm(s, w, START, "begin", true); });
      }
      var few = s.forms.length ? (ix.df[s.forms[0].word] || 0) < FEW : !translated.length && !nearest(text, listFor(ix, text)).length;
      if (few && text.length >= 5) {
        // Few pages or none have it, and it is no typo of a word of the site: the words that
        // begin like it, the nearest in spelling first ("certificaat": "certificering").
        var cands = startingWith(ix, st.slice(0, Math.max(5, Math.ceil(text.length * 0.6))), 60)
          .filter(function (w) { return w !== text && /^[\p{L}]+$/u.test(w); })
          .map(function (w) { return { w: w, d: distance(text, w, 8) }; });
        var best = Math.min.apply(null, cands.map(function (c) { return c.d; }).concat([99]));
        cands.filter(function (c) { return c.d <= best + 1; }).slice(0, 6).forEach(function (c) {
          addForm(s, c.w, START, "begin", true);
        });
      }
      if (!s.forms.length) {
        var two = split(ix, text);
        if (two) { s.split = two; }
      }
    }
    alternativesOf(text).forEach(function (a) {  // a theme's name may be words ("signaleren en doorverwijzen")
      var words = tokensOf(a).filter(function (w) { return !STOP[w]; });
      if (words.length && words.every(function (p) { return has(ix, p); })) {
        s.alts.push({ word: a, weight: SYNONYM, how: "synoniem", all: words });
      }
    });
    (translated || []).forEach(function (w) {
      if (!s.alts.some(function (a) { return a.word === w; })) { s.alts.push({ word: w, weight: BRIDGE, how: "vertaling" }); }
    });
    s.unknown = !s.forms.length && !s.split && !s.phrase;
  }

  /* ---- scoring ---- */

  /* BM25 of one word on one page; ``plain``: without the word's own rarity (a slot's forms
     share the rarity of the slot, so "geletterdheid" is no weaker form of "geletterd"). */
  function bm25(ix, word, page, tenths, plain) {
    var tf = tenths / 10;
    var norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * page.length / ix.avg));
    return plain ? norm : idf(ix, word) * norm;
  }

  /* Pages that have every word of ``words``, with their summed score. */
  function allOf(ix, words, plain) {
    var found = null;
    words.forEach(function (w) {
      var here = {};
      var post = loaded(ix, w) && ix.postings[w] || [];  // a letter not yet in: fetched, and run again
      for (var i = 0; i < post.length; i += 2) {
        if (!found || found[post[i]] !== undefined) { here[post[i]] = (found ? found[post[i]] : 0) + bm25(ix, w, ix.pages[post[i]], post[i + 1], plain); }
      }
      found = here;
    });
    return found || {};
  }

  /* Per page its best score for the slot, and whether it came from the word itself. */
  function slotHits(ix, s) {
    var hits = {};
    var take = function (scores, weight, own, via) {
      Object.keys(scores).forEach(function (id) {
        var v = scores[id] * weight;
        var h = hits[id];
        if (!h || (own && !h.own) || ((own === h.own) && v > h.score)) { hits[id] = { score: v, own: own, via: via }; }
      });
    };
    if (s.phrase) { take(allOf(ix, s.phrase, true), 1, true, ""); }
    s.forms.forEach(function (f) { take(allOf(ix, [f.word], true), f.weight, true, f.how === "woord" ? "" : f.word); });
    if (s.split) {
      // Below a synonym of the vocabulary ("geldzorgen" is "schulden" before "geld zorgen").
      take(allOf(ix, s.split, true), SPLIT, false, s.split.join(" "));
      // The last part carries the meaning of a Dutch compound ("tijdgebrek" is a "gebrek").
      take(allOf(ix, [s.split[1]], true), SPLIT / 2, false, s.split[1]);
      take(allOf(ix, [s.split[0]], true), SPLIT / 4, false, s.split[0]);
    }
    s.alts.forEach(function (a) { take(allOf(ix, a.all || [a.word], true), a.weight, false, a.word); });
    return hits;
  }

  /* How much a slot says: how rare it is on the site (the pages any of its forms is on), and
     how rare the word is in Dutch at large ("vast" and "goed" say little anywhere). */
  function rarity(ix, s, hits) {
    var n = Object.keys(hits).length;
    var word = s.forms.length ? s.forms[0].word : s.text;
    return Math.log(1 + (ix.n - n + 0.5) / (n + 0.5)) * (ix.everyday[word] || 1);
  }

  /* Rank: pages with every word that matters first (a word on most pages need not be there),
     scored by BM25: a rare word weighs more than a frequent one. Only when no page has them
     all, the pages with most of them (by rarity). */
  function rank(ix, wanted) {
    var n = wanted.length;
    var per = wanted.map(function (s) { return slotHits(ix, s); });
    var weight = wanted.map(function (s, i) { return rarity(ix, s, per[i]); });
    var count = wanted.map(function (s, i) { return Object.keys(per[i]).length; });
    var must = wanted.map(function (s, i) { return count[i] > 0 && count[i] <= COMMON * ix.n; });
    if (!must.some(Boolean)) { must = wanted.map(function (s, i) { return count[i] > 0; }); }
    var mustWeight = 0;
    weight.forEach(function (w, i) { if (must[i]) { mustWeight += w; } });
    var pages = {};
    per.forEach(function (hits, i) {
      Object.keys(hits).forEach(function (id) {
        var p = pages[id] || (pages[id] = { id: id, page: ix.pages[id], score: 0, matched: 0, own: 0, cover: 0, via: [], slots: [] });
        p.score += hits[id].score * weight[i];
        p.matched += 1;
        p.slots[i] = true;
        if (hits[id].own) { p.own += 1; }
        if (must[i]) { p.cover += weight[i] / (mustWeight || 1); }
        if (hits[id].via) { p.via[i] = hits[id].via; }
      });
    });
    var rows = Object.keys(pages).map(function (id) { return pages[id]; });
    rows.forEach(function (p) { p.rankScore = p.score * (1 + p.cover); });
    // Every word that matters: a word on no page at all means no page has all words.
    var hasAll = function (p) { return wanted.every(function (s, i) { return count[i] > 0 && (!must[i] || p.slots[i]); }); };
    var decided = wanted.map(function (s, i) { return { text: s.text, weight: weight[i], count: count[i], must: must[i] }; });
    var named = {};
    var nameVia = function (list) {
      list.forEach(function (r) { r.via.forEach(function (v) { if (v) { named[v] = true; } }); });
    };
    if (must.filter(Boolean).length >= 3) {
      // A question or a long query: no page need have every word. The rare words decide, and
      // a page with more of the words gets a bonus.
      rows.sort(function (a, b) { return b.rankScore - a.rankScore; });
      nameVia(rows.slice(0, PAGE));
      var complete = rows.filter(hasAll).length;
      return { rows: rows, partial: !complete && rows.length > 0, mixed: 0, question: true, complete: complete,
        named: Object.keys(named), decided: decided };
    }
    var all = rows.filter(hasAll).sort(function (a, b) { return b.own - a.own || b.score - a.score; });
    var some = rows.filter(function (p) { return !hasAll(p); }).sort(function (a, b) { return b.rankScore - a.rankScore; });
    if (all.length) {
      var kept = 0;
      all = all.filter(function (r) { return r.own === n || ++kept <= MAX_VIA_SYNONYM; });
      var rest = all.length < FEW && n > 1 ? some.slice(0, PAGE) : [];
      nameVia(all);
      return { rows: all.concat(rest), partial: false, mixed: rest.length ? all.length : 0, named: Object.keys(named), decided: decided };
    }
    nameVia(some.slice(0, PAGE));
    return { rows: some, partial: n > 1 && some.length > 0, mixed: 0, named: Object.keys(named), decided: decided };
  }

  /* ---- "Bedoel je ...?" and near misses ---- */

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

  /* The site's words nearest to ``word``, most frequent first (the list is in that order). A
     correction keeps the word's first letter and most of its letters: never an unrelated word
     ("reading" is not "melding"). */
  function nearest(word, words, max) {
    var far = Boolean(max);  // near misses: further off than a typo may be
    max = max || (word.length <= 5 ? 1 : 2);
    var found = [];
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      if (w.length < 4 || w.charAt(0) !== word.charAt(0) || /[^\p{L}]/u.test(w)) { continue; }
      if (w.indexOf(word) === 0 || (word.indexOf(w) === 0 && word.length - w.length <= 2)) {
        return [];  // a word of the site, or its start, or it with an ending: no typo
      }
      var d = distance(word, w, max);
      if (d <= max && (far || d <= Math.floor(word.length / 4))) { found.push({ word: w, d: d, rank: i, ours: ALTS[w] || THEMES[w] ? 0 : 1 }); }
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

  /* For every word the site does not know: the best correction and other suggestions. */
  function corrections(wanted, ix) {
    return wanted.filter(function (s) {  // a word with synonyms or a translation ("debt") is no typo
      return s.unknown && !s.alts.length && s.text.charAt(0) !== "\u201c" && s.text.indexOf(" ") < 0;
    }).map(function (s) { return { word: s.text, options: nearest(s.text, listFor(ix, s.text)) }; })
      .filter(function (c) { return c.options.length; });
  }

  function sameWord(a, b) {  // "vrijwilliger" and "vrijwilligers": no second suggestion
    var n = 0;
    while (n < a.length && a[n] === b[n]) { n += 1; }
    return n >= Math.min(a.length, b.length) - 2;
  }

  /* When nothing matches: the words of the site closest to each word typed, by its parts
     (its start, its end as the last part of a compound) and by spelling further off. */
  function nearMisses(wanted, ix) {
    var words = [];
    wanted.forEach(function (s) {
      var t = s.text.replace(/[\u201c\u201d]/g, "");
      tokensOf(t).forEach(function (w) {
        if (w.length < 4) { return; }
        for (var n = w.length - 1; n >= 4; n--) {  // the longest start the site has
          var found = startingWith(ix, w.slice(0, n), 3);
          if (found.length) { words = words.concat(found); break; }
        }
        for (var k = 2; k <= w.length - 3; k++) {  // the longest end that is a word of the site
          if (has(ix, w.slice(k))) { words.push(w.slice(k)); break; }
        }
        words = words.concat(nearest(w, listFor(ix, w), 3));
      });
    });
    words = words.filter(function (w, i) { return words.indexOf(w) === i && !STOP[w]; }).slice(0, 8);
    var scores = {};
    words.forEach(function (w) {
      var got = allOf(ix, [w]);
      Object.keys(got).forEach(function (id) { scores[id] = (scores[id] || 0) + got[id]; });
    });
    var rows = Object.keys(scores).map(function (id) {
      return { id: id, page: ix.pages[id], score: scores[id], own: 0, via: [] };
    }).sort(function (a, b) { return b.score - a.score; }).slice(0, PAGE);
    return { rows: rows, words: words };
  }

  /* A row as the list shows it: the page, and the words to mark in its summary. */
  function withData(rows, wanted, ix) {
    var marks = [];
    wanted.forEach(function (s) {
      (s.phrase || []).concat(s.forms.map(function (f) { return f.word; }), s.alts.map(function (a) { return a.word; }),
        s.split || []).forEach(function (w) { marks.push(w); });
    });
    rows.forEach(function (r) {
      var p = r.page;
      r.kind = p.kind;
      r.result = { data: function () {
        return loadBlock(ix, Math.floor(p.id / ix.block)).then(function () {
          return { url: new URL(p.url.replace(/^\//, ""), root).pathname, marks: marks,
            meta: { title: p.title, soort: p.label, plaats: p.place, samenvatting: p.summary } };
        });
      } };
    });
    return rows;
  }

  function search(query, exact, ix) {
    var wanted = slots(query, exact, ix);
    var ranked = rank(ix, wanted);
    ranked.rows = withData(ranked.rows, wanted, ix);
    return { wanted: wanted, ranked: ranked };
  }

  /* A query comes from an address anyone can make: ten thousand characters kept a phone's main
     thread busy for seconds (a typo correction per word). The engine takes the first MAX_QUERY
     characters and MAX_WORDS words; the search page says so when it cut a query. */
  var MAX_QUERY = 200;
  var MAX_WORDS = 12;
  function bounded(query) {
    var words = String(query || "").slice(0, MAX_QUERY).trim().split(/\s+/);
    return words.slice(0, MAX_WORDS).join(" ");
  }

  /* The ranked results of a query, with its corrections, or the near misses. */
  function find(query, exact) {
    query = bounded(query);
    return Promise.all([loadIndex(), settingsReady]).then(function (got) {
      var ix = got[0];
      return ready(ix, function () { return findIn(ix, query, exact); });
    });
  }

  function waiting(ix) { return Object.keys(ix.missing).length > 0; }  // letters to fetch first

  function findIn(ix, query, exact) {
    var first = search(query, exact, ix);
    if (waiting(ix)) { return null; }  // run again when the letters are in (see ready)
    var state = { query: query, typed: query, exact: exact, ranked: first.ranked, rows: first.ranked.rows,
      suggestions: [], others: [], corrected: false, near: null,
      couldWiden: exact && slots(query, false, ix).some(function (s) { return s.alts.length || s.forms.length > 1; }) };
    var fixes = exact ? [] : corrections(first.wanted, ix);
    if (fixes.length) {
      var fixed = query;
      fixes.forEach(function (f) {
        fixed = fixed.replace(new RegExp("(^|[^\\p{L}])" + f.word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "(?![\\p{L}])", "iu"), "$1" + f.options[0]);
      });
      var again = search(fixed, false, ix);
      if (waiting(ix)) { return null; }
      if (again.ranked.rows.length && !(again.ranked.partial && !state.ranked.partial && state.rows.length)) {
        return { query: fixed, typed: query, exact: false, ranked: again.ranked, rows: again.ranked.rows,
          suggestions: [], others: fixes.length === 1 ? fixes[0].options.slice(1) : [], corrected: true, near: null };
      }
      state.suggestions = fixes.length === 1 ? fixes[0].options : [fixed];
    }
    if (!state.rows.length && !exact) {  // "search as typed" asked for that spelling only
      var near = nearMisses(first.wanted, ix);
      if (near.rows.length) {
        state.near = near.words;
        state.rows = withData(near.rows, near.words.map(function (w) { return { forms: [{ word: w }], alts: [] }; }), ix);
      }
    }
    return state;
  }

  /* Which cards of one kind match the words, as "praktijk/slug". Per word its own forms, or
     its synonyms and translations when it has none; a word the site does not use is corrected. */
  function cards(query, kind) {
    query = bounded(query);
    return Promise.all([loadIndex(), settingsReady]).then(function (got) {
      var ix = got[0];
      return ready(ix, function () { return cardsIn(ix, query, kind); });
    });
  }

  function cardsIn(ix, query, kind) {
    var wanted = slots(query, false, ix);
    if (waiting(ix)) { return null; }
    var fixed = corrections(wanted, ix).map(function (c) { return [c.word, c.options[0]]; });
    fixed.forEach(function (f) {
      wanted.forEach(function (s, i) { if (s.text === f[0]) { wanted[i] = slots(f[1], false, ix)[0]; } });
    });
    var result = null;
    wanted.forEach(function (s) {
      var hits = slotHits(ix, { phrase: s.phrase, forms: s.forms, split: s.split, alts: [] });
      if (!Object.keys(hits).length) { hits = slotHits(ix, { forms: [], alts: s.alts }); }
      var set = {};
      Object.keys(hits).forEach(function (id) {
        var p = ix.pages[id];
        if (p.card && p.kind === kind) { set[p.card] = true; }
      });
      if (result === null) { result = set; return; }
      Object.keys(result).forEach(function (k) { if (!set[k]) { delete result[k]; } });
    });
    return { cards: result || {}, words: wanted.map(function (s) { return s.text; }), corrected: fixed };
  }

  window.kbZoeken = { distance: distance, nearest: nearest, find: find, cards: cards, stem: stem, slots: function (q) { return loadIndex().then(function (ix) { return ready(ix, function () { return slots(q, false, ix); }); }); } };  // bench/typos.py, overviews

  var form = document.querySelector("[data-kb-zoeken]");
  if (!form) { return; }
  var input = form.querySelector("input[name=q]");
  input.maxLength = MAX_QUERY;
  var hint = document.getElementById("kb-zoekuitleg");  // the example: not needed above results
  var kindBox = form.querySelector("[data-kb-soorten]");
  var radios = Array.prototype.slice.call(kindBox.querySelectorAll("input[type=radio]"));
  var status = document.querySelector("[data-kb-zoekstatus]");
  var note = document.querySelector("[data-kb-zoeknoot]");
  var onward = document.querySelector("[data-kb-verder]");
  var list = document.querySelector("[data-kb-zoekresultaten]");

  /* ---- showing results ---- */

  function el(name, className, text) {
    var node = document.createElement(name);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  /* ``text`` into ``into`` with the words that were found marked. Built as text nodes and
     <mark> elements: nothing of the page's text is read as HTML. */
  function markInto(into, text, words) {
    var marks = {};
    (words || []).forEach(function (w) { marks[w] = true; });
    var last = 0;
    text.replace(/[\p{L}\p{N}]+(?:[.\-'\u2019][\p{L}\p{N}]+)*/gu, function (word, at) {
      var f = fold(word);
      if (marks[f] || f.split(/[.\-']/).some(function (part) { return marks[part]; })) {
        into.appendChild(document.createTextNode(text.slice(last, at)));
        into.appendChild(el("mark", "", word));
        last = at + word.length;
      }
      return word;
    });
    into.appendChild(document.createTextNode(text.slice(last)));
    return into;
  }

  /* The summary of the page (the index has no other text of it), found words marked. */
  function snippet(d) {
    return markInto(el("p", "kb-fragment"), d.meta.samenvatting || "", d.marks);
  }

  function item(d) {
    var li = el("li");
    var h = el("h2", "kb-kaartlijst__titel");
    var a = markInto(el("a"), d.meta.title || d.url, d.marks);
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
    if (onward) { onward.hidden = true; }
    if (state.cut) {
      line(["Je zoekvraag was te lang. We zoeken op het begin ervan: hoogstens " + MAX_QUERY +
        " tekens en " + MAX_WORDS + " woorden."]);
    }
    if (state.near) {
      status.textContent = "Geen resultaten voor " + q + ". Je ziet " + total + " die er dichtbij komen" + (kind ? " (alleen " + label + ")" : "") + ".";
      line(["Dit zijn bijna-treffers: pagina's met woorden die lijken op wat je zocht (" + state.near.join(", ") + ")."]);
      if (state.suggestions.length) { choices("Of bedoel je: ", state.suggestions, kind); }
      return;
    }
    if (!state.rows.length) {
      status.textContent = "Geen resultaten voor " + q + ".";
      if (state.suggestions.length) { choices("Bedoel je: ", state.suggestions, kind); }
      line(["Probeer een ander of korter woord, of kijk in de overzichten van ",
        overview("praktijken/", "praktijkvoorbeelden"), " en ", overview("tips/", "tips"), "."]);
      if (onward) { onward.hidden = false; }
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
    var decided = (state.ranked.decided || []).filter(function (d) { return d.count; });
    if (decided.length > 1) {
      decided = decided.slice().sort(function (a, b) { return b.weight - a.weight; });
      var common = decided.filter(function (d) { return !d.must; }).map(function (d) { return d.text; });
      line(["Het zwaarst telt " + quoted(decided[0].text) + " (op " + decided[0].count + " pagina's)" +
        (common.length ? "; " + common.map(quoted).join(", ") + (common.length === 1 ? " staat" : " staan") +
          " op veel pagina's en " + (common.length === 1 ? "hoeft" : "hoeven") + " er niet op te staan." : ".")]);
    }
    if (state.ranked.named.length) {
      line(["Ook gezocht op: " + state.ranked.named.join(", ") + ". ",
        link("Zoek alleen op " + q, { q: state.query, precies: "ja", soort: kind })]);
    } else if (state.exact && state.couldWiden) {
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
      if (state) { state.cut = cut; }
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
