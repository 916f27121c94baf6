"""What the window's Team server tab uses below Qt, against a real hub: the address from the
dialog's fields, a round on that address remembered as `salesdesk sync --hub` remembers it,
and each refusal classified for the window's own words."""

from __future__ import annotations

from pathlib import Path

import pytest
from hubkit import Hub, Member

from salesdesk.domain.errors import ValidationError
from salesdesk.services.hub_service import HubService
from salesdesk.services.sync_window import (
    Failure,
    classify_hub_failure,
    remembered_hub,
    team_address,
)
from salesdesk.sync.hub_connect import HubAddress, HubError
from salesdesk.sync.settings import SyncSettings


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        (("", 5432, "crm", "jana"), "host"),
        (("crm server", 5432, "crm", "jana"), "host"),
        (("crm-server", 0, "crm", "jana"), "port"),
        (("crm-server", 5432, " ", "jana"), "database"),
        (("crm-server", 5432, "crm", ""), "user"),
    ],
)
def test_team_address_names_the_field_that_is_missing(fields, field) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as refused:
        team_address(*fields)
    assert refused.value.field == field


def test_team_address_carries_tls_and_an_existing_root_certificate(tmp_path: Path) -> None:
    address = team_address(" crm-server ", 6543, "crm", "jana", "verify-full")
    assert address.params == {"host": "crm-server", "port": "6543", "dbname": "crm",
                              "user": "jana", "sslmode": "verify-full"}  # fmt: skip
    assert "password" not in address.params
    with pytest.raises(ValidationError) as refused:
        team_address("crm-server", 5432, "crm", "jana", "require", str(tmp_path / "no.pem"))
    assert refused.value.field == "root_certificate"
    cert = tmp_path / "ca.pem"
    cert.write_text("-----BEGIN CERTIFICATE-----\n")
    with_cert = team_address("crm-server", 5432, "crm", "jana", "require", str(cert))
    assert with_cert.params["sslrootcert"] == str(cert)


def _service(member: Member) -> HubService:
    return HubService(member.device.engine, SyncSettings(member.device.db))


def test_a_round_on_the_fields_address_is_remembered_as_the_cli_remembers_it(
    hub: Hub, tmp_path: Path
) -> None:
    address, password = hub.member("jana")
    fields = team_address(address.params["host"], int(address.params["port"]),
                          hub.name, address.user)  # fmt: skip
    member = Member(tmp_path / "j.db", fields, None)
    member.add("Anna")
    with member.device:
        service = _service(member)
        report = service.round_in_worker(fields, password)  # a HubAddress, not a URL
        assert not report.offline and report.sent > 0
        assert service.address == fields
        assert remembered_hub(member.device.contacts) == fields
        assert service.round().sent == 0  # later rounds: the address and password stored
        listener = service.listener(lambda _top: None, password="given for this session")
        assert listener._password == "given for this session"
    member.close()


@pytest.mark.parametrize(
    ("case", "kind"),
    [
        ("password", Failure.HUB_AUTH),
        ("database", Failure.HUB_DATABASE),
        ("member", Failure.HUB_RIGHTS),
        ("not a hub", Failure.HUB_SETUP),
    ],
)
def test_each_refusal_is_classified(hub: Hub, plain_hub: Hub, tmp_path: Path, case, kind) -> None:  # noqa: ANN001
    address, password = hub.member("jana")
    if case == "password":
        password = "not it"
    elif case == "database":
        address = HubAddress({**address.params, "dbname": "no_such_db"})
    elif case == "member":
        outsider = hub.role("outsider")
        hub.sql(f"CREATE ROLE {outsider} LOGIN PASSWORD 'outside-pw'")
        address, password = hub.address(outsider), "outside-pw"
    else:
        address = HubAddress({**address.params, "dbname": plain_hub.name})
    member = Member(tmp_path / "j.db", address, password)
    with member.device, pytest.raises(HubError) as refused:
        _service(member).round(address, password)
    assert classify_hub_failure(refused.value) is kind
    with member.device:
        assert remembered_hub(member.device.contacts) is None  # nothing remembered
    member.close()
