// claimledger report: small progressive enhancements; the page reads fine without them.
(function () {
  "use strict";
  function flash(id) {
    var el = id && document.getElementById(id);
    if (!el) { return; }
    // A link to a fact opens it, so its quotes are visible where the reader lands.
    if (el.tagName === "DETAILS") { el.open = true; }
    var target = el.classList.contains("anchor") && el.nextElementSibling ? el.nextElementSibling : el;
    target.classList.add("flash");
    window.setTimeout(function () { target.classList.remove("flash"); }, 2500);
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
