/* Fixes for gaps in the theme, run before the theme's bundle (see overrides/main.html).
 *
 * 1. The theme requests sitemap.xml beside the site root and beside every <link rel="alternate">
 *    (for example /en/ansvar/sitemap.xml), to prepare instant navigation. This site leaves
 *    navigation.instant off, and those files do not exist, so every page logged 404 errors.
 *    The requests are answered here with an empty sitemap and never reach the network.
 * 2. mkdocs-static-i18n writes one search index for both languages (#271), so a Swedish reader got
 *    English hits and downloaded both. `make build` splits the index per language
 *    (scripts/split_search_index.py); this loads the reader's language only, and only when the
 *    reader opens the search, and stems words for that language alone. The theme adds "*" to
 *    every word while you type, and lunr does not stem such words, so each plain word is also
 *    sent as "word^1", which lunr stems ("föreningarna" finds "förening").
 *    The search worker, too, is started only when the search is opened, not on every page.
 * 3. Wide tables scroll sideways on phones, but the theme's scroll box cannot be reached with the
 *    keyboard (axe scrollable-region-focusable). A box that scrolls becomes a focusable region.
 */
(function () {
  var lang = document.documentElement.lang === "en" ? "en" : "sv";
  var searchOpened = new Promise(function (resolve) {
    if (new URLSearchParams(location.search).has("h")) resolve(); // arriving from a search result
    document.addEventListener("focusin", function (event) {
      if (event.target.closest && event.target.closest("[data-md-component=search]")) resolve();
    });
    document.addEventListener("change", function (event) {
      if (event.target.id === "__search") resolve();
    });
  });

  /* 1 and 2: the theme loads both files with XMLHttpRequest (responseType "blob"). */
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  function answer(xhr, body, type) {
    Object.defineProperty(xhr, "status", { value: 200 });
    Object.defineProperty(xhr, "statusText", { value: "OK" });
    Object.defineProperty(xhr, "response", { value: new Blob([body], { type: type }) });
    xhr.dispatchEvent(new Event("load"));
  }
  function isEnglish(doc) {
    return doc.location === "en/" || doc.location.indexOf("en/") === 0;
  }
  function languageIndex(url) {
    return fetch(url)
      .then(function (response) { return response.json(); })
      .then(function (index) {
        if (index.languages) { // split by `make build`: fetch this language's file
          return fetch(new URL(index.languages[lang], url)).then(function (r) { return r.json(); });
        }
        index.docs = index.docs.filter(function (doc) { return isEnglish(doc) === (lang === "en"); });
        return index;
      })
      .then(function (index) {
        index.config.lang = [lang];
        return index;
      });
  }
  XMLHttpRequest.prototype.open = function (method, url) {
    this.themeGapUrl = new URL(String(url), location.href);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this;
    var path = xhr.themeGapUrl ? xhr.themeGapUrl.pathname : "";
    if (/\/sitemap\.xml$/.test(path)) {
      setTimeout(function () {
        answer(xhr, '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>', "text/xml");
      });
      return;
    }
    if (/\/search\/search_index\.json$/.test(path)) {
      searchOpened
        .then(function () { return languageIndex(xhr.themeGapUrl); })
        .then(function (index) { answer(xhr, JSON.stringify(index), "application/json"); })
        .catch(function () { xhr.dispatchEvent(new Event("error")); });
      return;
    }
    return send.apply(this, arguments);
  };

  /* 2: the search worker starts on the first message, which comes when the index has loaded. */
  var NativeWorker = window.Worker;
  function LazyWorker(url, options) {
    var target = new EventTarget();
    var worker = null;
    target.postMessage = function (message) {
      if (!worker) {
        worker = new NativeWorker(url, options);
        worker.addEventListener("message", function (event) {
          target.dispatchEvent(new MessageEvent("message", { data: event.data }));
        });
        worker.addEventListener("error", function () { target.dispatchEvent(new Event("error")); });
      }
      if (message && message.type === 2 && typeof message.data === "string") { // a search query
        message = { type: 2, data: message.data.replace(/[\p{L}\p{N}]+(?=\s|$)/gu, function (word, at, all) {
          return /\s/.test(all.charAt(at - 1) || " ") ? word + "^1 " + word : word;
        }) };
      }
      worker.postMessage(message);
    };
    target.terminate = function () { if (worker) worker.terminate(); };
    return target;
  }
  window.Worker = LazyWorker;

  /* 3: scroll boxes that scroll become keyboard-reachable regions. */
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
