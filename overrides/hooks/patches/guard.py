"""The two rules every patch follows: a version guard, and a switch to turn it off."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, version

from mkdocs.exceptions import PluginError
from packaging.specifiers import SpecifierSet
from packaging.version import Version

ALL_SWITCH = "KB_PATCHES"


@cache
def _installed(package: str) -> str:
    """The installed version, read once per process: patches ask on every page, and each read
    parses the distribution's metadata file (about 1 s per language at 1,000 articles)."""
    return version(package)


@dataclass(frozen=True)
class Patch:
    name: str  # the module's name in overrides/hooks/patches/
    package: str  # the distribution whose internals it changes, as pip names it
    versions: str  # the versions it was written and tested for, e.g. ">=9.8,<9.9"
    changes: str  # what it changes, for the message a maintainer reads after an upgrade

    @property
    def switch(self) -> str:
        return f"KB_PATCH_{self.name.upper()}"

    def enabled(self) -> bool:
        """On unless `KB_PATCH_<NAME>=0` or `KB_PATCHES=off`; and then only on a known version."""
        if os.environ.get(ALL_SWITCH, "on").lower() in ("off", "0", "no"):
            return False
        if os.environ.get(self.switch, "1").lower() in ("0", "off", "no"):
            return False
        self.check_version()
        return True

    def check_version(self) -> None:
        try:
            installed = _installed(self.package)
        except PackageNotFoundError:
            raise self.error(f"{self.package} is not installed") from None
        if Version(installed) not in SpecifierSet(self.versions):
            raise self.error(f"it was written for {self.package} {self.versions}, and this is {installed}")

    def error(self, problem: str) -> PluginError:
        """A build error naming this patch, what it changes, and how to go on."""
        return PluginError(
            f"overrides/hooks/patches/{self.name}.py: {problem}. It changes {self.changes}. Check that "
            f"code in the new version, then update the patch and its `versions`, or build without it: "
            f"{self.switch}=0."
        )
