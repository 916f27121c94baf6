"""Entry point for ``python -m salesdesk``."""

from salesdesk.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
