"""A helper process that normalises phone numbers for ``phones.PhoneBatch``: it reads
JSON lines {"region": ..., "texts": [...]} on stdin and answers each with a JSON list of
E.164 forms (null for an invalid number) on stdout, until stdin closes.

Run as ``python -m salesdesk.formats.phones_worker``; it imports nothing of the caller."""

from __future__ import annotations

import json
import sys

from salesdesk.formats.phones import e164_chunk


def serve() -> None:
    for line in sys.stdin:
        request = json.loads(line)
        sys.stdout.write(json.dumps(e164_chunk(request["texts"], request["region"])) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    serve()
