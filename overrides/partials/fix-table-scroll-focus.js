{#- Theme gap: wide tables scroll sideways on phones, but the theme's scroll box cannot be reached
    with the keyboard (axe scrollable-region-focusable). A box that scrolls becomes a focusable,
    named region; a box that no longer scrolls (after a resize) stops being one.
    Relies on Material (checked by tests/test_theme_gaps.py): the bundle wraps each table in
    div.md-typeset__scrollwrap, which the stylesheet makes the overflow-x: auto box, before the
    window's "load" event.
    (A Jinja comment: it stays in this file and is not sent with every page.) -#}
(function () {
  var lang = document.documentElement.lang === "en" ? "en" : "sv";
  function focusableScrollBoxes() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", lang === "en" ? "Table, scrolls sideways" : "Tabell, går att rulla i sidled");
      } else if (box.getAttribute("role") === "region") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }
  window.addEventListener("load", focusableScrollBoxes);
  window.addEventListener("resize", focusableScrollBoxes);
})();
