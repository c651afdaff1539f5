"""Webhook destinations: `/v3/webhook/destinations/` as Didit's published OpenAPI has them, per
application, and declared in the emulator's configuration."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from didit_emulator import EmulatorConfig, default_config
from didit_emulator.config import ConfigError
from didit_emulator.testing import RunningEmulator, in_process_emulator
from didit_spec import component_schema

PATH = "/v3/webhook/destinations/"
URL = "https://example.com/webhooks/didit"


def _api(emulator: RunningEmulator, application: str = "Acme") -> httpx.Client:
    return emulator.http(headers={"x-api-key": emulator.application(application).api_key})


def _create(emulator: RunningEmulator, application: str = "Acme", **fields: Any) -> dict[str, Any]:
    body = {"label": "Session updates", "url": URL, "subscribed_events": ["status.updated"]}
    with _api(emulator, application) as api:
        response = api.post(PATH, json={**body, **fields})
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def test_create_webhook_destination_returns_its_secret_and_an_empty_summary(
    emulator: RunningEmulator,
) -> None:
    created = _create(emulator, subscribed_events=["status.updated", "data.updated"])
    assert uuid.UUID(created["uuid"])
    assert len(created["secret_shared_key"]) == 43
    assert set(created["secret_shared_key"]) <= set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    )
    assert created["subscribed_events"] == ["status.updated", "data.updated"]
    assert created["summary"] == {
        "total_deliveries": 0,
        "failed_deliveries": 0,
        "error_rate_percentage": 0,
        "min_response_time_ms": None,
        "avg_response_time_ms": None,
        "max_response_time_ms": None,
        "last_delivery_at": None,
    }


def test_create_webhook_destination_takes_the_specs_defaults(emulator: RunningEmulator) -> None:
    created = _create(emulator)
    fields = component_schema("CreateWebhookDestinationRequest")["properties"]
    assert created["enabled"] is fields["enabled"]["default"]
    assert created["webhook_version"] == fields["webhook_version"]["default"]


def test_create_webhook_destination_gives_each_its_own_secret(emulator: RunningEmulator) -> None:
    first = _create(emulator)
    second = _create(emulator, url=URL + "/other")
    assert first["secret_shared_key"] != second["secret_shared_key"]


def test_create_webhook_destination_with_a_registered_url_is_a_400_field_error(
    emulator: RunningEmulator,
) -> None:
    _create(emulator)
    with _api(emulator) as api:
        again = api.post(PATH, json={"label": "again", "url": URL})
    assert again.status_code == 400
    assert list(again.json()) == ["url"]
    assert isinstance(again.json()["url"], list)


def test_create_webhook_destination_url_is_unique_per_application_only(
    emulator: RunningEmulator,
) -> None:
    _create(emulator, "Acme")
    assert _create(emulator, "Partner")["url"] == URL


@pytest.mark.parametrize(
    "body",
    [
        {"label": "x", "url": URL, "subscribed_events": []},
        {"label": "x", "url": URL, "subscribed_events": ["foo.bar"]},
        {"label": "x"},
        {"url": URL},
        {"label": "", "url": URL},
    ],
    ids=["empty-events", "unknown-event", "no-url", "no-label", "empty-label"],
)
def test_create_webhook_destination_refuses_bad_bodies(
    emulator: RunningEmulator, body: dict[str, Any]
) -> None:
    with _api(emulator) as api:
        response = api.post(PATH, json=body)
    assert response.status_code == 400
    with _api(emulator) as api:
        assert api.get(PATH).json() == []


def test_list_webhook_destinations_oldest_first_without_secrets(emulator: RunningEmulator) -> None:
    first = _create(emulator, label="first")
    second = _create(emulator, label="second", url=URL + "/2", subscribed_events=["data.updated"])
    with _api(emulator) as api:
        rows = api.get(PATH).json()
    assert [row["uuid"] for row in rows] == [first["uuid"], second["uuid"]]
    for row in rows:
        assert "secret_shared_key" not in row
        assert "summary" not in row
        assert row["subscribed_events_count"] == 1
        assert (row["deliveries_count"], row["failed_deliveries_count"]) == (0, 0)
        assert row["average_response_time_ms"] is None
        assert row["last_delivery_at"] is None


def test_list_webhook_destinations_shows_only_the_applications_own(
    emulator: RunningEmulator,
) -> None:
    _create(emulator, "Acme")
    with _api(emulator, "Partner") as api:
        assert api.get(PATH).json() == []


def test_get_webhook_destination_returns_the_secret(emulator: RunningEmulator) -> None:
    created = _create(emulator)
    with _api(emulator) as api:
        got = api.get(f"{PATH}{created['uuid']}/")
    assert got.status_code == 200
    assert got.json() == created


@pytest.mark.parametrize("owner", ["Partner", None])
def test_get_webhook_destination_of_another_application_or_unknown_is_404(
    emulator: RunningEmulator, owner: str | None
) -> None:
    destination = _create(emulator, owner)["uuid"] if owner else str(uuid.uuid4())
    with _api(emulator, "Acme") as api:
        response = api.get(f"{PATH}{destination}/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Webhook destination not found."}


def test_update_webhook_destination_changes_fields_and_keeps_the_secret(
    emulator: RunningEmulator,
) -> None:
    created = _create(emulator)
    emulator.advance_clock(30)
    change = {"enabled": False, "label": "Paused", "subscribed_events": ["data.updated"]}
    with _api(emulator) as api:
        updated = api.patch(f"{PATH}{created['uuid']}/", json=change).json()
    assert updated["secret_shared_key"] == created["secret_shared_key"]
    assert (updated["enabled"], updated["label"]) == (False, "Paused")
    assert updated["subscribed_events"] == ["data.updated"]
    assert updated["created_at"] == created["created_at"]
    assert updated["updated_at"] > created["updated_at"]


def test_update_webhook_destination_to_another_destinations_url_is_400(
    emulator: RunningEmulator,
) -> None:
    _create(emulator)
    other = _create(emulator, url=URL + "/other")
    with _api(emulator) as api:
        taken = api.patch(f"{PATH}{other['uuid']}/", json={"url": URL})
        own = api.patch(f"{PATH}{other['uuid']}/", json={"url": URL + "/other"})
    assert taken.status_code == 400
    assert list(taken.json()) == ["url"]
    assert own.status_code == 200


def test_delete_webhook_destination_then_it_is_404(emulator: RunningEmulator) -> None:
    created = _create(emulator)
    with _api(emulator) as api:
        first = api.delete(f"{PATH}{created['uuid']}/")
        second = api.delete(f"{PATH}{created['uuid']}/")
        got = api.get(f"{PATH}{created['uuid']}/")
        rows = api.get(PATH).json()
    assert (first.status_code, first.content) == (204, b"")
    assert (second.status_code, got.status_code) == (404, 404)
    assert rows == []


def test_webhook_destinations_need_the_api_key(emulator: RunningEmulator) -> None:
    with emulator.http() as http:
        response = http.get(PATH)
    assert response.status_code in (401, 403)


# --- declared in the configuration -----------------------------------------------------------

_DECLARED = {
    "label": "Local app",
    "url": "http://127.0.0.1:9/webhooks",
    "subscribed_events": ["status.updated"],
    "secret_shared_key": "configured-secret-the-app-also-knows",
    "uuid": "0b8a1c52-9d1e-4d7f-8a3b-6c5d4e3f2a10",
}


def _config_with(destination: dict[str, Any]) -> EmulatorConfig:
    applications = [
        {
            "name": "Solo",
            "id": "0ab59578-481b-426d-b40f-da92d3abf338",
            "api_key": "test_solo_key",
            "client_id": "solo-client",
            "client_secret": "solo-secret",
            "workflows": [
                {
                    "id": "3b20cd03-cdab-43e4-871e-01401665d638",
                    "kind": "user",
                    "features": ["LIVENESS"],
                }
            ],
            "webhook_destinations": [destination],
        }
    ]
    return EmulatorConfig.from_mapping({"applications": applications})


def test_default_config_declares_no_webhook_destinations() -> None:
    assert all(not app.webhook_destinations for app in default_config().applications)


def test_configured_webhook_destination_exists_after_start_and_reset() -> None:
    with in_process_emulator(_config_with(_DECLARED)) as emulator:
        emulator.reset()
        with _api(emulator, "Solo") as api:
            got = api.get(f"{PATH}{_DECLARED['uuid']}/").json()
    assert got["secret_shared_key"] == _DECLARED["secret_shared_key"]
    assert (got["url"], got["label"]) == (_DECLARED["url"], _DECLARED["label"])
    assert got["enabled"] is True
    assert got["webhook_version"] == "v3"
    assert "configured-secret" not in repr(_config_with(_DECLARED))


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"subscribed_events": ["foo.bar"]}, "webhook_destinations[0]"),
        ({"uuid": "not-a-uuid"}, "uuid"),
        ({"secret_shared_key": ""}, "secret_shared_key"),
        ({"label": None}, "webhook_destinations[0]"),
    ],
)
def test_configured_webhook_destination_is_checked_against_the_spec(
    change: dict[str, Any], problem: str
) -> None:
    declared = {k: v for k, v in {**_DECLARED, **change}.items() if v is not None}
    with pytest.raises(ConfigError, match=problem.replace("[", r"\[").replace("]", r"\]")):
        _config_with(declared)
