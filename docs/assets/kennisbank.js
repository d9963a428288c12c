/* Kennisbank Basisvaardigheden: copy link and print. Works without this script too:
   the link is then shown in a text field, and the browser's own print works. */
(function () {
  "use strict";

  function setup(box) {
    var copy = box.querySelector("[data-kb-kopieer]");
    var print = box.querySelector("[data-kb-print]");
    var field = box.querySelector("[data-kb-linkvak]");
    var input = field && field.querySelector("input");
    var status = box.querySelector("[data-kb-status]");
    // The site's own address (as on card pages and in the canonical link), with the list's
    // filters when it is an overview: the same link wherever the page happens to be opened.
    var url = function () {
      var base = box.getAttribute("data-url");
      return box.hasAttribute("data-kb-actueel") ? base + window.location.search : base;
    };
    var say = function (text) { status.textContent = text; };
    var fallback = function () {
      field.hidden = false;
      input.value = url();
      input.focus();
      input.select();
      say("Kopiëren lukte niet vanzelf. De link is geselecteerd: kopieer hem met Ctrl+C (op een Mac: Cmd+C).");
    };

    if (print) {
      print.hidden = false;
      print.addEventListener("click", function () { window.print(); });
    }
    var mail = box.querySelector("[data-kb-mail]");
    if (mail && box.hasAttribute("data-kb-actueel")) {
      mail.addEventListener("click", function () {
        var title = box.getAttribute("data-kb-titel") || document.title;
        mail.href = "mailto:?subject=" + encodeURIComponent(title) +
          "&body=" + encodeURIComponent(title + "\n\n" + url());
      });
    }
    if (!copy) { return; }
    copy.hidden = false;
    if (navigator.clipboard && window.isSecureContext) { field.hidden = true; }
    copy.addEventListener("click", function () {
      if (!(navigator.clipboard && navigator.clipboard.writeText)) { fallback(); return; }
      navigator.clipboard.writeText(url()).then(
        function () { say("De link is gekopieerd. Je kunt hem nu plakken in een mail of chat."); },
        fallback
      );
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-kb-delen]"), setup);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

/* Search page (/zoeken/?q=...): Pagefind with Dutch stemming, plus the synonym groups from the
   vocabulary (export/zoekwoorden.json). The address keeps the query, so a search can be mailed. */
(function () {
  "use strict";
  var form = document.querySelector("[data-kb-zoeken]");
  if (!form) { return; }
  var input = form.querySelector("input[name=q]");
  var status = document.querySelector("[data-kb-zoekstatus]");
  var list = document.querySelector("[data-kb-zoekresultaten]");
  var root = new URL("../", window.location.href);
  var pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
    return pf.options({ baseUrl: root.pathname, excerptLength: 24 }).then(function () { return pf; });
  });
  var groups = fetch(new URL("export/zoekwoorden.json", root).href)
    .then(function (r) { return r.ok ? r.json() : { groepen: [] }; })
    .then(function (d) { return d.groepen || []; }, function () { return []; });
  var KINDS = { praktijk: "Praktijkvoorbeeld", tip: "Tip", knelpunt: "Knelpunt", aanbeveling: "Aanbeveling" };

  function variants(query, wordGroups) {
    var q = query.toLowerCase();
    var out = [{ q: query, weight: 1 }];
    wordGroups.forEach(function (group) {
      group.forEach(function (word) {
        var re = new RegExp("(^|\\s)" + word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "(?=\\s|$)");
        if (!re.test(q)) { return; }
        group.forEach(function (alt) {
          if (alt !== word && out.length < 10) { out.push({ q: q.replace(re, "$1" + alt), weight: 0.7 }); }
        });
      });
    });
    return out;
  }

  function excerptNode(html) {
    var tpl = document.createElement("template");
    tpl.innerHTML = html;
    var p = document.createElement("p");
    p.className = "kb-fragment";
    (function copy(from, to) {
      Array.prototype.forEach.call(from.childNodes, function (node) {
        if (node.nodeType === 3) { to.appendChild(document.createTextNode(node.textContent)); }
        else if (node.nodeName === "MARK") { var m = document.createElement("mark"); copy(node, m); to.appendChild(m); }
        else if (node.nodeType === 1) { copy(node, to); }
      });
    })(tpl.content, p);
    return p;
  }

  var PAGE = 10;  // results whose text is fetched at a time: each costs a request
  var more = document.createElement("button");
  more.type = "button";
  more.className = "md-button kb-meer";
  more.hidden = true;
  list.parentNode.insertBefore(more, list.nextSibling);
  var current = { query: "", ranked: [], items: [] };

  function item(d) {
    var li = document.createElement("li");
    var h = document.createElement("h2");
    h.className = "kb-kaartlijst__titel";
    var a = document.createElement("a");
    a.href = d.url;
    a.textContent = d.meta.title || d.url;
    h.appendChild(a);
    li.appendChild(h);
    var info = document.createElement("p");
    info.className = "kb-plaats";
    info.textContent = [d.meta.soort || "Pagina", d.meta.plaats].filter(Boolean).join(" \u00b7 ");
    li.appendChild(info);
    li.appendChild(excerptNode(d.excerpt));
    return li;
  }

  function render(query, items, total) {
    list.textContent = "";
    items.forEach(function (d) { list.appendChild(item(d)); });
    var left = total - items.length;
    more.hidden = left <= 0;
    more.textContent = "Toon meer resultaten (nog " + left + ")";
    status.textContent = total
      ? total + (total === 1 ? " resultaat" : " resultaten") + " voor \u201c" + query + "\u201d."
      : "Geen resultaten voor \u201c" + query + "\u201d. Probeer een ander of korter woord.";
  }

  function loadPage(state) {
    var next = state.ranked.slice(state.items.length, state.items.length + PAGE);
    return Promise.all(next.map(function (t) { return t.result.data(); })).then(function (items) {
      if (state !== current) { return; }  // a newer search started meanwhile
      var first = state.items.length;
      state.items = state.items.concat(items);
      render(state.query, state.items, state.ranked.length);
      return first;
    });
  }

  more.addEventListener("click", function () {
    loadPage(current).then(function (first) {
      var link = first !== undefined && list.children[first] && list.children[first].querySelector("a");
      if (link) { link.focus(); }  // keyboard and screen reader users land on the first new result
    });
  });

  function run(query) {
    query = (query || "").trim();
    input.value = query;
    document.title = (query ? query + " - " : "") + "Zoeken - Kennisbank Basisvaardigheden";
    if (!query) { list.textContent = ""; status.textContent = ""; more.hidden = true; return Promise.resolve(); }
    status.textContent = "Bezig met zoeken\u2026";
    return Promise.all([pagefind, groups]).then(function (loaded) {
      var pf = loaded[0];
      var tries = variants(query, loaded[1]);
      return Promise.all(tries.map(function (t) { return pf.search(t.q); })).then(function (searches) {
        var best = {};
        searches.forEach(function (s, i) {
          (s && s.results || []).forEach(function (r) {
            var score = r.score * tries[i].weight;
            if (!best[r.id] || best[r.id].score < score) { best[r.id] = { score: score, result: r }; }
          });
        });
        current = { query: query, items: [], ranked: Object.keys(best).map(function (k) { return best[k]; })
          .sort(function (a, b) { return b.score - a.score; }) };
        return loadPage(current);
      });
    }).then(null, function () {
      more.hidden = true;
      status.textContent = "Zoeken lukt nu niet. Probeer het later nog eens, of gebruik de overzichten.";
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value.trim();
    var url = new URL(window.location.href);
    url.search = query ? "?q=" + encodeURIComponent(query) : "";
    window.history.pushState({ q: query }, "", url.href);
    run(query);
  });
  window.addEventListener("popstate", function () {
    run(new URLSearchParams(window.location.search).get("q"));
  });
  run(new URLSearchParams(window.location.search).get("q"));
})();

/* Facets on an overview: OR within a facet, AND across facets; counts per value; the state in
   the address (?knelpunt=A&knelpunt=D&thema=financiering), so back/forward and a pasted link
   restore it. Each list item carries its values (data-kb-thema="financiering signaleren"), so
   the page fetches nothing more, however many cards the site has. */
(function () {
  "use strict";
  var form = document.querySelector("[data-kb-filters]");
  if (!form) { return; }
  var status = document.querySelector("[data-kb-filterstatus]");
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-kb-kaart]"));
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
  var keys = boxes.map(function (b) { return b.name; }).filter(function (k, i, a) { return a.indexOf(k) === i; });
  var soort = form.getAttribute("data-soort");
  var noun = soort === "tip" ? ["tip", "tips"] : ["praktijkvoorbeeld", "praktijkvoorbeelden"];
  var STEP = 100;  /* cards shown at a time; the same number is in kennisbank.css */
  var list = document.querySelector("[data-kb-stappen]");
  var more = document.querySelector("[data-kb-meer]");
  var limit = STEP;
  var values = {};
  items.forEach(function (li) {
    var v = {};
    keys.forEach(function (k) {
      var text = li.getAttribute("data-kb-" + k);
      v[k] = text ? text.split(" ") : [];
    });
    values[li.getAttribute("data-kb-kaart")] = v;
  });

  function selected() {
    var s = {};
    keys.forEach(function (k) { s[k] = []; });
    boxes.forEach(function (b) { if (b.checked) { s[b.name].push(b.value); } });
    return s;
  }
  function matches(slug, sel, skip) {
    var v = values[slug];
    return keys.every(function (k) {
      if (k === skip || sel[k].length === 0) { return true; }
      return sel[k].some(function (x) { return v[k].indexOf(x) !== -1; });
    });
  }
  function apply(announce) {
    var sel = selected();
    var shown = 0;
    var counts = {};  /* per facet: how many cards each value would give, the others as chosen */
    keys.forEach(function (k) { counts[k] = {}; });
    items.forEach(function (li) {
      var slug = li.getAttribute("data-kb-kaart");
      var ok = matches(slug, sel, null);
      var show = ok && (!more || shown < limit);
      if (li.hidden === show) { li.hidden = !show; }  /* touch only what changes: lists can be long */
      if (ok) { shown += 1; }
      keys.forEach(function (k) {
        if (!matches(slug, sel, k)) { return; }
        values[slug][k].forEach(function (x) { counts[k][x] = (counts[k][x] || 0) + 1; });
      });
    });
    boxes.forEach(function (b) {
      var n = counts[b.name][b.value] || 0;
      b.parentNode.querySelector("[data-kb-telling]").textContent = "(" + n + ")";
    });
    if (more) {
      var left = shown - limit;
      more.hidden = left <= 0;
      more.textContent = "Toon meer " + noun[1] + " (nog " + left + ")";
      list.setAttribute("data-kb-klaar", "");
    }
    var active = keys.some(function (k) { return sel[k].length; });
    form.querySelector("[data-kb-wis]").hidden = !active;
    if (announce || active) {
      status.textContent = shown + " " + (shown === 1 ? noun[0] : noun[1]) + (active ? " gevonden." : ".");
    } else {
      status.textContent = "";
    }
  }
  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    limit = STEP;
    boxes.forEach(function (b) { b.checked = params.getAll(b.name).indexOf(b.value) !== -1; });
    apply(false);
  }
  function toAddress() {
    var params = new URLSearchParams();
    boxes.forEach(function (b) { if (b.checked) { params.append(b.name, b.value); } });
    var query = params.toString();
    window.history.pushState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }
  form.addEventListener("change", function () { limit = STEP; toAddress(); apply(true); });
  form.addEventListener("reset", function () {
    window.setTimeout(function () {
      limit = STEP;
      toAddress();
      apply(true);
      form.querySelector("input").focus();
    }, 0);
  });
  if (more) {
    more.addEventListener("click", function () {
      var first = limit;
      limit += STEP;
      apply(false);
      /* focus moves to the first card that was just added, so keyboard users read on there */
      var visible = items.filter(function (li) { return !li.hidden; });
      var link = visible[first] && visible[first].querySelector("a");
      if (link) { link.focus(); }
    });
  }
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  window.addEventListener("popstate", fromAddress);
  form.hidden = false;
  var plain = document.querySelector("[data-kb-zonderjs]");
  if (plain) { plain.hidden = true; }
  fromAddress();
})();
