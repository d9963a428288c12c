/* Knelpuntenscan (/scan/). The questions and every knelpunt's answer are in the page already
   (overrides/kennisbank/scan.html); this script shows the questions, and on an answer shows,
   orders and labels the knelpunten that apply. It writes text only (textContent), never markup.

   The answers live in this page and in its address, nowhere else: nothing is sent, stored or
   fetched. The address holds them as a short code, /scan/?a=1A33D2:
     - "1" is the version of the code;
     - then per knelpunt with an answer: its letter and one digit per statement, in the page's
       order: 3 herkenbaar, 2 een beetje, 1 niet herkenbaar, 0 not answered (trailing 0s left out).
   A code that cannot be read is never trusted in part without saying so: the questions come
   back with what could be read, and a note. */
(function () {
  "use strict";
  var box = document.querySelector("[data-kb-scan]");
  if (!box) { return; }
  var VERSION = "1";
  var MAX_CODE = 64;  /* 6 knelpunten of 3 statements take 25 characters */
  var GROUP = /^([A-Za-z])([0-3]+)/;
  var own = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };

  var form = box.querySelector("[data-kb-vragen]");
  var answer = box.querySelector("[data-kb-uitkomst]");
  var intro = box.querySelector("[data-kb-scanuitleg]");
  var status = box.querySelector("[data-kb-scanstatus]");
  var notice = box.querySelector("[data-kb-scanmelding]");
  var error = box.querySelector("[data-kb-scanfout]");
  var heading = answer.querySelector("#uitkomst");
  var sentence = answer.querySelector("[data-kb-uitkomstzin]");
  var list = answer.querySelector("[data-kb-knelpunten]");
  var sections = Array.prototype.slice.call(list.querySelectorAll("[data-kb-knelpunt]"));
  var handout = answer.querySelector("[data-kb-handout]");
  var handoutNote = answer.querySelector("[data-kb-handoutuitleg]");
  var linkField = answer.querySelector("[data-kb-linkvak] input");
  var printLine = answer.querySelector("[data-kb-scanadres]");
  var notRecognised = answer.querySelector("[data-kb-nietherkend]");
  var unanswered = answer.querySelector("[data-kb-geval=\"leeg\"]");
  var base = box.getAttribute("data-url");
  var root = new URL(box.getAttribute("data-root"), window.location.href).href;
  var pageTitle = document.title;
  var siteName = document.title.split(" - ").slice(1).join(" - ") || "Kennisbank Basisvaardigheden";

  /* The shape of the scan, read from the questions: knelpunt code -> its statements' names. */
  var order = [];
  var names = {};
  Array.prototype.forEach.call(form.querySelectorAll("[data-kb-code]"), function (group) {
    var code = group.getAttribute("data-kb-code");
    order.push(code);
    names[code] = Array.prototype.map.call(group.querySelectorAll("[data-kb-naam]"), function (f) {
      return f.getAttribute("data-kb-naam");
    });
  });

  function empty() {
    var answers = {};
    order.forEach(function (k) { answers[k] = names[k].map(function () { return 0; }); });
    return answers;
  }

  /* Code -> {answers, problem}; problem is "" (read), "versie" (another version) or "kapot". */
  function decode(code) {
    var result = { answers: empty(), problem: "" };
    code = String(code).trim();
    if (code.length > MAX_CODE) { result.problem = "kapot"; return result; }
    if (!code) { return result; }  /* "?a=": no answers, which is said as such */
    if (code.charAt(0) !== VERSION) {
      result.problem = /^[0-9]/.test(code) ? "versie" : "kapot";
      return result;
    }
    var rest = code.slice(1);
    var seen = {};
    while (rest) {
      var m = GROUP.exec(rest);
      if (!m) { result.problem = "kapot"; break; }
      var k = m[1].toUpperCase();
      if (!own(result.answers, k) || own(seen, k)) {
        result.problem = "kapot";
      } else {
        seen[k] = true;
        var digits = m[2].slice(0, names[k].length);
        if (digits.length < m[2].length) { result.problem = "kapot"; }
        for (var i = 0; i < digits.length; i++) { result.answers[k][i] = Number(digits.charAt(i)); }
      }
      rest = rest.slice(m[0].length);
    }
    return result;
  }

  function encode(answers) {
    return VERSION + order.map(function (k) {
      var digits = answers[k].join("").replace(/0+$/, "");
      return digits ? k + digits : "";
    }).join("");
  }

  function radios(name) { return form.querySelectorAll("input[type=radio][name=\"" + name + "\"]"); }
  function read() {
    var answers = empty();
    order.forEach(function (k) {
      names[k].forEach(function (name, i) {
        Array.prototype.forEach.call(radios(name), function (r) { if (r.checked) { answers[k][i] = Number(r.value); } });
      });
    });
    return answers;
  }
  function fill(answers) {
    order.forEach(function (k) {
      names[k].forEach(function (name, i) {
        Array.prototype.forEach.call(radios(name), function (r) { r.checked = Number(r.value) === answers[k][i]; });
      });
    });
  }
  function label(name, digit) {
    var chosen = form.querySelector("input[type=radio][name=\"" + name + "\"][value=\"" + digit + "\"]");
    return chosen ? chosen.parentNode.textContent.trim() : box.getAttribute("data-kb-nietingevuld");
  }
  function count(values, digit) { return values.filter(function (v) { return v === digit; }).length; }
  function answered(answers) { return order.some(function (k) { return answers[k].some(Boolean); }); }
  function spoken(codes) {
    var parts = codes.map(function (c) { return "knelpunt " + c; });
    return parts.length > 1 ? parts.slice(0, -1).join(", ") + " en " + parts[parts.length - 1] : parts.join("");
  }
  function show(el, on) { if (el) { el.hidden = !on; } }

  /* Most recognised first: the most "herkenbaar", then the most "een beetje", then A to F. No
     score: the order only repeats the answers. */
  function rank(answers) {
    var rows = order.map(function (k, i) {
      var a = answers[k];
      return { code: k, strong: count(a, 3), some: count(a, 2), given: a.filter(Boolean).length, at: i };
    });
    return {
      applies: rows.filter(function (r) { return r.strong + r.some > 0; }).sort(function (x, y) {
        return y.strong - x.strong || y.some - x.some || x.at - y.at;
      }),
      not: rows.filter(function (r) { return r.given > 0 && r.strong + r.some === 0; }),
      blank: rows.filter(function (r) { return r.given === 0; })
    };
  }

  function showQuestions() {
    answer.hidden = true;
    form.hidden = false;
    show(intro, true);
    document.title = pageTitle;
  }

  function showAnswer(answers, moveFocus) {
    var r = rank(answers);
    var codes = r.applies.map(function (x) { return x.code; });
    var all = order.length;
    sections.forEach(function (s) { s.hidden = true; });
    r.applies.forEach(function (x) {
      var section = list.querySelector("[data-kb-knelpunt=\"" + x.code + "\"]");
      list.appendChild(section);  /* in the order of the answers */
      section.hidden = false;
      names[x.code].forEach(function (name, i) {
        var item = section.querySelector("[data-kb-antwoord=\"" + name + "\"] [data-kb-antwoordlabel]");
        if (item) { item.textContent = label(name, answers[x.code][i]) + ":"; }
      });
    });
    var text;
    if (!codes.length) {
      text = "Je herkent geen van de " + all + " knelpunten.";
    } else if (codes.length === all) {
      text = "Je herkent alle " + all + " knelpunten.";
    } else {
      text = "Je herkent " + codes.length + " van de " + all + " knelpunten: " + spoken(codes) + ".";
    }
    sentence.textContent = text;
    show(answer.querySelector("[data-kb-geval=\"niets\"]"), !codes.length);
    show(answer.querySelector("[data-kb-geval=\"alles\"]"), codes.length === all);
    show(answer.querySelector("[data-kb-geval=\"volgorde\"]"), codes.length > 1);
    show(answer.querySelector("[data-kb-geval=\"hulp\"]"), codes.length > 0);
    unanswered.hidden = !r.blank.length;
    unanswered.textContent = r.blank.length === 1
      ? "Bij " + spoken([r.blank[0].code]) + " heb je niets ingevuld. Dat knelpunt staat niet in de uitkomst."
      : "Bij " + spoken(r.blank.map(function (x) { return x.code; })) + " heb je niets ingevuld. Die knelpunten staan niet in de uitkomst.";
    var not = r.not.map(function (x) { return x.code; });
    Array.prototype.forEach.call(notRecognised.querySelectorAll("[data-kb-niet]"), function (li) {
      li.hidden = not.indexOf(li.getAttribute("data-kb-niet")) === -1;
    });
    notRecognised.hidden = !not.length;
    var ids = r.applies.map(function (x) {
      return list.querySelector("[data-kb-knelpunt=\"" + x.code + "\"]").getAttribute("data-kb-id");
    });
    handout.href = new URL("selectie/?k=" + ids.join(","), root).href;
    show(handout, ids.length > 0);
    show(handoutNote, ids.length > 0);
    var address = base + window.location.search;
    linkField.value = address;
    printLine.textContent = "Deze uitkomst staat op " + address;
    document.title = "Uitkomst van de knelpuntenscan - " + siteName;
    form.hidden = true;
    show(intro, false);
    answer.hidden = false;
    status.textContent = "Je uitkomst staat hieronder. " + text;
    if (moveFocus) { heading.focus(); }
  }

  var PROBLEMS = {
    versie: "Deze link komt uit een andere versie van de scan. Die kunnen we niet lezen. Vul de scan hieronder opnieuw in.",
    kapot: "Deze link is niet helemaal goed overgekomen. Misschien is hij in een mail afgebroken. Wat we konden lezen, " +
      "staat hieronder al ingevuld. Kijk de antwoorden na en kies dan Bekijk de uitkomst.",
    leeg: "In deze link staan geen antwoorden. Vul de scan hieronder in."
  };
  /* A note above the questions, for a link that could not be read: shown, and said. */
  function say(text) {
    notice.querySelector("p").textContent = text;
    notice.hidden = !text;
    status.textContent = text;
  }
  function fromAddress(initial) {
    error.hidden = true;
    say("");
    var code = new URLSearchParams(window.location.search).get("a");
    if (code === null) {
      if (!initial) { fill(empty()); }
      showQuestions();
      return;
    }
    var result = decode(code);
    fill(result.answers);
    var problem = result.problem || (answered(result.answers) ? "" : "leeg");
    if (problem) {
      showQuestions();
      say(PROBLEMS[problem]);
      return;
    }
    showAnswer(result.answers, !initial);
  }

  box.querySelector("[data-kb-bekijk]").addEventListener("click", function () {
    var answers = read();
    if (!answered(answers)) {
      error.hidden = false;
      error.focus();
      return;
    }
    error.hidden = true;
    say("");
    var query = "?a=" + encode(answers);
    if (window.location.search !== query) {
      window.history.pushState(null, "", window.location.pathname + query);
    }
    showAnswer(answers, true);
  });
  box.querySelector("[data-kb-wis]").addEventListener("click", function () {
    fill(empty());
    error.hidden = true;
    say("");
    if (window.location.search) { window.history.replaceState(null, "", window.location.pathname); }
    status.textContent = "Alle antwoorden zijn gewist.";  /* said only: the empty choices show it */
  });
  box.querySelector("[data-kb-aanpassen]").addEventListener("click", function () {
    showQuestions();
    say("");
    var first = form.querySelector("input[type=radio]:checked") || form.querySelector("input[type=radio]");
    if (first) { first.focus(); }
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  window.addEventListener("popstate", function () { fromAddress(false); });
  fromAddress(true);
})();
