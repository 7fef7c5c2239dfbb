#!/usr/bin/python3
"""Write small images in many storage modes and what Pillow 9.4 makes of them, as aro's imaging fixtures.

Run with Debian's Python (Pillow 9.4, numpy 1.24):

    /usr/bin/python3 scripts/make_pillow_references.py [--out DIR]

Writes (relative to the repository root, or to --out):

    tests/fixtures/pillow/decode/<name>.<ext>   source images: 16-bit, grey+alpha, 1/2/4-bit, palette with alpha,
                                                GIF transparency, CMYK JPEG and TIFF, 16-bit BMP, PGM/PPM maxval...
    tests/fixtures/pillow/decode.json           per image: PIL's mode after Image.open, and the bytes of
                                                Image.open(p).convert('RGB') (base64), or the error PIL raised
    tests/fixtures/pillow/resize.json           source rasters and Image.resize(size, BILINEAR | BICUBIC) of each,
                                                up- and downscales, odd sizes, sides of 1

Some sources are written by Pillow, the others byte by byte here (PNG, GIF, BMP and PNM writers below), because
Pillow cannot write them (16-bit colour PNG, indices past a palette, a GIF frame smaller than its screen, RGB565
BMP). Everything is seeded: two runs write identical files. Only the expected outputs come from Pillow; nothing
here imitates its decoders.
"""

from __future__ import annotations

import argparse
import base64
import io
import json
import shutil
import struct
import zlib
from pathlib import Path

import numpy as np
import PIL
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
SEED = 20240611
W, H = 13, 9  # small, odd, not a multiple of any vector width


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# ---------------------------------------------------------------------------------------------------------------
# Pixel content: gradients, a few flat patches and noise, so swapped channels, off-by-one scalings and ignored
# alpha all show.

def rgb8(rng: np.random.Generator, w: int = W, h: int = H) -> np.ndarray:
    y, x = np.mgrid[0:h, 0:w]
    img = np.stack([x * 255 // max(w - 1, 1), y * 255 // max(h - 1, 1), (x + y) * 255 // max(w + h - 2, 1)], axis=-1)
    img = img.astype(np.int32) + rng.integers(-40, 41, size=img.shape)
    for (py, px), colour in {(0, 0): (0, 0, 0), (0, 1): (255, 255, 255), (1, 0): (255, 0, 0), (1, 1): (0, 255, 0)}.items():
        if py < h and px < w:
            img[py, px] = colour
    return np.clip(img, 0, 255).astype(np.uint8)


def u16(rng: np.random.Generator, channels: int, w: int = W, h: int = H) -> np.ndarray:
    """16-bit samples over the whole range, with the values around 0..300 a clamp or a shift would treat apart."""
    img = rng.integers(0, 65536, size=(h, w, channels), dtype=np.int64)
    low = [0, 1, 127, 128, 254, 255, 256, 257, 300, 511, 65280, 65534, 65535]
    flat = img.reshape(-1, channels)
    for i, v in enumerate(low):
        flat[i] = v
        flat[len(low) + i] = [(v + 97 * c) % 65536 for c in range(channels)]
    return img.astype(np.uint16)


def alpha(rng: np.random.Generator, w: int = W, h: int = H) -> np.ndarray:
    a = rng.integers(0, 256, size=(h, w), dtype=np.int64)
    a[::3, ::2] = 0  # fully transparent pixels keep a colour PIL reports
    a[1::4, 1::3] = 255
    return a.astype(np.uint8)


# ---------------------------------------------------------------------------------------------------------------
# Writers for what Pillow cannot write.

def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(w: int, h: int, depth: int, color_type: int, rows: list[bytes], plte: bytes | None = None,
        trns: bytes | None = None) -> bytes:
    raw = b"".join(b"\x00" + row for row in rows)  # filter 0 on every row
    out = b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, color_type, 0, 0, 0))
    if plte is not None:
        out += png_chunk(b"PLTE", plte)
    if trns is not None:
        out += png_chunk(b"tRNS", trns)
    return out + png_chunk(b"IDAT", zlib.compress(raw, 9)) + png_chunk(b"IEND", b"")


def pack_bits(values: np.ndarray, depth: int) -> list[bytes]:
    """Rows of `depth`-bit samples, most significant bits first, each row padded to a byte."""
    rows = []
    per_byte = 8 // depth
    for row in values:
        padded = list(row) + [0] * (-len(row) % per_byte)
        out = bytearray()
        for i in range(0, len(padded), per_byte):
            byte = 0
            for v in padded[i:i + per_byte]:
                byte = (byte << depth) | int(v)
            out.append(byte)
        rows.append(bytes(out))
    return rows


def gif_lzw(indices: list[int], min_code_size: int) -> bytes:
    """GIF image data without compression: a literal code per pixel, a clear code before the table would grow."""
    clear, end = 1 << min_code_size, (1 << min_code_size) + 1
    width = min_code_size + 1
    codes, run = [clear], 0
    for v in indices:
        if run == (1 << width) - (1 << min_code_size) - 2:
            codes.append(clear)
            run = 0
        codes.append(v)
        run += 1
    codes.append(end)
    bits, nbits, out = 0, 0, bytearray()
    for c in codes:
        bits |= c << nbits
        nbits += width
        while nbits >= 8:
            out.append(bits & 0xFF)
            bits >>= 8
            nbits -= 8
    if nbits:
        out.append(bits & 0xFF)
    blocks = bytearray([min_code_size])
    for i in range(0, len(out), 255):
        chunk = out[i:i + 255]
        blocks += bytes([len(chunk)]) + chunk
    return bytes(blocks + b"\x00")


def gif(screen: tuple[int, int], palette: bytes | None, frames: list[dict], background: int = 0) -> bytes:
    """frames: dicts with box (x, y, w, h), indices, optional transparency, local palette, interlace flag."""
    sw, sh = screen
    out = bytearray(b"GIF89a" + struct.pack("<HH", sw, sh))
    if palette is not None:
        bits = (len(palette) // 3).bit_length() - 1
        out += bytes([0x80 | (bits - 1), background, 0]) + palette
    else:
        out += bytes([0, background, 0])
    for f in frames:
        if "transparency" in f:
            out += b"\x21\xf9\x04" + bytes([0x01 | (f.get("disposal", 0) << 2)]) + struct.pack("<H", 10) + bytes([f["transparency"], 0])
        x, y, w, h = f["box"]
        flags = 0
        local = f.get("palette")
        if local is not None:
            flags |= 0x80 | ((len(local) // 3).bit_length() - 2)
        indices = f["indices"]
        if f.get("interlace"):
            flags |= 0x40
            rows = [indices[r * w:(r + 1) * w] for r in range(h)]
            order = list(range(0, h, 8)) + list(range(4, h, 8)) + list(range(2, h, 4)) + list(range(1, h, 2))
            indices = [v for r in order for v in rows[r]]
        out += b"\x2c" + struct.pack("<HHHH", x, y, w, h) + bytes([flags])
        if local is not None:
            out += local
        out += gif_lzw(indices, f.get("min_code_size", 8))
    return bytes(out + b"\x3b")


def bmp16(pixels: np.ndarray, bitfields: tuple[int, int, int] | None) -> bytes:
    """A 16-bit BMP: RGB555 (BI_RGB) or the given masks (BI_BITFIELDS)."""
    h, w, _ = pixels.shape
    r, g, b = (pixels[..., i].astype(np.uint32) for i in range(3))
    if bitfields is None:
        values = ((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3)
    else:
        values = ((r >> 3) << 11) | ((g >> 2) << 5) | (b >> 3)
    stride = (w * 2 + 3) & ~3
    data = bytearray()
    for row in values[::-1]:
        line = b"".join(struct.pack("<H", int(v)) for v in row)
        data += line + b"\x00" * (stride - len(line))
    masks = b"" if bitfields is None else struct.pack("<III", *bitfields)
    header = struct.pack("<IiiHHIIiiII", 40, w, h, 1, 16, 0 if bitfields is None else 3, len(data), 2835, 2835, 0, 0)
    offset = 14 + len(header) + len(masks)
    return b"BM" + struct.pack("<IHHI", offset + len(data), 0, 0, offset) + header + masks + bytes(data)


def bmp32(pixels: np.ndarray, fourth: np.ndarray) -> bytes:
    """A 32-bit BI_RGB BMP whose fourth byte is not zero (an alpha some writers store there)."""
    h, w, _ = pixels.shape
    data = bytearray()
    for y in range(h - 1, -1, -1):
        for x in range(w):
            r, g, b = pixels[y, x]
            data += bytes([b, g, r, fourth[y, x]])
    header = struct.pack("<IiiHHIIiiII", 40, w, h, 1, 32, 0, len(data), 2835, 2835, 0, 0)
    return b"BM" + struct.pack("<IHHI", 54 + len(data), 0, 0, 54) + header + bytes(data)


def pnm(magic: bytes, w: int, h: int, maxval: int, samples: np.ndarray) -> bytes:
    head = magic + b"\n%d %d\n%d\n" % (w, h, maxval)
    if maxval > 255:
        return head + samples.astype(">u2").tobytes()
    return head + samples.astype(np.uint8).tobytes()


def without_adobe_marker(jpeg: bytes) -> bytes:
    """The same JPEG with its APP14 "Adobe" segment removed (a CMYK JPEG some encoders write)."""
    i = 2
    while i < len(jpeg):
        marker, length = jpeg[i + 1], struct.unpack(">H", jpeg[i + 2:i + 4])[0]
        if marker == 0xEE and jpeg[i + 4:i + 9] == b"Adobe":
            return jpeg[:i] + jpeg[i + 2 + length:]
        if marker == 0xDA:
            break
        i += 2 + length
    raise ValueError("no Adobe segment")


# ---------------------------------------------------------------------------------------------------------------

def decode_sources(rng: np.random.Generator) -> dict[str, tuple[bytes, str]]:
    """name -> (file bytes, what it is)."""
    files: dict[str, tuple[bytes, str]] = {}

    def pil(name: str, image: Image.Image, fmt: str, what: str, **params) -> None:
        buffer = io.BytesIO()
        image.save(buffer, fmt, **params)
        files[name] = (buffer.getvalue(), what)

    rgb = rgb8(rng)
    a = alpha(rng)
    grey = rgb[..., 0]

    # PNG: 16-bit, grey + alpha, low bit depths, palettes with alpha, transparency chunks.
    g16 = u16(rng, 1)[..., 0]
    files["grey16.png"] = (png(W, H, 16, 0, [row.astype(">u2").tobytes() for row in g16]), "16-bit greyscale PNG")
    files["grey16-trns.png"] = (png(W, H, 16, 0, [row.astype(">u2").tobytes() for row in g16], trns=struct.pack(">H", int(g16[0, 3]))),
                                "16-bit greyscale PNG with a tRNS grey")
    c16 = u16(rng, 3)
    files["rgb16.png"] = (png(W, H, 16, 2, [row.astype(">u2").tobytes() for row in c16]), "16-bit RGB PNG")
    files["rgb16-trns.png"] = (png(W, H, 16, 2, [row.astype(">u2").tobytes() for row in c16], trns=c16[0, 2].astype(">u2").tobytes()),
                               "16-bit RGB PNG with a tRNS colour")
    c16a = u16(rng, 4)
    c16a[::3, ::2, 3] = 0
    files["rgba16.png"] = (png(W, H, 16, 6, [row.astype(">u2").tobytes() for row in c16a]), "16-bit RGBA PNG")
    la16 = u16(rng, 2)
    la16[::3, ::2, 1] = 0
    files["la16.png"] = (png(W, H, 16, 4, [row.astype(">u2").tobytes() for row in la16]), "16-bit grey + alpha PNG")
    files["la8.png"] = (png(W, H, 8, 4, [np.stack([grey[y], a[y]], -1).tobytes() for y in range(H)]), "8-bit grey + alpha PNG")
    files["rgba8.png"] = (png(W, H, 8, 6, [np.concatenate([rgb[y], a[y][:, None]], -1).tobytes() for y in range(H)]),
                          "8-bit RGBA PNG, colours under alpha 0")
    files["grey8-trns.png"] = (png(W, H, 8, 0, [grey[y].tobytes() for y in range(H)], trns=struct.pack(">H", int(grey[2, 2]))),
                               "8-bit greyscale PNG with a tRNS grey")
    files["rgb8-trns.png"] = (png(W, H, 8, 2, [rgb[y].tobytes() for y in range(H)], trns=rgb[3, 3].astype(">u2").tobytes()),
                              "8-bit RGB PNG with a tRNS colour")
    for depth in (1, 2, 4):
        values = rng.integers(0, 1 << depth, size=(H, W))
        files[f"grey{depth}.png"] = (png(W, H, depth, 0, pack_bits(values, depth)), f"{depth}-bit greyscale PNG")
    palette = rng.integers(0, 256, size=(256, 3), dtype=np.int64).astype(np.uint8)
    indices = rng.integers(0, 256, size=(H, W))
    trns = rng.integers(0, 256, size=200, dtype=np.int64).astype(np.uint8)
    trns[::5] = 0
    files["palette8-trns.png"] = (png(W, H, 8, 3, pack_bits(indices, 8), palette.tobytes(), trns.tobytes()),
                                  "8-bit palette PNG with per-entry alpha (tRNS shorter than the palette)")
    idx4 = rng.integers(0, 16, size=(H, W))
    files["palette4-trns.png"] = (png(W, H, 4, 3, pack_bits(idx4, 4), palette[:16].tobytes(), bytes([0, 128, 255, 0])),
                                  "4-bit palette PNG with alpha")
    idx1 = rng.integers(0, 2, size=(H, W))
    files["palette1.png"] = (png(W, H, 1, 3, pack_bits(idx1, 1), palette[:2].tobytes()), "1-bit palette PNG")
    short = rng.integers(0, 12, size=(H, W))
    files["palette-short.png"] = (png(W, H, 8, 3, pack_bits(short, 8), palette[:8].tobytes()),
                                  "palette PNG whose indices go past its 8-entry palette")

    # Pillow-written PNGs in modes it writes itself.
    pil("bilevel.png", Image.fromarray(grey > 120).convert("1"), "PNG", "1-bit PNG written by Pillow (mode 1)")
    pil("la-pil.png", Image.fromarray(np.stack([grey, a], -1), "LA"), "PNG", "LA PNG written by Pillow")
    pil("rgb8.png", Image.fromarray(rgb), "PNG", "8-bit RGB PNG written by Pillow")

    # GIF: transparency, local palettes, frames smaller than the screen, grey palettes, interlace, animation.
    pal32 = palette[:32].tobytes()
    gi = [int(v) for v in rng.integers(0, 32, size=W * H)]
    gi[:6] = [5, 5, 5, 0, 31, 5]
    files["transparent.gif"] = (gif((W, H), pal32, [{"box": (0, 0, W, H), "indices": gi, "transparency": 5}]),
                                "GIF, global palette, transparency index 5 used by many pixels")
    files["transparent-local.gif"] = (gif((W, H), pal32, [{"box": (0, 0, W, H), "indices": gi, "transparency": 0,
                                                           "palette": palette[100:132].tobytes()}]),
                                      "GIF, local palette over a global one, transparency index 0")
    small = [int(v) for v in rng.integers(0, 32, size=7 * 4)]
    small[0] = 9
    files["frame-inside-trns.gif"] = (gif((W, H), pal32, [{"box": (3, 2, 7, 4), "indices": small, "transparency": 9}]),
                                      "GIF whose only frame is smaller than its screen, with transparency")
    files["frame-inside.gif"] = (gif((W, H), pal32, [{"box": (3, 2, 7, 4), "indices": small}], background=7),
                                 "GIF whose only frame is smaller than its screen, no transparency, background 7")
    ramp = bytes(v for i in range(256) for v in (i, i, i))
    files["grey-ramp-trns.gif"] = (gif((W, H), ramp, [{"box": (0, 0, W, H), "indices": [int(v) for v in grey.reshape(-1)],
                                                       "transparency": int(grey[0, 5])}]),
                                   "GIF with the identity grey palette (PIL mode L) and transparency")
    files["interlaced-trns.gif"] = (gif((W, H), pal32, [{"box": (0, 0, W, H), "indices": gi, "interlace": True, "transparency": 31}]),
                                    "interlaced GIF with transparency")
    second = [int(v) for v in rng.integers(0, 32, size=W * H)]
    files["animated-trns.gif"] = (gif((W, H), pal32, [{"box": (0, 0, W, H), "indices": gi, "transparency": 5, "disposal": 2},
                                                      {"box": (1, 1, 5, 5), "indices": second[:25], "transparency": 3}]),
                                  "two-frame GIF with transparency (the first frame counts)")
    beyond = [int(v) for v in rng.integers(0, 16, size=W * H)]
    files["index-past-table.gif"] = (gif((W, H), palette[:4].tobytes(), [{"box": (0, 0, W, H), "indices": beyond, "min_code_size": 4}]),
                                     "GIF with a 4-entry colour table and indices up to 15")
    pil("pillow-trns.gif", Image.fromarray(rgb).quantize(16), "GIF", "GIF written by Pillow with transparency", transparency=3)
    noisy = rgb8(rng, 96, 64)
    noisy = np.clip(noisy.astype(np.int32) + rng.integers(-90, 91, size=noisy.shape), 0, 255).astype(np.uint8)
    pil("pillow-256.gif", Image.fromarray(noisy).quantize(256), "GIF",
        "GIF written by Pillow, 256 colours of noise: LZW codes grow to 12 bits and the table fills")
    files["no-palette.gif"] = (gif((W, H), None, [{"box": (0, 0, W, H), "indices": [int(v) for v in grey.reshape(-1)]}]),
                               "GIF without any colour table (PIL mode L: indices are grey levels)")
    files["frame-past-screen.gif"] = (gif((8, 5), pal32, [{"box": (2, 1, W, H), "indices": gi, "transparency": 4}]),
                                      "GIF whose frame reaches past its logical screen (PIL grows the canvas)")

    # JPEG: CMYK with and without the Adobe segment; greyscale and colour for the Skia path.
    cmyk = np.concatenate([rgb, a[:, :, None]], -1)
    cmyk_buffer = io.BytesIO()
    Image.fromarray(cmyk, "CMYK").save(cmyk_buffer, "JPEG", quality=95)
    files["cmyk-adobe.jpg"] = (cmyk_buffer.getvalue(), "CMYK JPEG written by Pillow (Adobe APP14 segment, inverted)")
    files["cmyk-no-adobe.jpg"] = (without_adobe_marker(cmyk_buffer.getvalue()), "the same CMYK JPEG without its Adobe segment")
    big = rgb8(rng, 40, 24)
    pil("rgb444.jpg", Image.fromarray(big), "JPEG", "RGB JPEG, 4:4:4", quality=90, subsampling=0)
    pil("rgb422.jpg", Image.fromarray(big), "JPEG", "RGB JPEG, 4:2:2", quality=90, subsampling=1)
    pil("rgb420-progressive.jpg", Image.fromarray(big), "JPEG", "progressive RGB JPEG, 4:2:0", quality=90, progressive=True)
    pil("grey.jpg", Image.fromarray(big[..., 1]), "JPEG", "greyscale JPEG", quality=90)

    # TIFF: CMYK in each compression Pillow writes, 16-bit grey, and the plain modes.
    for compression in ("raw", "tiff_lzw", "tiff_adobe_deflate", "packbits"):
        pil(f"cmyk-{compression}.tif", Image.fromarray(cmyk, "CMYK"), "TIFF", f"CMYK TIFF, compression {compression}",
            compression=compression)
    pil("grey16.tif", Image.fromarray(u16(rng, 1)[..., 0], "I;16"), "TIFF", "16-bit greyscale TIFF (PIL mode I;16)")
    pil("rgb.tif", Image.fromarray(rgb), "TIFF", "RGB TIFF")
    pil("rgba.tif", Image.fromarray(np.concatenate([rgb, a[:, :, None]], -1), "RGBA"), "TIFF", "RGBA TIFF")
    pil("grey.tif", Image.fromarray(grey), "TIFF", "greyscale TIFF")
    pil("bilevel.tif", Image.fromarray(grey > 120).convert("1"), "TIFF", "1-bit TIFF")
    pil("palette.tif", Image.fromarray(rgb).quantize(16), "TIFF", "palette TIFF")

    # BMP: 16-bit (Pillow scales 5 and 6 bits differently from bit replication), 32-bit with a fourth byte.
    files["rgb555.bmp"] = (bmp16(rgb, None), "16-bit BMP, RGB555 (BI_RGB)")
    files["rgb565.bmp"] = (bmp16(rgb, (0xF800, 0x07E0, 0x001F)), "16-bit BMP, RGB565 (BI_BITFIELDS)")
    files["rgbx32.bmp"] = (bmp32(rgb, a), "32-bit BI_RGB BMP with a non-zero fourth byte")
    pil("rgb24.bmp", Image.fromarray(rgb), "BMP", "24-bit BMP")
    pil("palette8.bmp", Image.fromarray(rgb).quantize(16), "BMP", "palette BMP")

    # PNM: maxval other than 255, 16-bit.
    files["grey16.pgm"] = (pnm(b"P5", W, H, 65535, u16(rng, 1)[..., 0]), "16-bit PGM (maxval 65535)")
    files["maxval100.ppm"] = (pnm(b"P6", W, H, 100, rng.integers(0, 101, size=(H, W, 3))), "PPM with maxval 100")
    files["maxval1000.pgm"] = (pnm(b"P5", W, H, 1000, rng.integers(0, 1001, size=(H, W))), "16-bit PGM with maxval 1000 (PIL mode I)")
    files["maxval4000.ppm"] = (pnm(b"P6", W, H, 4000, rng.integers(0, 4001, size=(H, W, 3))), "16-bit PPM with maxval 4000")
    files["maxval7-over.pgm"] = (pnm(b"P5", W, H, 7, rng.integers(0, 12, size=(H, W))), "PGM with maxval 7 and samples above it")
    files["plain-maxval100.pgm"] = (b"P2\n%d %d\n100\n" % (W, H) + b" ".join(b"%d" % v for v in rng.integers(0, 101, size=W * H)) + b"\n",
                                    "plain PGM with maxval 100 (refused by aro)")
    pil("rgb.ppm", Image.fromarray(rgb), "PPM", "PPM (maxval 255)")
    pil("grey.pgm", Image.fromarray(grey), "PPM", "PGM (maxval 255)")
    pil("bilevel.pbm", Image.fromarray(grey > 120).convert("1"), "PPM", "binary PBM (P4)")
    plain_bits = (grey > 120).astype(np.uint8)
    files["plain.pbm"] = (b"P1\n# plain bitmap\n%d %d\n" % (W, H) + b"\n".join(b" ".join(b"%d" % v for v in row) for row in plain_bits) + b"\n",
                          "plain PBM (P1), 1 is black")
    files["plain.pgm"] = (b"P2\n%d %d\n255\n" % (W, H) + b"\n".join(b" ".join(b"%d" % v for v in row) for row in grey) + b"\n",
                          "plain PGM (P2), maxval 255")
    files["plain.ppm"] = (b"P3\n%d %d\n255\n" % (W, H) + b"\n".join(b" ".join(b"%d" % v for v in row.reshape(-1)) for row in rgb) + b"\n",
                          "plain PPM (P3), maxval 255")

    # WebP: lossy, lossless with alpha.
    pil("lossy.webp", Image.fromarray(big), "WEBP", "lossy WebP", quality=80)
    pil("lossless-alpha.webp", Image.fromarray(np.concatenate([rgb, a[:, :, None]], -1), "RGBA"), "WEBP",
        "lossless WebP with alpha", lossless=True)

    # TGA.
    pil("rgb.tga", Image.fromarray(rgb), "TGA", "TGA, uncompressed")
    pil("rgb-rle.tga", Image.fromarray(rgb), "TGA", "TGA, RLE", compression="tga_rle")
    return files


def resize_cases(rng: np.random.Generator) -> dict:
    sources = {
        "1x1": rgb8(rng, 1, 1),
        "2x1": rgb8(rng, 2, 1),
        "1x5": rgb8(rng, 1, 5),
        "7x5": rgb8(rng, 7, 5),
        "13x9": rgb8(rng, 13, 9),
        "31x23": rgb8(rng, 31, 23),
        "40x3": rgb8(rng, 40, 3),
        "64x48": rgb8(rng, 64, 48),
    }
    # Extremes only (0 and 255) push the bicubic's negative lobes furthest past 0..255: the clamps must match.
    sources["16x12-binary"] = (rng.integers(0, 2, size=(12, 16, 3)) * 255).astype(np.uint8)
    sizes = {
        "1x1": [(1, 1), (3, 2), (5, 7)],
        "2x1": [(4, 1), (3, 3), (1, 1)],
        "1x5": [(1, 2), (4, 11), (1, 5)],
        "7x5": [(7, 5), (14, 10), (3, 2), (7, 11), (23, 4)],
        "13x9": [(26, 18), (5, 3), (13, 4), (20, 9), (9, 13), (1, 9)],
        "31x23": [(17, 13), (10, 7), (3, 3), (45, 34), (31, 40), (62, 5)],
        "40x3": [(13, 1), (7, 9), (40, 1), (1, 1)],
        "64x48": [(37, 29), (16, 12), (6, 5), (50, 60), (64, 17)],
        "16x12-binary": [(40, 30), (7, 5), (16, 25)],
    }
    cases = []
    for name, sizes_of in sizes.items():
        image = Image.fromarray(sources[name])
        for width, height in sizes_of:
            for filter_name, code in (("bilinear", Image.BILINEAR), ("bicubic", Image.BICUBIC)):
                out = image.resize((width, height), code)
                cases.append({"source": name, "filter": filter_name, "pil_code": int(code), "width": width, "height": height,
                              "rgb": b64(np.asarray(out).tobytes())})
    return {
        "sources": {k: {"width": int(v.shape[1]), "height": int(v.shape[0]), "rgb": b64(v.tobytes())} for k, v in sources.items()},
        "cases": cases,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT, help="root to write tests/fixtures/pillow under")
    args = parser.parse_args()
    if PIL.__version__ != "9.4.0":
        raise SystemExit(f"the fixtures are Pillow 9.4.0's; this is Pillow {PIL.__version__}")

    target = args.out / "tests" / "fixtures" / "pillow"
    if target.exists():
        shutil.rmtree(target)
    (target / "decode").mkdir(parents=True)
    # Source images are bytes: no end-of-line conversion may touch a PPM header or a 0x0D inside pixel data.
    (target / "decode" / ".gitattributes").write_text("* binary\n.gitattributes text\n")
    rng = np.random.default_rng(SEED)

    entries = []
    for name, (data, what) in decode_sources(rng).items():
        path = target / "decode" / name
        path.write_bytes(data)
        entry = {"file": name, "what": what}
        try:
            with Image.open(path) as opened:
                entry["pil_mode"] = opened.mode
                converted = opened.convert("RGB")
                entry.update(width=converted.width, height=converted.height, rgb=b64(converted.tobytes()))
        except Exception as error:  # noqa: BLE001 - what PIL refuses is a fixture too
            entry["pil_error"] = f"{type(error).__name__}: {error}"
        entries.append(entry)
    header = {"pillow": PIL.__version__, "numpy": np.__version__, "made_by": "scripts/make_pillow_references.py"}
    (target / "decode.json").write_text(json.dumps({**header, "images": entries}, indent=1) + "\n")
    (target / "resize.json").write_text(json.dumps({**header, **resize_cases(rng)}, indent=1) + "\n")
    size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
    print(f"wrote {len(entries)} decode fixtures and resize.json to {target} ({size} bytes)")


if __name__ == "__main__":
    main()
