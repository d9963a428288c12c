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

/* Facets on an overview: OR within a facet, AND across facets; counts per value; chips for
   what is chosen; an order; the state in the address (?knelpunt=A&knelpunt=D&thema=financiering
   &sorteer=nieuw), so back/forward and a pasted link restore it. Each list item carries its
   values (data-kb-thema="financiering signaleren"), so the page fetches nothing more, however
   many cards the site has. Title, heading line, mail and print say what the list holds. */
(function () {
  "use strict";
  var form = document.querySelector("[data-kb-filters]");
  if (!form) { return; }
  var siteRoot = new URL("../", document.currentScript ? document.currentScript.src : window.location.href);
  var words = form.querySelector("[data-kb-woorden]");
  var wordHits = null;   /* with words: the cards that match them, as {"praktijk/slug": true} */
  var wordInfo = null;   /* and what was searched: {words, corrected} */
  var status = document.querySelector("[data-kb-filterstatus]");
  var panel = form.querySelector("[data-kb-paneel]");
  var active = form.querySelector("[data-kb-actief]");
  var showButton = form.querySelector("[data-kb-toon]");
  var chips = form.querySelector("[data-kb-chips]");
  var chipList = form.querySelector("[data-kb-chiplijst]");
  var order = form.querySelector("[data-kb-sorteer]");
  var printLine = document.querySelector("[data-kb-printadres]");
  var share = document.querySelector("[data-kb-delen][data-kb-actueel]");
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-kb-kaart]"));
  var byTitle = items.slice();  // the page lists them A-Z
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
  var keys = boxes.map(function (b) { return b.name; }).filter(function (k, i, a) { return a.indexOf(k) === i; });
  var noun = [form.getAttribute("data-enkelvoud"), form.getAttribute("data-meervoud")];
  var kindName = noun[1].charAt(0).toUpperCase() + noun[1].slice(1);
  var siteName = document.title.split(" - ").slice(1).join(" - ") || "Kennisbank Basisvaardigheden";
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
  var soort = form.getAttribute("data-soort");
  function matches(slug, sel, skip) {
    if (wordHits && !wordHits[soort + "/" + slug]) { return false; }
    var v = values[slug];
    return keys.every(function (k) {
      if (k === skip || sel[k].length === 0) { return true; }
      return sel[k].some(function (x) { return v[k].indexOf(x) !== -1; });
    });
  }
  function plural(n) { return n + " " + (n === 1 ? noun[0] : noun[1]); }
  function chosen() { return boxes.filter(function (b) { return b.checked; }); }

  /* "4 praktijkvoorbeelden · Knelpunt D · Samenwerking en netwerk": the heading line, and the
     title, mail and print of the list. */
  function wordsLabel() {
    if (!wordInfo) { return ""; }
    var label = "\u201c" + wordInfo.words.join(" ") + "\u201d";
    return wordInfo.corrected.length ? label + " (je typte \u201c" + wordInfo.typed + "\u201d)" : label;
  }
  function describe(shown) {
    var parts = [plural(shown)];
    if (wordInfo) { parts.push(wordsLabel()); }
    return parts.concat(chosen().map(function (b) { return b.getAttribute("data-naam"); })).join(" \u00b7 ");
  }

  /* The words box uses the search page's engine (zoeken.js), loaded the first time it is used. */
  var engine = null;
  function loadEngine() {
    if (!engine) {
      engine = new Promise(function (resolve, reject) {
        if (window.kbZoeken) { resolve(window.kbZoeken); return; }
        var script = document.createElement("script");
        script.src = new URL("assets/zoeken.js", siteRoot).href;
        script.async = true;
        script.onload = function () { resolve(window.kbZoeken); };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return engine;
  }
  function refreshWords() {
    var q = words.value.trim();
    if (!q) { wordHits = null; wordInfo = null; return Promise.resolve(); }
    status.textContent = "Bezig met zoeken\u2026";
    return loadEngine().then(function (e) { return e.cards(q, soort); }).then(function (r) {
      if (words.value.trim() !== q) { return; }  /* typed on meanwhile: the newer words count */
      wordHits = r.cards;
      wordInfo = { words: r.words, corrected: r.corrected, typed: q };
    }, function () {
      wordHits = null;
      wordInfo = null;
      status.textContent = "Zoeken op woorden lukt nu niet. De filters werken wel.";
    });
  }

  var SORTS = {
    nieuw: function (a, b) {
      return (b.getAttribute("data-kb-jaar") || "").localeCompare(a.getAttribute("data-kb-jaar") || "") ||
        b.getAttribute("data-kb-datum").localeCompare(a.getAttribute("data-kb-datum"));
    },
    cijfers: function (a, b) { return b.hasAttribute("data-kb-cijfers") - a.hasAttribute("data-kb-cijfers"); }
  };
  function sortItems() {
    var sort = SORTS[order.value];
    var sorted = byTitle.slice();
    if (sort) { sorted.sort(function (a, b) { return sort(a, b) || byTitle.indexOf(a) - byTitle.indexOf(b); }); }
    var parent = items[0] && items[0].parentNode;
    if (!parent) { return; }
    var same = sorted.every(function (li, i) { return parent.children[i] === li; });
    if (!same) { sorted.forEach(function (li) { parent.appendChild(li); }); }
    items = sorted;
  }

  function chip(text, label, remove) {
    var li = document.createElement("li");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "kb-chip";
    button.setAttribute("aria-label", label);
    button.textContent = text;
    var x = document.createElement("span");
    x.setAttribute("aria-hidden", "true");
    x.textContent = " \u00d7";
    button.appendChild(x);
    button.addEventListener("click", function () {
      remove().then(function () {  /* the chips are drawn anew: focus the first one left */
        var next = chipList.querySelector("button") || status;
        next.focus();
      });
    });
    li.appendChild(button);
    chipList.appendChild(li);
  }
  function renderChips() {
    chipList.textContent = "";
    if (wordInfo) {
      var said = "\u201c" + wordInfo.words.join(" ") + "\u201d";
      chip(said, "Woorden " + said + " weghalen", function () {
        words.value = "";
        return changed(true);
      });
    }
    chosen().forEach(function (b) {
      chip(b.getAttribute("data-naam"), "Filter " + b.getAttribute("data-naam") + " weghalen", function () {
        b.checked = false;
        return changed(true);
      });
    });
    chips.hidden = chosen().length === 0 && !wordInfo;
  }

  /* Past the first 100 cards the labels wait as text in <noscript> (overzicht.html): made into
     elements only when the card is shown, so thousands of cards stay a small page. */
  function unfoldLabels(li) {
    var later = li.querySelector("noscript[data-kb-labels]");
    if (!later) { return; }
    var made = document.createElement("template");
    made.innerHTML = later.textContent;  /* the site's own markup, as the server wrote it */
    later.parentNode.replaceChild(made.content, later);
  }

  function apply(announce) {
    sortItems();
    var sel = selected();
    var shown = 0;
    var counts = {};  /* per facet: how many cards each value would give, the others as chosen */
    keys.forEach(function (k) { counts[k] = {}; });
    items.forEach(function (li) {
      var slug = li.getAttribute("data-kb-kaart");
      var ok = matches(slug, sel, null);
      var show = ok && (!more || shown < limit);
      if (li.hidden === show) { li.hidden = !show; }  /* touch only what changes: lists can be long */
      if (show) { unfoldLabels(li); }
      if (ok) { shown += 1; }
      keys.forEach(function (k) {
        if (!matches(slug, sel, k)) { return; }
        values[slug][k].forEach(function (x) { counts[k][x] = (counts[k][x] || 0) + 1; });
      });
    });
    boxes.forEach(function (b) {
      var n = counts[b.name][b.value] || 0;
      b.parentNode.querySelector("[data-kb-telling]").textContent = "(" + n + ")";
      b.disabled = n === 0 && !b.checked;  /* a choice that would empty the list is no choice */
      b.parentNode.classList.toggle("kb-facet__keuze--leeg", b.disabled);
    });
    form.querySelector("[data-kb-grijs]").hidden = !boxes.some(function (b) { return b.disabled; });
    if (more) {
      var left = shown - limit;
      more.hidden = left <= 0;
      more.textContent = "Toon meer " + noun[1] + " (nog " + left + ")";
      list.setAttribute("data-kb-klaar", "");
    }
    var n = chosen().length + (wordInfo ? 1 : 0);
    active.textContent = chosen().length ? " (" + chosen().length + ")" : "";
    showButton.textContent = "Toon " + plural(shown);
    renderChips();
    var line = describe(shown);
    var text = shown || !n ? line + "." : line + ". Haal een filter weg met \u00d7 hierboven.";
    if (status.textContent !== text) { status.textContent = text; }
    document.title = (n ? line : kindName) + " - " + siteName;
    var address = (share ? share.getAttribute("data-url") : window.location.href.split("?")[0]) + window.location.search;
    printLine.textContent = "Deze lijst staat op " + address;
    if (share) { share.setAttribute("data-kb-titel", (n ? line : kindName) + " in de Kennisbank Basisvaardigheden"); }
    try { window.sessionStorage.setItem("kb-lijst-" + form.getAttribute("data-soort"), window.location.pathname + window.location.search); } catch (e) { /* private mode */ }
    return announce;
  }
  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    limit = STEP;
    boxes.forEach(function (b) { b.checked = params.getAll(b.name).indexOf(b.value) !== -1; });
    var sort = params.get("sorteer") || "";
    order.value = Array.prototype.some.call(order.options, function (o) { return o.value === sort; }) ? sort : "";
    words.value = params.get("q") || "";
    return refreshWords().then(function () { apply(false); });
  }
  function toAddress() {
    var params = new URLSearchParams();
    if (words.value.trim()) { params.set("q", words.value.trim()); }
    boxes.forEach(function (b) { if (b.checked) { params.append(b.name, b.value); } });
    if (order.value) { params.set("sorteer", order.value); }
    var query = params.toString();
    window.history.pushState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }
  function changed(announce) {
    limit = STEP;
    toAddress();
    return refreshWords().then(function () { apply(announce); });
  }
  form.addEventListener("change", function (event) {
    if (event.target !== words) { changed(true); }  /* the words box: as you type, below */
  });
  var typing = null;
  words.addEventListener("input", function () {
    window.clearTimeout(typing);
    typing = window.setTimeout(function () { changed(true); }, 400);
  });
  form.addEventListener("reset", function () {
    window.setTimeout(function () {
      order.value = "";
      words.value = "";
      changed(true).then(function () { status.focus(); });
    }, 0);
  });
  showButton.addEventListener("click", function () {
    panel.open = false;
    status.focus();  /* the count, then the results: where the phone user wanted to go */
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
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    window.clearTimeout(typing);
    changed(true).then(function () { status.focus(); });  /* Enter in the words box: to the list */
  });
  window.addEventListener("popstate", fromAddress);
  /* On a wide screen the panel is open; on a phone the results come first. */
  panel.open = window.matchMedia("(min-width: 76.25em)").matches;  /* kennisbank.css: the column */
  form.hidden = false;
  Array.prototype.forEach.call(document.querySelectorAll("[data-kb-zonderjs], [data-kb-vast]"), function (el) { el.hidden = true; });
  fromAddress();
})();

/* A card reached from a filtered list links back to that list, filters and all. */
(function () {
  "use strict";
  var back = document.querySelector(".kb-terug a[data-kb-soort]");
  if (!back) { return; }
  var saved = null;
  try { saved = window.sessionStorage.getItem("kb-lijst-" + back.getAttribute("data-kb-soort")); } catch (e) { return; }
  var target = new URL(back.href);
  if (saved && saved.indexOf(target.pathname) === 0 && saved.length > target.pathname.length) {
    back.href = saved;
    back.textContent = "Terug naar de lijst met je filters";
  }
})();

/* The search box in the header: when it gets focus, the browser fetches what the search page
   needs first (its script and the site's search index), so the first result comes sooner. */
(function () {
  "use strict";
  var box = document.getElementById("kb-zoekbalk-q");
  if (!box) { return; }
  var done = false;
  box.addEventListener("focus", function () {
    if (done) { return; }
    done = true;
    var root = new URL("../", box.form.action);
    ["assets/zoeken.js", "zoeken/index.json"].forEach(function (path) {
      var link = document.createElement("link");
      link.rel = "prefetch";
      link.href = new URL(path, root).href;
      document.head.appendChild(link);
    });
  });
})();

/* The selection: pages an advisor keeps for one mail or one print (/selectie/). It is kept in
   this browser (localStorage); the address /selectie/?k=praktijken/a,tips/b (each page's path,
   comma-separated) rebuilds it in any browser. No account, no server. */
(function () {
  "use strict";
  var KEY = "kb-selectie";
  var ID = /^(praktijken|tips|knelpunten|aanbevelingen)\/[a-z0-9]+(-[a-z0-9]+)*$/;

  // A handout, not the whole site: an address with thousands of names fetched thousands of pages.
  var MAX_SELECTION = 50;
  function valid(ids) {
    var seen = {};
    return ids.filter(function (id) { var ok = ID.test(id) && !seen[id]; seen[id] = true; return ok; });
  }
  function load() {
    try {
      var value = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(value) ? valid(value.map(String)) : [];
    } catch (e) { return []; }
  }
  function save(ids) {
    try { window.localStorage.setItem(KEY, JSON.stringify(ids)); } catch (e) { /* private mode */ }
  }

  function saveButton(button) {
    var id = button.getAttribute("data-kb-bewaar");
    var box = button.closest("[data-kb-delen]");
    var status = box.querySelector("[data-kb-status]");
    var link = box.querySelector("[data-kb-selectielink]");
    var show = function () {
      var ids = load();
      button.setAttribute("aria-pressed", String(ids.indexOf(id) >= 0));
      link.hidden = !ids.length;
      link.querySelector("a").textContent = "Bekijk je selectie (" + ids.length + ")";
    };
    button.hidden = false;
    show();
    button.addEventListener("click", function () {
      var ids = load();
      var at = ids.indexOf(id);
      if (at >= 0) { ids.splice(at, 1); } else { ids.push(id); }
      save(ids);
      show();
      status.textContent = at >= 0
        ? "Uit je selectie gehaald. Er staan er nog " + ids.length + " in."
        : "Bewaard in je selectie. Er staan er nu " + ids.length + " in.";
    });
    window.addEventListener("storage", show);
  }

  /* A page's own content for the handout: the article, its headings one level down (the
     handout has its own h1), ids made unique, links made absolute, and without what is only
     for the screen of that page. */
  function cardFrom(doc, address, n) {
    var article = doc.querySelector("article.kb-kaart");
    if (!article) { return null; }
    var drop = ".kb-delen, .kb-lijkt, .kb-meer-uit, .kb-terug, .kb-zoektermen, .kb-printvoet";
    Array.prototype.forEach.call(article.querySelectorAll(drop), function (e) { e.remove(); });
    Array.prototype.forEach.call(article.querySelectorAll("[id]"), function (e) { e.id = "k" + n + "-" + e.id; });
    Array.prototype.forEach.call(article.querySelectorAll("[aria-labelledby]"), function (e) {
      e.setAttribute("aria-labelledby", "k" + n + "-" + e.getAttribute("aria-labelledby"));
    });
    Array.prototype.forEach.call(article.querySelectorAll("a[href]"), function (a) {
      var href = a.getAttribute("href");
      a.setAttribute("href", href.charAt(0) === "#" ? "#k" + n + "-" + href.slice(1) : new URL(href, address).href);
    });
    ["h4", "h3", "h2", "h1"].forEach(function (tag, i) {
      Array.prototype.forEach.call(article.querySelectorAll(tag), function (h) {
        var lower = doc.createElement(["h5", "h4", "h3", "h2"][i]);
        Array.prototype.forEach.call(h.attributes, function (at) { lower.setAttribute(at.name, at.value); });
        while (h.firstChild) { lower.appendChild(h.firstChild); }
        h.replaceWith(lower);
      });
    });
    var canonical = doc.querySelector('link[rel="canonical"]');
    var title = article.querySelector("h2");
    return { node: document.importNode(article, true), title: title ? title.textContent.trim() : address,
      address: canonical ? canonical.getAttribute("href") : address };
  }

  /* Fetch a page by its id; an old address leads to its redirect page, which is followed (at
     most two in a row). */
  function fetchCard(root, id, n) {
    var get = function (address, hops) {
      return fetch(address).then(function (response) {
        if (!response.ok) { return null; }
        return response.text().then(function (text) {
          var doc = new DOMParser().parseFromString(text, "text/html");
          var refresh = doc.querySelector('meta[http-equiv="refresh"]');
          if (refresh && hops < 2) {
            var target = (refresh.getAttribute("content") || "").replace(/^[^;]*;\s*url=/i, "");
            return get(new URL(target, address).href, hops + 1);
          }
          var card = cardFrom(doc, address, n);
          if (card) { card.id = new URL(address).pathname.slice(new URL(root).pathname.length).replace(/\/$/, ""); }
          return card;
        });
      });
    };
    return get(new URL(id + "/", root).href, 0).then(null, function () { return null; });
  }

  function handout(box) {
    var root = new URL(box.getAttribute("data-root"), window.location.href).href;
    var base = box.getAttribute("data-url");
    var list = box.querySelector("[data-kb-selectielijst]");
    var status = box.querySelector("[data-kb-selectiestatus]");
    var share = box.querySelector("[data-kb-selectiedelen]");
    var field = box.querySelector("[data-kb-selectieveld]");
    var mail = box.querySelector("[data-kb-selectiemail]");
    var params = new URLSearchParams(window.location.search);
    var asked = params.has("k") ? valid((params.get("k") || "").split(",")) : load();
    var wanted = asked.slice(0, MAX_SELECTION);
    var cards = [];

    // A selection opened from a link is only saved in this browser once it is changed here:
    // opening a colleague's link does not replace your own selection. The address always shows
    // the selection: the share box copies it from there.
    var update = function (changed) {
      var ids = cards.map(function (c) { return c.id; });
      var query = ids.length ? "?k=" + ids.join(",") : "";
      if (changed || !params.has("k")) { save(ids); }
      window.history.replaceState(null, "", window.location.pathname + query);
      share.hidden = !cards.length;
      var link = base + query;
      field.value = link;
      var lines = cards.map(function (c) { return c.title + "\n" + c.address; });
      mail.href = "mailto:?subject=" + encodeURIComponent("Selectie uit de Kennisbank Basisvaardigheden") +
        "&body=" + encodeURIComponent(lines.join("\n\n") + "\n\nAlles bij elkaar: " + link);
    };
    var render = function (focusId, focusWhat) {
      list.textContent = "";
      cards.forEach(function (card, i) {
        var item = document.createElement("li");
        item.className = "kb-selectie-item";
        var head = document.createElement("p");
        head.className = "kb-selectie-kop";
        head.textContent = "Selectie uit de Kennisbank Basisvaardigheden · " + (i + 1) + " van " + cards.length;
        var tools = document.createElement("p");
        tools.className = "kb-knoppen kb-selectie-knoppen";
        [["omhoog", "Hoger", i > 0], ["omlaag", "Lager", i < cards.length - 1], ["weg", "Verwijder", true]].forEach(function (t) {
          var b = document.createElement("button");
          b.type = "button";
          b.className = "md-button";
          b.textContent = t[1];
          b.setAttribute("aria-label", t[1] + ": " + card.title);
          b.setAttribute("data-doe", t[0]);
          b.disabled = !t[2];
          b.addEventListener("click", function () { act(i, t[0]); });
          tools.appendChild(b);
        });
        item.appendChild(head);
        item.appendChild(tools);
        item.appendChild(card.node);
        list.appendChild(item);
        if (card.id === focusId) {
          var again = tools.querySelector('[data-doe="' + focusWhat + '"]:not([disabled])') || tools.querySelector("button:not([disabled])");
          if (again) { again.focus(); }
        }
      });
    };
    var act = function (i, what) {
      var card = cards[i];
      if (what === "weg") {
        cards.splice(i, 1);
        status.textContent = "“" + card.title + "” is uit de selectie. Er staan er nog " + cards.length + " in.";
        render();
        var next = list.querySelector("button:not([disabled])");
        if (next) { next.focus(); } else { status.setAttribute("tabindex", "-1"); status.focus(); }
      } else {
        var j = what === "omhoog" ? i - 1 : i + 1;
        cards.splice(i, 1);
        cards.splice(j, 0, card);
        status.textContent = "“" + card.title + "” staat nu op plek " + (j + 1) + " van " + cards.length + ".";
        render(card.id, what);
      }
      update(true);
    };

    if (!wanted.length) {
      status.textContent = "Je selectie is nog leeg. Ga naar een praktijkvoorbeeld, tip, knelpunt of aanbeveling en kies Bewaar in selectie.";
      return;
    }
    status.textContent = "Bezig met laden…";
    Promise.all(wanted.map(function (id, n) { return fetchCard(root, id, n); })).then(function (found) {
      var missing = [];
      found.forEach(function (card, i) { if (card) { cards.push(card); } else { missing.push(wanted[i]); } });
      var seen = {};
      cards = cards.filter(function (c) { var ok = !seen[c.id]; seen[c.id] = true; return ok; });
      render();
      update();
      var text = cards.length === 1 ? "1 pagina in je selectie." : cards.length + " pagina's in je selectie.";
      if (missing.length) {
        text += " Niet gevonden: " + missing.join(", ") + ". Die pagina bestaat niet (meer).";
      }
      if (asked.length > wanted.length) {
        text += " Een selectie heeft hoogstens " + MAX_SELECTION + " pagina's: de andere " +
          (asked.length - wanted.length) + " uit het adres zijn niet geladen.";
      }
      status.textContent = text;
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-kb-bewaar]"), saveButton);
    Array.prototype.forEach.call(document.querySelectorAll("[data-kb-selectie]"), handout);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
