"""Layer rules of DESIGN.md section 1, checked by loading and by reading the imports."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "salesdesk"

# layer -> top-level modules it may import directly (besides the standard library)
ALLOWED = {
    "domain": {"salesdesk.domain"},
    "formats": {
        "salesdesk.domain",
        "salesdesk.formats",
        "phonenumbers",
        "email_validator",
        "vobject",
        "charset_normalizer",
        "rapidfuzz",
        "zxingcpp",  # badge photos (formats/barcodes.py)
        "segno",  # the rep's QR code (formats/barcodes.py)
        "icalendar",  # follow-ups as .ics (formats/ics.py)
        "python_calamine",  # .xlsx/.xls/.ods import (formats/spreadsheets.py)
    },
    "store": {"salesdesk.domain", "salesdesk.store", "peewee", "playhouse"},
    "services": {
        "salesdesk.domain",
        "salesdesk.formats",
        "salesdesk.store",
        "salesdesk.services",
        "salesdesk.sync",
        "peewee",
        "rapidfuzz",
        "keyring",  # the team passphrase in the system keyring (services/sync_passphrase.py)
        "platformdirs",  # where the Preferences file is (services/preferences.py)
        "babel",  # country names in the user's language (services/countries.py)
    },
    "sync": {
        "salesdesk.domain",
        "salesdesk.store",
        "salesdesk.sync",
        "peewee",
        "playhouse",
        "cryptography",
        "psycopg",  # the team hub (sync/transport_hub.py and friends)
        "keyring",  # the hub password (sync/hub_secrets.py)
        "platformdirs",  # where the hub password file lives without a keyring
    },
    "views": {"salesdesk.domain", "salesdesk.services", "salesdesk.views", "PySide6", "shiboken6"},
}
FORBIDDEN_LOADED = {
    "domain": ("PySide6", "peewee", "phonenumbers", "salesdesk.store", "salesdesk.services"),
    "formats": ("PySide6", "peewee", "salesdesk.store", "salesdesk.services"),
    "store": ("PySide6", "salesdesk.services", "salesdesk.views"),
    "services": ("PySide6", "salesdesk.views"),
    "sync": ("PySide6", "salesdesk.services", "salesdesk.views"),
}


def _modules(layer: str) -> list[str]:
    root = PACKAGE / layer
    names = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if "migrations" in parts and parts[-1][0].isdigit():
            continue  # migration files are loaded by path, not imported
        names.append(".".join(parts))
    return names


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _is_stdlib(name: str) -> bool:
    return name.split(".")[0] in sys.stdlib_module_names or name == "__future__"


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_direct_imports_respect_the_layers(layer: str) -> None:
    offences = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        if "forms" in path.parts or path.name == "resources_rc.py":
            continue
        for name in _imports(path):
            if _is_stdlib(name):
                continue
            if not any(name == ok or name.startswith(ok + ".") for ok in ALLOWED[layer]):
                offences.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offences == []


@pytest.mark.parametrize("layer", sorted(FORBIDDEN_LOADED))
def test_loading_a_layer_does_not_load_forbidden_modules(layer: str) -> None:
    modules = _modules(layer)
    assert modules, f"no modules found in {layer}"
    code = (
        "import importlib, json, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    loaded = json.loads(out)
    bad = [
        m for m in loaded if any(m == f or m.startswith(f + ".") for f in FORBIDDEN_LOADED[layer])
    ]
    assert bad == []


def test_cli_module_does_not_import_qt_at_top_level() -> None:
    assert not any(
        n.startswith("PySide6") for n in _imports(PACKAGE / "cli.py") if n
    )  # the GUI is imported lazily inside a function
