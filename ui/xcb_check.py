"""Before the window starts on X11: are the system libraries Qt's xcb plugin loads there?

Qt reports a missing one as "could not load the Qt platform plugin" and aborts, which
does not say what to install. ``ldd`` on the plugin names the missing library; this
turns that into one line and the Debian package that provides it. No Qt import here:
it runs before the QApplication exists.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from pathlib import Path

# Sonames whose Debian package does not follow the usual "name + version" rule.
_PACKAGES = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1",
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def package_for(soname: str) -> str:
    """The Debian package that ships ``soname`` (libxcb-icccm.so.4 -> libxcb-icccm4)."""
    if soname in _PACKAGES:
        return _PACKAGES[soname]
    name, _, version = soname.partition(".so")
    version = version.lstrip(".").split(".")[0]
    if not version:
        return name.lower()
    joiner = "-" if name[-1].isdigit() else ""
    return f"{name.lower()}{joiner}{version}"


def missing_libraries(ldd_output: str) -> list[str]:
    """The sonames ``ldd`` reports as "not found", in its order, each once."""
    seen: list[str] = []
    for soname in _NOT_FOUND.findall(ldd_output):
        if soname not in seen:
            seen.append(soname)
    return seen


def missing_message(ldd_output: str) -> str | None:
    """One line naming what is missing and what to install, or None if nothing is."""
    missing = missing_libraries(ldd_output)
    if not missing:
        return None
    names = ", ".join(missing)
    packages = " ".join(dict.fromkeys(package_for(s) for s in missing))
    verb = "is" if len(missing) == 1 else "are"
    return f"the window cannot start: {names} {verb} missing (install {packages})"


def xcb_plugin() -> Path | None:
    """PySide6's xcb platform plugin, found without importing Qt."""
    spec = importlib.util.find_spec("PySide6")
    for location in (spec.submodule_search_locations or []) if spec else []:
        plugin = Path(location) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.exists():
            return plugin
    return None


def ldd_output(plugin: Path) -> str:
    """What ``ldd`` says about ``plugin`` ("" when there is no ldd to ask)."""
    import subprocess  # only on the xcb platform: the offscreen start goes without

    try:
        done = subprocess.run(
            ["ldd", str(plugin)], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout


def uses_xcb(environ: dict[str, str] | None = None) -> bool:
    """Will Qt pick the xcb platform (Linux, no other platform asked for)?"""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return False
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0].split(";")[0] == "xcb"
    return True  # Qt's default on Linux (and its fallback under Wayland)


def check_window_can_start() -> str | None:
    """The one-line reason the window cannot start on xcb, or None when it can."""
    if not uses_xcb():
        return None
    plugin = xcb_plugin()
    if plugin is None:
        return None
    return missing_message(ldd_output(plugin))
