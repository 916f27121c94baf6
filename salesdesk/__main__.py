"""Entry point for ``python -m salesdesk``."""

import sys

if __name__ == "__main__":
    try:
        from salesdesk.cli import main
    except KeyboardInterrupt:  # Ctrl+C while Python was still loading salesdesk
        print("Interrupted; nothing was changed.", file=sys.stderr)
        raise SystemExit(130) from None
    raise SystemExit(main())
