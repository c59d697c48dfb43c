"""Reading QR codes back with zxing-cpp: a decoder independent of segno, which writes them."""

from __future__ import annotations

import zxingcpp


def decode_qr(grey: bytes, width: int, height: int) -> list[str]:
    """The texts of the QR codes in a greyscale image (one byte per pixel, rows top to bottom)."""
    assert len(grey) == width * height, "the image is not width x height bytes"
    image = memoryview(grey).cast("B", shape=[height, width])
    return [code.text for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]
