"""The QR codes on the invitation kit, drawn by the browser as a reader sees or saves them, read back
to the address printed beside each one."""

from __future__ import annotations

import base64
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.visits import new_context
from tests.qr_reader import decode_qr

KITS = {"sv": "inbjudningskit/", "en": "en/inbjudningskit/"}
INVITATION_PATHS = ["", "inbjudan/", "infor-dialogmotet/", "checklista/", "dialog/", "delta-pa-distans/"]
SIZE = 400  # px: the browser draws each image at this size, about 10 px per module

# Each table row with a QR code: the address link, the image shown and the two downloads.
_QR_ROWS = """() => [...document.querySelectorAll('article tr')]
  .filter(row => row.querySelector('img[src*="assets/qr/"]'))
  .map(row => ({
    address: row.querySelector('a[href^="http"]:not([download])').href,
    images: [row.querySelector('img[src*="assets/qr/"]').src,
             ...[...row.querySelectorAll('a[download]')].map(a => a.href)],
  }))"""

# Draw an image (SVG or PNG) on a white canvas and return its greyscale pixels, base64.
_RASTERIZE = """async ([url, size]) => {
  const image = new Image();
  image.src = url;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size, size);
  context.drawImage(image, 0, 0, size, size);
  const rgba = context.getImageData(0, 0, size, size).data;
  let grey = '';
  for (let i = 0; i < rgba.length; i += 4) {
    grey += String.fromCharCode(Math.round((rgba[i] + rgba[i + 1] + rgba[i + 2]) / 3));
  }
  return btoa(grey);
}"""


@pytest.fixture(scope="module")
def tab(chromium: Browser, site_server: str) -> Iterator[Page]:
    context = new_context(chromium, site_server, "desktop")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("language", list(KITS))
def test_every_qr_code_in_the_kit_decodes_to_the_address_beside_it_as_svg_and_png(
    tab: Page, site_server: str, language: str
) -> None:
    tab.goto(site_server + KITS[language])
    rows = tab.evaluate(_QR_ROWS)
    prefix = site_server + ("en/" if language == "en" else "")
    assert [row["address"] for row in rows] == [prefix + path for path in INVITATION_PATHS]
    for row in rows:
        kinds = sorted(url.rsplit(".", 1)[-1] for url in row["images"])
        assert kinds == ["png", "svg", "svg"], f"{row['address']}: images {row['images']}"
        for url in row["images"]:
            grey = base64.b64decode(tab.evaluate(_RASTERIZE, [url, SIZE]))
            assert decode_qr(grey, SIZE, SIZE) == [row["address"]], f"{url} on /{KITS[language]}"
