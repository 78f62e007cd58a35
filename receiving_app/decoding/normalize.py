"""Engines' texts in the form the label says (no Qt).

Data sets and labels give EAN/UPC with their check digit in the symbol's own length (EAN-13 13
digits, EAN-8 8, UPC-A 12, UPC-E 8), and Code 39 full ASCII as the text it stands for: zbar
returns the raw pairs (``12+A+B``) where the label says ``12ab``.
"""

from __future__ import annotations

from receiving_app.decoding.code import BarcodeFormat


def _full_ascii_pair(shift: str, letter: str) -> str | None:
    """The character one Code 39 full-ASCII pair stands for, or None if it is no pair."""
    if shift == "+" and "A" <= letter <= "Z":
        return letter.lower()
    if shift == "$" and "A" <= letter <= "Z":
        return chr(ord(letter) - ord("A") + 1)
    if shift == "%":
        if "A" <= letter <= "E":
            return chr(ord(letter) - ord("A") + 0x1B)
        if "F" <= letter <= "J":
            return ";<=>?"[ord(letter) - ord("F")]
        if "K" <= letter <= "O":
            return "[\\]^_"[ord(letter) - ord("K")]
        if "P" <= letter <= "T":
            return "{|}~\x7f"[ord(letter) - ord("P")]
        return {"U": "\x00", "V": "@", "W": "`", "X": "\x7f", "Y": "\x7f", "Z": "\x7f"}.get(letter)
    if shift == "/":
        if "A" <= letter <= "L":
            return "!\"#$%&'()*+,"[ord(letter) - ord("A")]
        return {"O": "/", "Z": ":"}.get(letter)
    return None


def code39_full_ascii(text: str) -> str:
    """Code 39 as the label says it: full-ASCII pairs (``+A`` is ``a``) become their character.

    A text that holds a shift character not followed by a valid partner is plain Code 39 and is
    returned unchanged, so ``A+B`` stays ``A+B`` only when it cannot be full ASCII.
    """
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char in "+$%/":
            if index + 1 >= len(text):
                return text
            decoded = _full_ascii_pair(char, text[index + 1])
            if decoded is None:
                return text
            out.append(decoded)
            index += 2
        else:
            out.append(char)
            index += 1
    return "".join(out)


def upca_to_upce(upca: str) -> str | None:
    """The 8-digit UPC-E form of a 12-digit UPC-A number, or None if it has none."""
    system, maker, product, check = upca[0], upca[1:6], upca[6:11], upca[11]
    if system not in "01":
        return None
    if maker[2:] in ("000", "100", "200") and product[:2] == "00":
        middle = maker[:2] + product[2:] + maker[2]
    elif maker[3:] == "00" and product[:3] == "000":
        middle = maker[:3] + product[3:] + "3"
    elif maker[4] == "0" and product[:4] == "0000":
        middle = maker[:4] + product[4] + "4"
    elif product[:4] == "0000" and product[4] in "56789":
        middle = maker + product[4]
    else:
        return None
    return system + middle + check


def normalize(text: str, barcode_format: BarcodeFormat) -> tuple[str, BarcodeFormat]:
    """``text`` and format as an engine returned them, in the form the label says.

    EAN-13 with a leading zero is the UPC-A symbol (the same bars): 12 digits. An engine that
    widens UPC-E to GTIN-13 or UPC-A gets it back in its 8 digits.
    """
    if barcode_format is BarcodeFormat.CODE39:
        return code39_full_ascii(text), barcode_format
    if not text.isdigit():
        return text, barcode_format
    if barcode_format is BarcodeFormat.EAN13 and len(text) == 13 and text[0] == "0":
        return text[1:], BarcodeFormat.UPCA
    if barcode_format is BarcodeFormat.UPCA and len(text) == 13 and text[0] == "0":
        return text[1:], barcode_format
    if barcode_format is BarcodeFormat.UPCE and len(text) in (12, 13):
        upce = upca_to_upce(text[-12:])
        return (upce or text), barcode_format
    return text, barcode_format


__all__ = ["code39_full_ascii", "normalize", "upca_to_upce"]
