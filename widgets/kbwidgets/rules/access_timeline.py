"""How long temporary access lasts: pure functions over datetimes.

From the article "Use cases where assistance with system access is required":

- a temporary passcode gives full access (Account Management and the trading platforms) for
  2 days from when it is issued;
- then, for 10 more days, it opens Account Management only, and only to print or save the
  Online Security Code Card;
- the card gives full access for 21 days, counted from its activation;
- once the security device is reactivated, neither the passcode nor the card works.

Every period is half-open: full access lasts from the issue time up to, not including, issue
time + 2 days. At exactly + 2 days the passcode opens Account Management only; at exactly
+ 12 days it opens nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from kbwidgets.engine.errors import InputError, Localized

FULL_ACCESS = timedelta(days=2)
PORTAL_ONLY = timedelta(days=10)
CARD_VALIDITY = timedelta(days=21)


@dataclass(frozen=True)
class Timeline:
    passcode_issued_at: datetime | None = None
    card_activated_at: datetime | None = None
    device_reactivated_at: datetime | None = None

    def _cut(self, end: datetime) -> datetime:
        """`end`, or the reactivation time if the device was reactivated before it."""
        return min(end, self.device_reactivated_at) if self.device_reactivated_at else end

    @property
    def full_access_until(self) -> datetime | None:
        return self._cut(self.passcode_issued_at + FULL_ACCESS) if self.passcode_issued_at else None

    @property
    def portal_only_until(self) -> datetime | None:
        if not self.passcode_issued_at:
            return None
        return self._cut(self.passcode_issued_at + FULL_ACCESS + PORTAL_ONLY)

    @property
    def card_valid_until(self) -> datetime | None:
        return self._cut(self.card_activated_at + CARD_VALIDITY) if self.card_activated_at else None


def make_timeline(
    passcode_issued_at: datetime | None = None,
    card_activated_at: datetime | None = None,
    device_reactivated_at: datetime | None = None,
    now: datetime | None = None,
) -> Timeline:
    """A Timeline, refusing what cannot be: dates after `now`, a card before its passcode."""
    for value, field in (
        (passcode_issued_at, "passcode_issued_at"),
        (card_activated_at, "card_activated_at"),
    ):
        if value is not None and now is not None and value > now:
            raise InputError("access.future_date", field=Localized(f"access.field.{field}"))
    if passcode_issued_at and card_activated_at and card_activated_at < passcode_issued_at:
        raise InputError("access.card_before_passcode")
    return Timeline(passcode_issued_at, card_activated_at, device_reactivated_at)


@dataclass(frozen=True)
class Status:
    """What the reader can do at one moment."""

    passcode: str  # "unknown", "full", "portal_only", "expired"
    card: str  # "unknown", "not_active", "valid", "expired"
    can_get_card_now: bool | None  # None when the passcode's issue time is unknown

    @property
    def access(self) -> str:
        """ "full", "portal_only", "none" or "unknown": the best the reader has right now."""
        if self.passcode == "full" or self.card == "valid":
            return "full"
        if self.passcode == "portal_only":
            return "portal_only"
        if self.passcode == "unknown" and self.card in ("unknown", "not_active"):
            return "unknown"
        return "none"


def status_at(timeline: Timeline, now: datetime) -> Status:
    passcode = "unknown"
    full_until, portal_until = timeline.full_access_until, timeline.portal_only_until
    if full_until is not None and portal_until is not None:
        if now < full_until:
            passcode = "full"
        elif now < portal_until:
            passcode = "portal_only"
        else:
            passcode = "expired"
    card = "unknown"
    activated, card_until = timeline.card_activated_at, timeline.card_valid_until
    if activated is not None and card_until is not None:
        card = "not_active" if now < activated else "valid" if now < card_until else "expired"
    # The card is printed from Account Management, which the passcode opens for 2 + 10 days.
    can_get = None if timeline.passcode_issued_at is None else passcode in ("full", "portal_only")
    return Status(passcode, card, can_get)
