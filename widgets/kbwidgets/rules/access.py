"""The access-recovery advice as one function: situation and dates in, next steps out.

Used by the CLI (`python -m kbwidgets access`) and by the assistant widget. The route comes
from the `access` decision tree; the dates from kbwidgets.rules.access_timeline.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from typing import Any

from kbwidgets import LANGUAGES
from kbwidgets.engine.errors import InputError
from kbwidgets.engine.fields import Fields
from kbwidgets.engine.texts import t
from kbwidgets.engine.tree import TreeNode, load, walk
from kbwidgets.rules.access_timeline import Status, Timeline, make_timeline, status_at
from kbwidgets.rules.dates import format_datetime, parse_datetime
from kbwidgets.rules.zones import offsets_differ, zone_label, zone_named

REQUEST_FIELDS = (
    "situation",
    "passcode_issued_at",
    "card_activated_at",
    "now",
    "time_zone",  # IANA name; dates without an offset are read there (default UTC)
    "phone_has_internet",
    "lang",
)
# The CLI's situations, as answers to the tree's questions.
SITUATIONS: dict[str, dict[str, str]] = {
    "forgot_credentials": {"access_level": "none", "no_access_reason": "forgot_credentials"},
    "without_device": {"access_level": "none", "no_access_reason": "without_device"},
    "device_lost_or_damaged": {"access_level": "none", "no_access_reason": "device_lost_or_damaged"},
    "passcode_expired": {"access_level": "none", "no_access_reason": "passcode_expired"},
    "card_expired": {"access_level": "none", "no_access_reason": "card_expired"},
    "portal_only": {"access_level": "portal_only"},
    "activate_device": {"access_level": "full", "full_access_goal": "activate_device"},
    "no_notifications": {
        "access_level": "none",
        "no_access_reason": "no_notifications",
        "phone_internet": "yes",
    },
}


def outcome_for(answers: dict[str, str]) -> TreeNode:
    return walk(load("access"), answers).current


def timeline_from(issued: str | None, card: str | None, now: datetime, tz: tzinfo) -> Timeline:
    """Parse the reader's dates (raising InputError in a clear case) into a Timeline."""
    passcode_at = parse_datetime(issued, "passcode_issued_at", tz) if issued else None
    card_at = parse_datetime(card, "card_activated_at", tz) if card else None
    return make_timeline(passcode_at, card_at, now=now)


def needs_customer_service(node: TreeNode, status: Status | None) -> bool:
    """Call Customer Service when the outcome says so, or when the card can no longer be had."""
    if node.contact:
        return True
    return bool("timeline" in node.uses and status is not None and status.can_get_card_now is False)


def dated_steps(timeline: Timeline, status: Status, lang: str, tz: tzinfo) -> list[str]:
    """Sentences with the reader's own dates, in the reader's language and time zone; when the
    zone's clocks change in between, each time carries its UTC offset and a note says so."""
    candidates = (
        timeline.passcode_issued_at,
        timeline.card_activated_at,
        timeline.full_access_until,
        timeline.portal_only_until,
        timeline.card_valid_until,
    )
    moments = [m for m in candidates if m]
    clocks_change = offsets_differ(moments, tz)

    def when(moment: datetime) -> str:
        return format_datetime(moment, lang, tz, with_offset=clocks_change)

    steps = []
    full_until, portal_until = timeline.full_access_until, timeline.portal_only_until
    if full_until is not None and portal_until is not None:
        steps.append(t("access.dated.full_until", lang, date=when(full_until)))
        steps.append(t("access.dated.portal_until", lang, date=when(portal_until)))
        steps.append(t(f"access.card_now.{status.can_get_card_now}", lang))
    if timeline.card_valid_until is not None:
        steps.append(t("access.dated.card_until", lang, date=when(timeline.card_valid_until)))
    if clocks_change and steps:
        steps.append(t("access.dated.clock_change", lang, zone=zone_label(tz)))
    return steps


def _iso(moment: datetime | None, tz: tzinfo) -> str | None:
    """ISO 8601 with the offset in force then in the reader's zone: one instant, read locally."""
    return moment.astimezone(tz).isoformat() if moment else None


def advise(request: dict[str, Any]) -> dict[str, Any]:
    """The CLI contract. Raises InputError for bad input (the caller prints it in `lang`)."""
    fields = Fields(request, REQUEST_FIELDS)
    lang = fields.choice("lang", LANGUAGES, default=LANGUAGES[0])
    situation = fields.text("situation", required=True)
    if situation not in SITUATIONS:
        raise InputError(
            "access.unknown_situation", situation=str(situation)[:40], known=", ".join(SITUATIONS)
        )
    zone_name = fields.text("time_zone")
    tz = zone_named(zone_name) if zone_name else UTC
    if tz is None:
        raise InputError("access.unknown_zone", text=str(zone_name)[:40])
    now_text = fields.text("now")
    now = parse_datetime(now_text, "now", tz) if now_text else datetime.now(tz)
    phone_has_internet = fields.flag("phone_has_internet")
    issued, card = fields.text("passcode_issued_at"), fields.text("card_activated_at")
    answers = dict(SITUATIONS[situation])
    if situation == "no_notifications" and phone_has_internet is False:
        answers["phone_internet"] = "no"
    node = outcome_for(answers)
    timeline = timeline_from(issued, card, now, tz)
    status = status_at(timeline, now)
    steps = [step[lang] for step in node.steps]
    if "timeline" in node.uses:
        steps += dated_steps(timeline, status, lang, tz)
    return {
        "outcome": node.id,
        "title": node.outcome[lang],
        "steps": steps,
        "contact_customer_service": needs_customer_service(node, status if "timeline" in node.uses else None),
        "can_get_card_now": status.can_get_card_now,
        "access_now": status.access,
        "timeline": {
            "full_access_until": _iso(timeline.full_access_until, tz),
            "portal_only_until": _iso(timeline.portal_only_until, tz),
            "card_valid_until": _iso(timeline.card_valid_until, tz),
        },
        "articles": [{"title": t(f"articles.{path}", lang), "path": path} for path in node.articles],
    }
