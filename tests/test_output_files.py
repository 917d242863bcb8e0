"""Files a command writes: whole or not at all, with an error that names the file and why."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepdive.output_files import OutputError, write_whole, write_with


def test_a_file_is_written_whole(tmp_path: Path) -> None:
    out = tmp_path / "x.json"
    write_whole(out, "héllo\n")
    assert out.read_text(encoding="utf-8") == "héllo\n"
    write_whole(out, b"\x00\x01")
    assert out.read_bytes() == b"\x00\x01"
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]


def test_a_missing_folder_is_named_and_nothing_is_left(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match=r"there is no folder .*nope"):
        write_whole(tmp_path / "nope" / "x.json", "{}")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    with pytest.raises(OutputError, match="it is a folder; give a file name"):
        write_whole(tmp_path / "out", "{}")
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_failing_writer_leaves_no_temporary_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    out = tmp_path / "chart.png"
    out.write_bytes(b"old")

    def half_then_fail(tmp: str) -> None:
        Path(tmp).write_bytes(b"half")
        raise RuntimeError("the plotting library is missing")

    with pytest.raises(RuntimeError):
        write_with(out, half_then_fail, suffix=".png")
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["chart.png"]


def test_the_writer_gets_a_temporary_name_with_the_suffix_it_needs(tmp_path: Path) -> None:
    seen: list[str] = []
    write_with(
        tmp_path / "c.png", lambda tmp: (seen.append(tmp), Path(tmp).write_bytes(b"x")), ".png"
    )
    assert seen[0].endswith(".png") and seen[0] != str(tmp_path / "c.png")
    assert (tmp_path / "c.png").read_bytes() == b"x"


def test_a_device_is_written_to_never_replaced() -> None:
    import stat

    write_whole("/dev/null", "{}")
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


def test_a_link_is_followed_and_its_target_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_whole(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


def test_a_name_ending_in_a_slash_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="names a folder"):
        write_whole(f"{tmp_path}/new/", "{}")
    assert list(tmp_path.iterdir()) == []


def test_permissions_are_kept_and_other_files_untouched(tmp_path: Path) -> None:
    out = tmp_path / "x.json"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o600)
    mine = tmp_path / "x.json.tmp"
    mine.write_text("a file of the user's", encoding="utf-8")
    write_whole(out, "new")
    assert out.stat().st_mode & 0o777 == 0o600
    assert mine.read_text(encoding="utf-8") == "a file of the user's"


def test_standard_output_into_a_pipe_is_written_to() -> None:
    import subprocess
    import sys

    r = subprocess.run(
        [
            sys.executable,
            "-c",
            "from deepdive.output_files import write_whole; "
            "write_whole('/dev/stdout', 'through the pipe')",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0 and r.stdout == "through the pipe", r.stderr
