"""How much memory to give TWS, and how: the rules of "When and how should I increase the
memory allocation for TWS?" as pure functions.

- Start at 1536 MB. Still slow, freezing or crashing at 1536: go to 1792 (then at most 2048).
- Never recommend more than 2048 (more only adds overhead), nor more than the memory actually
  available. A 32-bit operating system cannot go above 2048 either.
- "Could not create the Java Virtual Machine" at start-up means the value is above the
  available RAM, or above 2048 on a 32-bit system: lower it.
- TWS 972 and later: Global Configuration > General > Memory Allocation. Earlier versions:
  edit tws.vmoptions. An unknown version gets both methods.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from kbwidgets import LANGUAGES
from kbwidgets.engine.errors import InputError, Localized
from kbwidgets.engine.fields import Fields, kind_of
from kbwidgets.engine.texts import t
from kbwidgets.rules.units import parse_mb

FIRST_STEP_MB = 1536
SECOND_STEP_MB = 1792
MAX_MB = 2048
VERSION_WITH_SETTING = 972
STEP_MB = 256  # values are offered in steps of 256 MB (1024 MB = 1 GB)
SHIPPED_DEFAULT_MB = 768  # what tws.vmoptions comes with: -Xmx768m
SYMPTOMS = ("slow", "freezes", "crashes", "jvm_error")
PERFORMANCE_SYMPTOMS = {"slow", "freezes", "crashes"}
SYSTEMS = ("windows", "macos", "linux")
REQUEST_FIELDS = ("tws_version", "os", "os_bits", "available_mb", "current_mb", "symptoms", "lang")
MAX_AMOUNT_MB = 1024 * 1024 * 1024
TOP_UNUSED = re.compile(r"(\d+(?:\.\d+)?)\s*([KMGT])\w*\s+unused", re.IGNORECASE)


@dataclass(frozen=True)
class Advice:
    recommended_mb: int
    reason: str  # text key
    method: str  # "global_configuration", "vmoptions" or "both"
    warnings: list[str] = field(default_factory=list)
    current_mb: int | None = None  # what the reader entered, quoted as entered

    def reason_text(self, lang: str) -> str:
        return t(self.reason, lang, mb=self.recommended_mb, current=self.current_mb or "")

    def title_text(self, lang: str) -> str:
        keep = self.current_mb == self.recommended_mb
        return t("memory.result.keep_title" if keep else "memory.result.title", lang, mb=self.recommended_mb)


def floor_step(mb: int) -> int:
    return mb - mb % STEP_MB


# How TWS writes its version: "972" or "9.72" (before 10), "10.30", and in its About box
# "Build 10.30.1h, Jun 25, 2024" or "Build 981.3c": the build's release after the version.
TWS_VERSION = re.compile(
    r"(?:tws|build|version|版本)?\s*[:：]?\s*"
    r"(?:(?P<major>\d{1,2})\.(?P<minor>\d{1,2})|(?P<whole>\d{3,4}))"
    r"(?:\.\w+)?(?:\s*[,，].*)?",
    re.IGNORECASE,
)


def parse_version(text: str | int | None) -> int | None:
    """TWS version as a number: 972, "9.72" -> 972, "10.30" -> 1030, "Build 10.30.1h, ..." -> 1030.

    "9.8" is refused, not read: TWS writes two digits after the point (9.72, 10.30), so 9.8
    could be 9.08 or 9.80 dropped its zero, and the two sit on either side of 972, where the
    method changes. From 10 on every version has the setting, so "10.3" is 10.30.
    """
    if text is None or text == "":
        return None
    if isinstance(text, bool):
        raise InputError("memory.bad_version", text=str(text))
    if isinstance(text, int):
        if 100 <= text <= 99999:
            return text
        raise InputError("memory.bad_version", text=str(text))
    cleaned = unicodedata.normalize("NFKC", str(text)).strip()
    match = TWS_VERSION.fullmatch(cleaned)
    if not match:
        raise InputError("memory.bad_version", text=quote(cleaned))
    if match.group("whole"):
        return int(match.group("whole"))
    major, minor = int(match.group("major")), match.group("minor")
    if len(minor) == 1:
        if major < 10:
            raise InputError("memory.ambiguous_version", text=quote(cleaned), major=major, minor=minor)
        minor += "0"
    return major * 100 + int(minor)


def quote(text: str, limit: int = 40) -> str:
    """What the reader typed, for a message: whole, or cut with an ellipsis that says so."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def unused_from_top(text: str) -> int:
    """The "unused" figure of macOS `top -l 1 | grep PhysMem`, in MB."""
    match = TOP_UNUSED.search(text or "")
    if not match:
        raise InputError("memory.top_unreadable")
    return parse_mb(match.group(1) + match.group(2))


def read_available(text: str) -> int:
    """Available memory as typed ("3.5 GB", "3584") or pasted from `top` (PhysMem: ...)."""
    return (
        unused_from_top(text)
        if "unused" in (text or "").lower() or "physmem" in (text or "").lower()
        else parse_mb(text)
    )


def method_for(version: int | None) -> str:
    if version is None:
        return "both"
    return "global_configuration" if version >= VERSION_WITH_SETTING else "vmoptions"


def recommend(
    version: int | None, bits: int, available_mb: int | None, current_mb: int | None, symptoms: set[str]
) -> Advice:
    warnings: list[str] = []
    struggling_at = current_mb if symptoms & PERFORMANCE_SYMPTOMS else None
    if current_mb is not None and current_mb > MAX_MB:
        target, reason = MAX_MB, "memory.reason.above_max"  # the article: never above 2048
    elif struggling_at is not None and struggling_at == MAX_MB:
        target, reason = MAX_MB, "memory.reason.at_max"
    elif current_mb is not None and current_mb > FIRST_STEP_MB and struggling_at is None:
        target, reason = current_mb, "memory.reason.keep_current"  # never less than it has
    elif struggling_at is not None and struggling_at >= SECOND_STEP_MB:
        target, reason = MAX_MB, "memory.reason.third_step"
    elif struggling_at is not None and struggling_at >= FIRST_STEP_MB:
        target, reason = SECOND_STEP_MB, "memory.reason.second_step"
    else:
        target, reason = FIRST_STEP_MB, "memory.reason.first_step"
    if "jvm_error" in symptoms:
        warnings.append("jvm_error")
        # The JVM refuses a value above the free RAM, or above 2048 on 32-bit: step below the
        # value that failed, if we know it.
        if current_mb is not None and target >= current_mb:
            target, reason = max(floor_step(current_mb - 1), STEP_MB), "memory.reason.lower_after_jvm_error"
    if bits == 32 and target > MAX_MB:
        target = MAX_MB
    if bits == 32:
        warnings.append("os_32_bit")
    if available_mb is not None and available_mb < target:
        # Not covered by the article: less free memory than the recommendation. We never
        # recommend more than is free (it would not start), and say why, and when the free
        # memory is below what TWS ships with, we ask the reader to free memory first.
        target, reason = max(floor_step(available_mb), STEP_MB), "memory.reason.limited_by_available"
        warnings.append("below_shipped_default" if target < SHIPPED_DEFAULT_MB else "limited_by_available")
    if current_mb is not None and current_mb > MAX_MB:
        warnings.append("current_above_max")
    if version is None:
        warnings.append("version_unknown")
    return Advice(target, reason, method_for(version), warnings, current_mb)


def sections(method: str, system: str, mb: int, lang: str) -> list[tuple[str | None, list[str]]]:
    """The steps for this method, system and value, as (heading, steps): one untitled section
    for a known version, two titled ones ("If your TWS is version 972 or later:") without it."""
    key = system if system in ("windows", "macos") else "other"
    found: list[tuple[str | None, list[str]]] = []
    if method in ("global_configuration", "both"):
        heading = t("memory.steps.if_972_or_later", lang) if method == "both" else None
        found.append((heading, [t(f"memory.steps.global.{n}", lang, mb=mb) for n in range(1, 6)]))
    if method in ("vmoptions", "both"):
        heading = t("memory.steps.if_before_972", lang) if method == "both" else None
        found.append((heading, [t(f"memory.steps.vmoptions_{key}.{n}", lang, mb=mb) for n in range(1, 6)]))
    return found


def steps(method: str, system: str, mb: int, lang: str) -> list[str]:
    """The CLI's flat list: each section's heading, then its steps (kept for its contract)."""
    out: list[str] = []
    if method in ("global_configuration", "both"):
        if method == "both":
            out.append(t("memory.steps.if_972_or_later", lang))
        out += [t(f"memory.steps.global.{n}", lang, mb=mb) for n in range(1, 6)]
    if method in ("vmoptions", "both"):
        if method == "both":
            out.append(t("memory.steps.if_before_972", lang))
        key = system if system in ("windows", "macos") else "other"
        out += [t(f"memory.steps.vmoptions_{key}.{n}", lang, mb=mb) for n in range(1, 6)]
    return out


def advise(request: dict[str, Any]) -> dict[str, Any]:
    """The CLI contract of `python -m kbwidgets memory`."""
    fields = Fields(request, REQUEST_FIELDS)
    lang = fields.choice("lang", LANGUAGES, default=LANGUAGES[0])
    system = fields.choice("os", SYSTEMS)
    bits = fields.whole("os_bits", 32, 64) or 64
    if bits not in (32, 64):
        raise InputError("memory.bad_bits")
    version = request.get("tws_version")  # as TWS shows it ("10.30") or as a number (1030)
    if isinstance(version, bool) or not isinstance(version, str | int | None):
        raise InputError(
            "bad_field", field="tws_version", expected=Localized("fields.expected.text"), got=kind_of(version)
        )
    advice = recommend(
        parse_version(version if isinstance(version, int) else fields.text("tws_version")),
        bits,
        fields.whole("available_mb", 1, MAX_AMOUNT_MB),
        fields.whole("current_mb", 1, MAX_AMOUNT_MB),
        set(fields.texts("symptoms", SYMPTOMS)),
    )
    return {
        "recommended_mb": advice.recommended_mb,
        "reason": advice.reason_text(lang),
        "method": advice.method,
        "warnings": advice.warnings,
        "warning_texts": [t(f"memory.warning.{w}", lang) for w in advice.warnings],
        "steps": steps(advice.method, system, advice.recommended_mb, lang),
    }
