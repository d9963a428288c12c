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
    var url = function () {
      return box.hasAttribute("data-kb-actueel") ? window.location.href : box.getAttribute("data-url");
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
