"""Build the installable Tinklas: `python build/build.py` from the repo root (or anywhere).

Steps: compile the .po catalogs to .mo, run PyInstaller on build/tinklas.spec (one folder,
dist/tinklas/, holding `tinklas-gui` and `tinklas`), then pack that folder into
dist/tinklas-<version>-<system>-<machine>.tar.xz (a .zip on Windows) and print its size.
Exits 1 when the archive is over the size budget (45 MB, checked for Linux builds).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build" / "tinklas.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "work"
BUDGET_MB = 45.0


def project() -> tuple[str, str]:
    """(name, version) from pyproject.toml."""
    with (ROOT / "pyproject.toml").open("rb") as fh:
        data = tomllib.load(fh)["project"]
    return str(data["name"]), str(data["version"])


def system_tag() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    system = "linux" if system.startswith("linux") else system
    machine = platform.machine().lower() or "unknown"
    return f"{system}-{machine}"


def run(cmd: list[str]) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=ROOT, check=True)


def compile_catalogs() -> None:
    run([sys.executable, "-m", "app.i18n.catalogs", "compile"])


def pyinstaller(clean: bool) -> Path:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        sys.exit('PyInstaller is missing: pip install -e ".[build]" (or "pyinstaller>=6.6")')
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)]
    if clean:
        cmd.insert(3, "--clean")
    run(cmd)
    name, _version = project()
    folder = DIST / name
    if sys.platform == "darwin" and (DIST / "Tinklas.app").is_dir():
        return DIST / "Tinklas.app"
    return folder


def archive(folder: Path, fmt: str) -> Path:
    """Pack `folder` (kept as the top folder inside the archive) next to it in dist/."""
    name, version = project()
    base = DIST / f"{name}-{version}-{system_tag()}"
    if fmt == "zip":
        out = base.with_name(base.name + ".zip")
        out.unlink(missing_ok=True)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
            for path in sorted(folder.rglob("*")):
                zf.write(path, path.relative_to(folder.parent))
        return out
    out = base.with_name(base.name + ".tar.xz")
    out.unlink(missing_ok=True)
    with tarfile.open(out, "w:xz", preset=9) as tf:
        tf.add(folder, arcname=folder.name)  # keeps symlinks and the executable bits
    return out


def size_mb(path: Path) -> float:
    return path.stat().st_size / 1_000_000


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) \
        / 1_000_000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--format", choices=("xztar", "zip"),
                        default="zip" if sys.platform == "win32" else "xztar",
                        help="archive format (default: zip on Windows, tar.xz elsewhere)")
    parser.add_argument("--no-clean", action="store_true",
                        help="reuse PyInstaller's cache in build/work (faster rebuilds)")
    parser.add_argument("--budget-mb", type=float, default=BUDGET_MB,
                        help="fail when the archive is larger (Linux builds; default: 45)")
    parser.add_argument("--no-archive", action="store_true",
                        help="stop after the app folder (quick checks while working on the spec)")
    args = parser.parse_args(argv)

    started = time.monotonic()
    os.chdir(ROOT)
    name, version = project()
    print(f"building {name} {version} for {system_tag()}", flush=True)
    compile_catalogs()
    folder = pyinstaller(clean=not args.no_clean)
    if not folder.is_dir():
        print(f"error: PyInstaller did not write {folder}", file=sys.stderr)
        return 1
    frozen = time.monotonic()
    if args.no_archive:
        print(f"app folder: {folder} ({folder_mb(folder):.1f} MB), {frozen - started:.0f} s")
        return 0
    print(f"PyInstaller done in {frozen - started:.0f} s; packing", flush=True)
    packed = archive(folder, args.format)
    elapsed = time.monotonic() - started
    print(f"packing took {elapsed - (frozen - started):.0f} s")
    print(f"app folder: {folder} ({folder_mb(folder):.1f} MB)")
    print(f"archive: {packed} ({size_mb(packed):.1f} MB)")
    print(f"build took {elapsed:.0f} s")
    if sys.platform.startswith("linux") and size_mb(packed) > args.budget_mb:
        print(f"error: the archive is over the budget of {args.budget_mb:.0f} MB",
              file=sys.stderr)
        return 1
    shutil.rmtree(DIST / "__pycache__", ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
