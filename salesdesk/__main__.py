"""Entry point for ``python -m salesdesk`` and the installed ``salesdesk`` command."""

import sys


def run() -> int:
    """Load the command line and run it. The installed script calls this: it imports only
    this small module first, so a Ctrl+C while the rest of salesdesk is still loading ends
    with one line too, never a traceback."""
    try:
        from salesdesk.cli import main
    except KeyboardInterrupt:  # Ctrl+C while Python was still loading salesdesk
        print("Interrupted; nothing was changed.", file=sys.stderr)
        return 130
    return main()


if __name__ == "__main__":
    raise SystemExit(run())
