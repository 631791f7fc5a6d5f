"""The window names a missing system library instead of Qt's vague platform-plugin abort."""

from __future__ import annotations

import argparse
import shutil

import pytest

from ui import app as app_module
from ui import xcb_check
from ui.xcb_check import missing_libraries, missing_message, package_for

LDD_MISSING = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f65)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f66)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxkbcommon-x11.so.0 => not found
\t/lib64/ld-linux-x86-64.so.2 (0x00007f65)
"""


def test_message_names_the_missing_library_and_its_package() -> None:
    one = LDD_MISSING.replace("\tlibxkbcommon-x11.so.0 => not found\n", "")
    assert missing_message(one) == (
        "the window cannot start: libxcb-icccm.so.4 is missing (install libxcb-icccm4)"
    )


def test_message_lists_each_missing_library_once() -> None:
    assert missing_libraries(LDD_MISSING) == ["libxcb-icccm.so.4", "libxkbcommon-x11.so.0"]
    assert missing_message(LDD_MISSING) == (
        "the window cannot start: libxcb-icccm.so.4, libxkbcommon-x11.so.0 are missing "
        "(install libxcb-icccm4 libxkbcommon-x11-0)"
    )


def test_nothing_missing_is_no_message() -> None:
    assert missing_message(LDD_MISSING.replace("not found", "/lib/x.so (0x1)")) is None
    assert missing_message("") is None


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxcb-render-util.so.0", "libxcb-render-util0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libEGL.so.1", "libegl1"),
        ("libfontconfig.so.1", "libfontconfig1"),
        ("libdbus-1.so.3", "libdbus-1-3"),
        ("libglib-2.0.so.0", "libglib2.0-0"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
    ],
)
def test_package_names(soname: str, package: str) -> None:
    assert package_for(soname) == package


def test_platform_choice() -> None:
    assert xcb_check.uses_xcb({}) is True
    assert xcb_check.uses_xcb({"QT_QPA_PLATFORM": "xcb"}) is True
    assert xcb_check.uses_xcb({"QT_QPA_PLATFORM": "offscreen"}) is False
    assert xcb_check.uses_xcb({"QT_QPA_PLATFORM": "wayland;xcb"}) is False


@pytest.mark.skipif(shutil.which("ldd") is None, reason="no ldd here")
def test_real_xcb_plugin_has_every_library() -> None:
    plugin = xcb_check.xcb_plugin()
    assert plugin is not None
    output = xcb_check.ldd_output(plugin)
    assert "libxcb" in output  # ldd really looked at the plugin
    assert missing_message(output) is None, output


def test_run_gui_prints_the_line_and_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(xcb_check, "uses_xcb", lambda environ=None: True)
    monkeypatch.setattr(xcb_check, "ldd_output", lambda plugin: LDD_MISSING)
    monkeypatch.setattr(app_module, "make_application", lambda: pytest.fail("Qt started"))
    code = app_module.run_gui(argparse.Namespace(), lambda: 0.0)
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("the window cannot start: libxcb-icccm.so.4, ")


def test_quick_capture_prints_the_line_and_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from ui import capture_app

    monkeypatch.setattr(xcb_check, "uses_xcb", lambda environ=None: True)
    monkeypatch.setattr(xcb_check, "ldd_output", lambda plugin: LDD_MISSING)
    monkeypatch.setattr(capture_app, "make_application", lambda: pytest.fail("Qt started"))
    assert capture_app.run_capture(argparse.Namespace()) == 2
    assert capsys.readouterr().err.startswith("the window cannot start: ")
