#!/usr/bin/env python3
"""Writes test-font.hex: a tiny synthetic font in Unifont's .hex format, made here (no Unifont
glyph in it), so UI tests and golden frames do not depend on the unifont package.

- Latin letters (both cases share one shape), digits and a little punctuation: a 5x7 pixel font
  at rows 5-11, so big-type goldens stay readable and use both half blocks.
- Other ASCII, Cyrillic U+0400-045F and U+05D0 (Hebrew alef, to test the right-to-left rule):
  8x16 boxes with the code point's low bits inside.
- The CJK, kana and full-width characters of the test fixtures: 16x16 boxes likewise.

Run: python3 make-test-font.py > test-font.hex
"""
import sys

SHAPES = {
    "A": "01110 10001 10001 11111 10001 10001 10001", "B": "11110 10001 10001 11110 10001 10001 11110",
    "C": "01110 10001 10000 10000 10000 10001 01110", "D": "11110 10001 10001 10001 10001 10001 11110",
    "E": "11111 10000 10000 11110 10000 10000 11111", "F": "11111 10000 10000 11110 10000 10000 10000",
    "G": "01110 10001 10000 10111 10001 10001 01111", "H": "10001 10001 10001 11111 10001 10001 10001",
    "I": "01110 00100 00100 00100 00100 00100 01110", "J": "00111 00010 00010 00010 00010 10010 01100",
    "K": "10001 10010 10100 11000 10100 10010 10001", "L": "10000 10000 10000 10000 10000 10000 11111",
    "M": "10001 11011 10101 10101 10001 10001 10001", "N": "10001 10001 11001 10101 10011 10001 10001",
    "O": "01110 10001 10001 10001 10001 10001 01110", "P": "11110 10001 10001 11110 10000 10000 10000",
    "Q": "01110 10001 10001 10001 10101 10010 01101", "R": "11110 10001 10001 11110 10100 10010 10001",
    "S": "01111 10000 10000 01110 00001 00001 11110", "T": "11111 00100 00100 00100 00100 00100 00100",
    "U": "10001 10001 10001 10001 10001 10001 01110", "V": "10001 10001 10001 10001 10001 01010 00100",
    "W": "10001 10001 10001 10101 10101 10101 01010", "X": "10001 10001 01010 00100 01010 10001 10001",
    "Y": "10001 10001 01010 00100 00100 00100 00100", "Z": "11111 00001 00010 00100 01000 10000 11111",
    "0": "01110 10001 10011 10101 11001 10001 01110", "1": "00100 01100 00100 00100 00100 00100 01110",
    "2": "01110 10001 00001 00010 00100 01000 11111", "3": "11111 00010 00100 00010 00001 10001 01110",
    "4": "00010 00110 01010 10010 11111 00010 00010", "5": "11111 10000 11110 00001 00001 10001 01110",
    "6": "00110 01000 10000 11110 10001 10001 01110", "7": "11111 00001 00010 00100 01000 01000 01000",
    "8": "01110 10001 10001 01110 10001 10001 01110", "9": "01110 10001 10001 01111 00001 00010 01100",
    "!": "00100 00100 00100 00100 00100 00000 00100", ".": "00000 00000 00000 00000 00000 01100 01100",
    ",": "00000 00000 00000 00000 01100 00100 01000", "'": "00100 00100 01000 00000 00000 00000 00000",
    "-": "00000 00000 00000 11111 00000 00000 00000", ":": "00000 01100 01100 00000 01100 01100 00000",
    "?": "01110 10001 00001 00010 00100 00000 00100", " ": "00000 00000 00000 00000 00000 00000 00000",
}

WIDE = "東京オフィス：台風の日もお客様の電話に全件対応佐藤陽子大阪返品センターが一日で千件処理新着"


def shaped(ch):
    rows = [0] * 16
    for i, bits in enumerate(SHAPES[ch.upper()].split()):
        rows[5 + i] = int(bits, 2) << 2
    return "".join(f"{r:02X}" for r in rows)


def boxed(cp, wide):
    w = 16 if wide else 8
    rows = [0] * 16
    top, bottom = (1, 14) if wide else (3, 13)
    for y in range(top, bottom + 1):
        edge = y in (top, bottom)
        for x in range(1, w - 1):
            if edge or x in (1, w - 2):
                rows[y] |= 1 << (w - 1 - x)
    # The code point's low bits, two pixels each, inside the box.
    for bit in range(12 if wide else 6):
        if cp >> bit & 1:
            col, row = (bit % 6, bit // 6) if wide else (bit % 2, bit // 2)
            x, y = (3 + 2 * col, 4 + 2 * row) if wide else (3 + col, 5 + 2 * row)
            rows[y] |= 1 << (w - 1 - x)
            if wide:
                rows[y] |= 1 << (w - 2 - x)
    return "".join(f"{r:0{w // 4}X}" for r in rows)


glyphs = {}
for cp in range(0x20, 0x7F):
    ch = chr(cp)
    glyphs[cp] = shaped(ch) if ch.upper() in SHAPES else boxed(cp, False)
for cp in list(range(0x400, 0x460)) + [0x5D0]:
    glyphs[cp] = boxed(cp, False)
for ch in WIDE:
    glyphs[ord(ch)] = boxed(ord(ch), True)
for cp in sorted(glyphs):
    sys.stdout.write(f"{cp:04X}:{glyphs[cp]}\n")
