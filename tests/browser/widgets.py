"""Helpers for driving our widgets in Chromium as a reader does."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect


def open_widget(page: Page, name: str) -> Locator:
    """Show intent on the widget and wait for its live version; returns the live container."""
    widget = page.locator(f'.kbw[data-kbw="{name}"]')
    widget.hover()
    live = widget.locator(".kbw-live")
    expect(live).to_be_visible(timeout=30_000)
    return live


def answer(live: Locator, label: str) -> None:
    """Pick the answer whose label is `label` and press the Next button."""
    live.get_by_label(label, exact=True).check()
    live.locator('button[type="submit"]').click()


def enter_amount(live: Locator, text: str) -> None:
    """Type `text` into the memory converter's amount field and press Enter, as a reader does."""
    field = live.locator("input[name=amount]")
    field.fill(text)
    field.press("Enter")
