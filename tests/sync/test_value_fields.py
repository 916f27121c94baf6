"""A contact's expected value, currency and close date travel to other replicas."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from salesdesk.services import ContactService
from salesdesk.services.session import record_for_sync
from salesdesk.store.db import open_database
from salesdesk.sync.replica import using


def test_expected_value_currency_and_close_date_sync(tmp_path: Path) -> None:
    a_db = open_database(tmp_path / "a.db").db
    b_db = open_database(tmp_path / "b.db").db
    with using(a_db):
        a = ContactService(a_db)
        record_for_sync(a)
        anna = a.create(first_name="Anna").ids[0]
        a.update(
            anna,
            {"expected_value": "12500.50", "currency": "USD", "expected_close": "2027-01-31"},
        )
        engine_a = a.recorder.engine
        ops = engine_a.ops_since({})
    with using(b_db):
        b = ContactService(b_db)
        record_for_sync(b)
        from salesdesk.sync.engine import SyncEngine

        SyncEngine(b_db).apply(ops)
        (contact,) = b.list_contacts()
        assert contact.expected_value == Decimal("12500.50")
        assert contact.currency == "USD"
        assert contact.expected_close == dt.date(2027, 1, 31)
    a_db.close()
    b_db.close()
