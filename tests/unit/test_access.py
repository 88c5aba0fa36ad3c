"""Access recovery: each situation's advice, the timeline's rules, and the CLI contract."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kbwidgets.engine.errors import InputError
from kbwidgets.rules.access import SITUATIONS, advise
from kbwidgets.rules.access_timeline import make_timeline, status_at

ISSUED = datetime(2026, 11, 10, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def _advise(situation: str, **fields) -> dict:
    return advise({"situation": situation, "lang": "en", "now": "2026-11-23T09:00:00Z", **fields})


# --- each situation ---------------------------------------------------------------------------


def test_forgotten_credentials_are_by_telephone_only_after_identity_checks():
    out = _advise("forgot_credentials")
    assert out["outcome"] == "forgot_credentials" and out["contact_customer_service"] is True
    text = " ".join(out["steps"])
    assert "telephone" in text and "identity" in text


def test_without_device_gets_a_passcode_for_2_days_and_a_card_for_21():
    out = _advise("without_device")
    text = " ".join(out["steps"])
    assert "2 days" in text and "21 days" in text and out["contact_customer_service"] is True


def test_lost_device_replacement_ships_in_3_to_14_days():
    out = _advise("device_lost_or_damaged")
    assert "3 to 14 days" in " ".join(out["steps"])
    assert "secure-login/online-security-code-card/" in [a["path"] for a in out["articles"]]


def test_expired_passcode_within_the_window_prints_the_card_instead_of_calling():
    out = _advise("passcode_expired", passcode_issued_at="2026-11-15T09:00:00Z")
    assert out["can_get_card_now"] is True and out["contact_customer_service"] is False
    assert out["timeline"]["portal_only_until"] == "2026-11-27T09:00:00+00:00"


def test_expired_passcode_past_the_window_means_calling():
    out = _advise("passcode_expired", passcode_issued_at="2026-11-01T09:00:00Z")
    assert out["can_get_card_now"] is False and out["contact_customer_service"] is True


def test_expired_card_means_calling_with_the_device_status():
    out = _advise("card_expired")
    assert out["contact_customer_service"] is True and "status" in " ".join(out["steps"])


def test_portal_only_prints_the_card_with_the_menu_path():
    out = _advise("portal_only")
    assert "Settings > User Settings" in " ".join(out["steps"])


def test_activating_the_device_ends_passcode_and_card():
    out = _advise("activate_device")
    assert "stop working" in " ".join(out["steps"])


@pytest.mark.parametrize(
    ("internet", "outcome"), [(True, "no_notifications_online"), (False, "no_notifications_offline")]
)
def test_notifications_lead_to_challenge_response(internet, outcome):
    out = _advise("no_notifications", phone_has_internet=internet)
    assert out["outcome"] == outcome and "challenge/response" in " ".join(out["steps"])


@pytest.mark.parametrize("situation", sorted(SITUATIONS))
def test_every_situation_answers_in_chinese_too(situation):
    out = advise({"situation": situation, "lang": "zh", "now": "2026-11-23T09:00:00Z"})
    assert out["steps"] and all(any("\u4e00" <= c <= "\u9fff" for c in step) for step in out["steps"])


# --- the timeline ---------------------------------------------------------------------------


def test_boundaries_are_exactly_2_and_12_days_after_issue():
    timeline = make_timeline(ISSUED)
    assert status_at(timeline, ISSUED + 2 * DAY - timedelta(seconds=1)).passcode == "full"
    assert status_at(timeline, ISSUED + 2 * DAY).passcode == "portal_only"
    assert status_at(timeline, ISSUED + 12 * DAY - timedelta(seconds=1)).passcode == "portal_only"
    assert status_at(timeline, ISSUED + 12 * DAY).passcode == "expired"
    assert status_at(timeline, ISSUED + 12 * DAY).can_get_card_now is False


def test_card_lasts_21_days_from_activation_and_reactivation_ends_everything():
    card_at = ISSUED + 3 * DAY
    timeline = make_timeline(ISSUED, card_at)
    assert timeline.card_valid_until == card_at + 21 * DAY
    reactivated = make_timeline(ISSUED, card_at)
    cut = type(reactivated)(ISSUED, card_at, device_reactivated_at=ISSUED + 5 * DAY)
    assert cut.card_valid_until == ISSUED + 5 * DAY and cut.portal_only_until == ISSUED + 5 * DAY


moments = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1), timezones=st.just(UTC))
offsets = st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=40))


@given(
    issued=moments,
    card_after=offsets,
    probe=st.timedeltas(min_value=-timedelta(days=5), max_value=timedelta(days=60)),
)
def test_the_card_is_never_valid_before_activation(issued, card_after, probe):
    timeline = make_timeline(issued, issued + card_after)
    now = issued + card_after + probe
    if now < timeline.card_activated_at:
        assert status_at(timeline, now).card == "not_active"


@given(issued=moments, card_after=offsets, first=offsets, later=offsets)
def test_results_are_monotone_in_now(issued, card_after, first, later):
    timeline = make_timeline(issued, issued + card_after)
    early, late = status_at(timeline, issued + first), status_at(timeline, issued + first + later)
    rank = {"full": 2, "portal_only": 1, "expired": 0}
    assert rank[late.passcode] <= rank[early.passcode]
    assert not (early.can_get_card_now is False and late.can_get_card_now is True)
    assert not (early.card == "expired" and late.card != "expired")


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"situation": "stolen_laptop"}, "access.unknown_situation"),
        ({"situation": "passcode_expired", "passcode_issued_at": "last tuesday"}, "access.bad_date"),
        ({"situation": "passcode_expired", "passcode_issued_at": "2026-12-25T00:00Z"}, "access.future_date"),
        (
            {
                "situation": "passcode_expired",
                "passcode_issued_at": "2026-11-20T00:00Z",
                "card_activated_at": "2026-11-19T00:00Z",
            },
            "access.card_before_passcode",
        ),
    ],
)
def test_bad_input_is_a_clear_error(fields, code):
    with pytest.raises(InputError) as caught:
        advise({"lang": "zh", "now": "2026-11-23T09:00:00Z", **fields})
    assert caught.value.code == code
    assert caught.value.message("zh") != caught.value.message("en")


# --- the CLI, as a process ------------------------------------------------------------------


def _cli(payload: str) -> tuple[int, dict, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "kbwidgets", "access"],
        input=payload,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return proc.returncode, json.loads(proc.stdout), proc.stderr


def test_cli_answers_with_the_documented_fields():
    status, out, _ = _cli(
        json.dumps(
            {
                "situation": "passcode_expired",
                "passcode_issued_at": "2026-11-20T09:00:00Z",
                "card_activated_at": "2026-11-21T09:00:00Z",
                "now": "2026-11-23T09:00:00Z",
                "lang": "zh",
            }
        )
    )
    assert status == 0
    assert {"outcome", "steps", "contact_customer_service", "can_get_card_now", "timeline"} <= set(out)
    assert out["timeline"] == {
        "full_access_until": "2026-11-22T09:00:00+00:00",
        "portal_only_until": "2026-12-02T09:00:00+00:00",
        "card_valid_until": "2026-12-12T09:00:00+00:00",
    }
    assert isinstance(out["steps"], list) and all(isinstance(s, str) for s in out["steps"])


@pytest.mark.parametrize(
    "payload",
    [
        "not json at all",
        "[1, 2]",
        json.dumps({"situation": "nope", "lang": "zh"}),
        json.dumps({"situation": "passcode_expired", "passcode_issued_at": "\u0000<script>", "lang": "zh"}),
        json.dumps({"situation": "card_expired", "lang": "fr"}),
    ],
)
def test_cli_errors_exit_2_with_a_message_and_no_traceback(payload):
    status, out, stderr = _cli(payload)
    assert status == 2
    assert set(out) == {"error"} and set(out["error"]) == {"code", "message"}
    assert "Traceback" not in stderr
