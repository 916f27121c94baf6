"""Checking one phone number, and the helper process that checks many for ``phones.PhoneBatch``:
it reads JSON lines {"region": ..., "texts": [...]} on stdin and answers each with a JSON list
of E.164 forms (null for an invalid number) on stdout, until stdin closes.

The helper is started by file path in isolated mode (``python -I .../phones_worker.py
[folder ...]``): neither the current folder nor PYTHONPATH is on its module path, so a
``json.py`` or ``salesdesk/`` lying where the app was started cannot run. That is why this file
imports only the standard library and phonenumbers, never salesdesk; the folders given are
where the caller found phonenumbers, appended after the standard library."""

from __future__ import annotations

import json
import sys


def e164(text: str, region: str) -> str | None:
    """E.164 form of ``text`` if it is a valid number, else None."""
    text = text.strip()
    if not text or len(text) > 64:
        return None
    import phonenumbers  # loads on first use (~60 ms), not with the window

    try:
        number = phonenumbers.parse(text, region.upper() or None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def serve() -> None:
    for line in sys.stdin:
        request = json.loads(line)
        answer = [e164(text, request["region"]) for text in request["texts"]]
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    for folder in sys.argv[1:]:
        if folder not in sys.path:
            sys.path.append(folder)  # after the standard library: it cannot shadow json, re, ...
    serve()
