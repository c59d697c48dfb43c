{#- Theme gap: mkdocs-static-i18n writes one search index for both languages (#271), so a Swedish
    reader got English hits and downloaded both. `make build` splits the index per language
    (scripts/split_search_index.py); this loads the reader's language only, and only when the
    reader opens the search, and stems words for that language alone. The theme adds "*" to every
    word while you type, and lunr does not stem such words, so each plain word is also sent as
    "word^1", which lunr stems ("föreningarna" finds "förening"). The search worker, too, is
    started only when the search is opened, not on every page.
    Relies on Material (checked by tests/test_theme_gaps.py): the bundle loads
    new URL("search/search_index.json", config.base) with XMLHttpRequest (as in
    fix-sitemap-requests.js); it starts the worker with new Worker(config.search) and sends the
    first message (SETUP, type 0) only once the index has loaded; a query is
    {type: 2 (SearchMessageType.QUERY), data: string}; the worker leaves terms ending in ^1 without
    "*" and loads stemmers for config.lang; the search opens via #__search or focus inside
    [data-md-component=search], or the page is opened with ?h= to highlight a hit.
    Runs before the bundle: see overrides/main.html.
    (A Jinja comment: it stays in this file and is not sent with every page.) -#}
(function () {
  var QUERY = 2; {#- Material's internal SearchMessageType.QUERY #}
  var lang = document.documentElement.lang === "en" ? "en" : "sv";
  var config = JSON.parse(document.getElementById("__config").textContent);
  var indexUrl = new URL("search/search_index.json", new URL(config.base, location.href)).href;
  var workerUrl = new URL(config.search, location.href).href;

  var searchOpened = new Promise(function (resolve) {
    if (new URLSearchParams(location.search).has("h")) resolve(); {#- arriving from a search result #}
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
  function languageIndex(url) {
    return fetch(url)
      .then(function (response) { return response.json(); })
      .then(function (index) {
        if (index.languages) { {#- split by `make build`: fetch this language's file #}
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
  function answer(xhr, body) {
    Object.defineProperty(xhr, "status", { value: 200 });
    Object.defineProperty(xhr, "statusText", { value: "OK" });
    Object.defineProperty(xhr, "response", { value: new Blob([body], { type: "application/json" }) });
    xhr.dispatchEvent(new Event("load"));
  }

  {#- The index: only the theme's request for it is answered here, once the search is opened. #}
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var target = new URL(String(url), location.href);
    if (target.href === indexUrl) {
      var xhr = this;
      xhr.send = function () {
        searchOpened
          .then(function () { return languageIndex(target); })
          .then(function (index) { answer(xhr, JSON.stringify(index)); })
          .catch(function () { xhr.dispatchEvent(new Event("error")); });
      };
    }
    return open.apply(this, arguments);
  };

  {#- The worker: started on the first message, which comes when the index has loaded. #}
  function lazySearchWorker(NativeWorker, url, options) {
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
      if (message && message.type === QUERY && typeof message.data === "string") {
        message = { type: QUERY, data: message.data.replace(/[\p{L}\p{N}]+(?=\s|$)/gu, function (word, at, all) {
          return /\s/.test(all.charAt(at - 1) || " ") ? word + "^1 " + word : word;
        }) };
      }
      worker.postMessage(message);
    };
    target.terminate = function () { if (worker) worker.terminate(); };
    return target;
  }
  var NativeWorker = window.Worker;
  {#- Any other worker is a plain native one. #}
  function Worker(url, options) {
    if (new URL(String(url), location.href).href !== workerUrl) return new NativeWorker(url, options);
    return lazySearchWorker(NativeWorker, url, options);
  }
  Worker.prototype = NativeWorker.prototype;
  window.Worker = Worker;
})();
