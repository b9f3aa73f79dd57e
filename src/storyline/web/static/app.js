// Storyline's only script: served from /static (the CSP allows no inline script).
"use strict";
(function () {
  // Speaker filter: show one speaker's quotes, or all.
  function applyFilter(select) {
    var box = document.getElementById(select.getAttribute("data-target"));
    if (!box) return;
    var want = select.value;
    var groups = box.querySelectorAll(".speaker-group");
    for (var i = 0; i < groups.length; i++) {
      groups[i].hidden = !!want && groups[i].getAttribute("data-speaker") !== want;
    }
  }
  // A quote can be cut into several highlighted pieces: light them all when its anchor is the target.
  function highlightQuote() {
    var old = document.querySelectorAll(".quote.hl");
    for (var i = 0; i < old.length; i++) old[i].classList.remove("hl");
    var h = decodeURIComponent(location.hash || "");
    if (h.indexOf("#q-") !== 0) return;
    var key = h.slice(3);
    var pieces = document.querySelectorAll("[data-q]");
    for (var j = 0; j < pieces.length; j++) {
      if ((" " + pieces[j].getAttribute("data-q") + " ").indexOf(" " + key + " ") >= 0) pieces[j].classList.add("hl");
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    var selects = document.querySelectorAll("select.speaker-filter");
    for (var i = 0; i < selects.length; i++) {
      selects[i].addEventListener("change", function (ev) { applyFilter(ev.target); });
      applyFilter(selects[i]);
    }
    highlightQuote();
    window.addEventListener("hashchange", highlightQuote);
  });
})();
