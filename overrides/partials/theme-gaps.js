/* Fixes for two gaps in the theme, run before the theme's bundle (see overrides/main.html).
 *
 * 1. The theme requests sitemap.xml beside the site root and beside every <link rel="alternate">
 *    (for example /en/ansvar/sitemap.xml), to prepare instant navigation. This site leaves
 *    navigation.instant off, and those files do not exist, so every page logged 404 errors.
 *    The requests are answered here with an empty sitemap and never reach the network.
 * 2. mkdocs-static-i18n writes one search index for both languages (#271), so a Swedish reader got
 *    English hits. The index is now loaded only when the reader opens the search, only this
 *    language's pages are kept, and words are stemmed for this language alone ("kulturplanen"
 *    finds "kulturplan").
 *    The theme adds "*" to every word while you type, and lunr does not stem such words, so each
 *    plain word is also sent as "word^1", which lunr stems ("föreningarna" finds "förening").
 * The theme loads both files with XMLHttpRequest (responseType "blob").
 */
(function () {
  var lang = document.documentElement.lang === "en" ? "en" : "sv";
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var searchOpened = new Promise(function (resolve) {
    if (new URLSearchParams(location.search).has("h")) resolve(); // arriving from a search result
    document.addEventListener("focusin", function (event) {
      if (event.target.closest && event.target.closest("[data-md-component=search]")) resolve();
    });
    document.addEventListener("change", function (event) {
      if (event.target.id === "__search") resolve();
    });
  });
  function isEnglish(doc) {
    return doc.location === "en/" || doc.location.indexOf("en/") === 0;
  }
  function answer(xhr, body, type) {
    Object.defineProperty(xhr, "status", { value: 200 });
    Object.defineProperty(xhr, "statusText", { value: "OK" });
    Object.defineProperty(xhr, "response", { value: new Blob([body], { type: type }) });
    xhr.dispatchEvent(new Event("load"));
  }
  var postMessage = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === 2 && typeof message.data === "string") { // a search query
      message = { type: 2, data: message.data.replace(/[\p{L}\p{N}]+(?=\s|$)/gu, function (word, at, all) {
        return /[\s]/.test(all.charAt(at - 1) || " ") ? word + "^1 " + word : word;
      }) };
    }
    return postMessage.call(this, message);
  };
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
        .then(function () { return fetch(xhr.themeGapUrl); })
        .then(function (response) { return response.json(); })
        .then(function (index) {
          index.docs = index.docs.filter(function (doc) { return isEnglish(doc) === (lang === "en"); });
          index.config.lang = [lang];
          answer(xhr, JSON.stringify(index), "application/json");
        })
        .catch(function () { xhr.dispatchEvent(new Event("error")); });
      return;
    }
    return send.apply(this, arguments);
  };
})();
