{#- Theme gap: Material requests sitemap.xml beside the site root and beside every
    <link rel="alternate"> (for example /en/ansvar/sitemap.xml), to prepare instant navigation.
    This site leaves navigation.instant off, and those files do not exist, so every page logged
    404 errors. Exactly those requests are answered here with an empty sitemap and never reach the
    network; every other request is left alone.
    Relies on Material's bundle (checked by tests/test_theme_gaps.py): it fetches
    new URL("sitemap.xml", base) for config.base and for each link[rel=alternate], with
    XMLHttpRequest (open, then send; responseType "blob"; read on "load" from status and response).
    Runs before the bundle: see overrides/main.html.
    (A Jinja comment: it stays in this file and is not sent with every page.) -#}
(function () {
  var config = JSON.parse(document.getElementById("__config").textContent);
  function sitemapBeside(base) {
    return new URL("sitemap.xml", new URL(base, location.href)).href;
  }
  function isThemeSitemap(url) {
    if (url === sitemapBeside(config.base)) return true;
    var links = document.querySelectorAll("link[rel=alternate]");
    return Array.prototype.some.call(links, function (link) { return url === sitemapBeside(link.href); });
  }
  function answerEmpty(xhr) {
    var body = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>';
    Object.defineProperty(xhr, "status", { value: 200 });
    Object.defineProperty(xhr, "statusText", { value: "OK" });
    Object.defineProperty(xhr, "response", { value: new Blob([body], { type: "text/xml" }) });
    xhr.dispatchEvent(new Event("load"));
  }

  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    if (isThemeSitemap(new URL(String(url), location.href).href)) {
      var xhr = this;
  {#- Only this request's send is replaced, so nothing goes to the network. #}
      xhr.send = function () { setTimeout(function () { answerEmpty(xhr); }); };
    }
    return open.apply(this, arguments);
  };
})();
