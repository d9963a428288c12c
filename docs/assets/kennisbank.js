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

/* The search box in the header: when it gets focus, the browser fetches what the search page
   needs first (Pagefind and the site's word list), so the first result comes sooner. */
(function () {
  "use strict";
  var box = document.getElementById("kb-zoekbalk-q");
  if (!box) { return; }
  var done = false;
  box.addEventListener("focus", function () {
    if (done) { return; }
    done = true;
    var root = new URL("../", box.form.action);
    // Not pagefind-entry.json: Pagefind asks for it with a new ?ts= every time.
    ["pagefind/pagefind.js", "pagefind/pagefind-worker.js", "pagefind/wasm.nl.pagefind",
      "assets/zoeken.js", "zoeken/woorden.json"].forEach(function (path) {
      var link = document.createElement("link");
      link.rel = "prefetch";
      link.href = new URL(path, root).href;
      document.head.appendChild(link);
    });
  });
})();
