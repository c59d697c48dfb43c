{#- Term help: show a glossary term's explanation on mouse hover, keyboard focus and tap.
    scripts/term_help.py writes each marked term as <a class="term" href="…/ordlista/#id"
    title="explanation">, and the page's first one also has the link label once, as
    data-more="Read more in the glossary". Without JavaScript that link leads
    to the glossary entry and its title explains it. Here the title becomes a box shown in place
    under the term, with a link to the entry; the explanation is the link's aria-describedby, so
    screen readers announce it. A first tap shows the box, a second tap follows the link. The box
    stays while the pointer or the focus is on it (WCAG 1.4.13) and Escape or a tap elsewhere
    closes it. Tested by tests/browser/test_term_help.py.
    (A Jinja comment: it stays in this file and is not sent with every page.) -#}
(function () {
  var open = null;
  var closing = 0;

  function place(item) {
    var box = item.link.getBoundingClientRect();
    var width = item.tip.offsetWidth;
    var left = Math.max(8, Math.min(box.left, window.innerWidth - width - 8));
    item.tip.style.left = left + "px";
    item.tip.style.top = box.bottom + 4 + "px";
  }
  function show(item) {
    clearTimeout(closing);
    if (open && open !== item) hide();
    open = item;
    item.tip.hidden = false;
    place(item);
  }
  function hide() {
    if (open) open.tip.hidden = true;
    open = null;
  }
  function hideSoon() {
    clearTimeout(closing);
    closing = setTimeout(hide, 300);
  }

  var labelled = document.querySelector("a.term[data-more]");
  var moreLabel = labelled ? labelled.getAttribute("data-more") : "";

  document.querySelectorAll("a.term[title]").forEach(function (link, n) {
    var tip = document.createElement("span");
    var text = document.createElement("span");
    var more = document.createElement("a");
    var item = { link: link, tip: tip, tapped: false, wasOpen: false };
    tip.className = "term-tip";
    tip.hidden = true;
    text.id = "term-tip-" + n;
    text.textContent = link.title;
    more.href = link.href;
    more.textContent = moreLabel || link.textContent;
    tip.append(text, " ", more);
    link.removeAttribute("title");
    link.setAttribute("aria-describedby", text.id);
    link.after(tip);

    link.addEventListener("pointerenter", function (event) {
      if (event.pointerType === "mouse") show(item);
    });
    link.addEventListener("pointerleave", function (event) {
      if (event.pointerType === "mouse") hideSoon();
    });
    tip.addEventListener("pointerenter", function () { clearTimeout(closing); });
    tip.addEventListener("pointerleave", function (event) {
      if (event.pointerType === "mouse") hideSoon();
    });
    link.addEventListener("focus", function () { show(item); });
    link.addEventListener("blur", function (event) {
      if (!tip.contains(event.relatedTarget)) hideSoon();
    });
    more.addEventListener("blur", function (event) {
      if (event.relatedTarget !== link) hideSoon();
    });
    {#- Decide on pointerdown, before the tap's own focus opens the box. #}
    link.addEventListener("pointerdown", function (event) {
      item.tapped = event.pointerType !== "mouse";
      item.wasOpen = open === item;
    });
    link.addEventListener("click", function (event) {
      if (item.tapped && !item.wasOpen) {
        event.preventDefault();
        show(item);
      }
      item.tapped = false;
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
  document.addEventListener("pointerdown", function (event) {
    if (open && !open.link.contains(event.target) && !open.tip.contains(event.target)) hide();
  });
  window.addEventListener("scroll", function () { if (open) place(open); }, { passive: true, capture: true });
  window.addEventListener("resize", function () { if (open) place(open); });
})();
