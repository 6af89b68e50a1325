// claimledger report: small progressive enhancements; the page reads fine without them.
(function () {
  "use strict";
  var lit = [];
  function flash(id) {
    var el = id && document.getElementById(id);
    if (!el) { return; }
    // A link to a fact opens it, so its quotes are visible where the reader lands.
    if (el.tagName === "DETAILS") { el.open = true; }
    // An anchor in an article marks where a claim, quote, citation or event starts; every
    // run of text that belongs to it carries its id in data-refs, so light them all.
    var targets = [el];
    if (el.classList.contains("anchor")) {
      targets = Array.prototype.slice.call(
        document.querySelectorAll('[data-refs~="' + CSS.escape(id) + '"]'));
      if (!targets.length && el.nextElementSibling) { targets = [el.nextElementSibling]; }
    }
    lit.forEach(function (t) { t.classList.remove("flash"); });
    lit = targets;
    lit.forEach(function (t) { t.classList.add("flash"); });
  }
  function fromHash() {
    flash(decodeURIComponent(window.location.hash.slice(1)));
  }
  window.addEventListener("hashchange", fromHash);
  document.addEventListener("DOMContentLoaded", fromHash);
  // Opening a conflict scrolls it into view with both quotes side by side.
  document.querySelectorAll("details.fact").forEach(function (d) {
    d.addEventListener("toggle", function () {
      if (d.open) { d.scrollIntoView({ block: "nearest" }); }
    });
  });
})();
