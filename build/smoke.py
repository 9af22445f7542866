"""Smoke test of the built app: `python build/smoke.py [APP_FOLDER]` after `python build/build.py`.

Runs the frozen console executable as an office laptop would: no PYTHONPATH, no Python on PATH,
a fresh data folder, a working folder outside the repo. Checks `demo`, `check`, `list events`,
`certificates` in lt, pl and ru (the PDF must start with %PDF and, when pypdf is importable
here, show a participant's name), `screenshots` offscreen (the main window on every tab and the
dialogs, non-empty PNGs, no missing catalog in the log), and portable mode (a copy of the app
with tinklas-portable.txt beside it keeps its data in TinklasData/). Exits 1 on the first
failure with one clear line.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = "tinklas.exe" if sys.platform == "win32" else "tinklas"
TIMEOUT = 600


class SmokeError(Exception):
    pass


def find_exe(folder: Path) -> Path:
    for candidate in (folder / EXE, folder / "Contents" / "MacOS" / EXE):
        if candidate.is_file():
            return candidate
    raise SmokeError(f"no {EXE} in {folder}: run python build/build.py first")


def clean_env(tmp: Path) -> dict[str, str]:
    """The environment of a laptop without Python: no PYTHON*, no venv, no python on PATH."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "TINKLAS_", "VIRTUAL_ENV", "CONDA", "PYENV", "QT_"))}
    names = ("python", "python3", "python.exe", "python3.exe")
    path = [p for p in env.get("PATH", "").split(os.pathsep)
            if p and not any((Path(p) / n).exists() for n in names)]
    env["PATH"] = os.pathsep.join(path)
    for key, sub in (("TINKLAS_DATA_DIR", "data"), ("TINKLAS_CONFIG_DIR", "config"),
                     ("TINKLAS_LOG_DIR", "logs")):
        env[key] = str(tmp / sub)
    if sys.platform != "win32":
        env["HOME"] = str(tmp / "home")
        (tmp / "home").mkdir(exist_ok=True)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["LANG"] = env["LC_ALL"] = "C.UTF-8" if sys.platform != "win32" else env.get("LANG", "")
    return env


def run(exe: Path, args: list[str], env: dict[str, str], cwd: Path) -> str:
    started = time.monotonic()
    try:
        proc = subprocess.run([str(exe), *args], env=env, cwd=cwd, capture_output=True,
                              text=True, encoding="utf-8", errors="replace", timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise SmokeError(f"`tinklas {' '.join(args)}` did not finish in {TIMEOUT} s") from None
    took = time.monotonic() - started
    if proc.returncode != 0:
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-15:])
        raise SmokeError(f"`tinklas {' '.join(args)}` exited {proc.returncode}:\n{tail}")
    print(f"ok  tinklas {' '.join(args)}  ({took:.1f} s)", flush=True)
    return proc.stdout


def check_pdf(path: Path, names: list[str]) -> str:
    if not path.is_file() or path.read_bytes()[:4] != b"%PDF":
        raise SmokeError(f"{path} is not a PDF")
    try:
        from pypdf import PdfReader
    except ImportError:
        return "pypdf not installed here: text not read back"
    text = " ".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    found = [name for name in names if name and name in text]
    if not found:
        raise SmokeError(f"{path.name}: none of the participants' names is in the PDF text")
    return f"reads back, e.g. {found[0]!r}"


def smoke(folder: Path) -> None:
    exe = find_exe(folder)
    with tempfile.TemporaryDirectory(prefix="tinklas-smoke-") as name:
        tmp = Path(name)
        env = clean_env(tmp)
        print(f"app: {exe}\nPATH for it: {env['PATH'] or '(empty)'}", flush=True)
        run(exe, ["demo", "--size", "300"], env, tmp)
        if not (tmp / "data" / "tinklas.sqlite").is_file():
            raise SmokeError("demo did not write its database into TINKLAS_DATA_DIR")
        out = run(exe, ["check"], env, tmp)
        if not out.startswith("OK"):
            raise SmokeError(f"check did not say OK: {out.strip()}")
        events = json.loads(run(exe, ["list", "events", "--format", "json"], env, tmp))
        certs = json.loads(run(exe, ["list", "certificates", "--format", "json"], env, tmp))
        issued = {c["event"] for c in certs}
        # An event whose participants have certificates (so --issue has someone to print).
        office = run(exe, ["office", "show"], env, tmp).split("\t")[0].strip()
        codes = [e["code"] for e in events if e["code"] in issued and e.get("office") == office]
        if not codes:
            raise SmokeError("list events / list certificates: no event with certificates")
        code = codes[0]
        names = sorted({part for c in certs if c["event"] == code
                        for part in str(c["name"]).split() if len(part) > 2})
        pdf = tmp / "x.pdf"
        run(exe, ["certificates", "--event", code, "--issue", "--out", str(pdf)], env, tmp)
        print(f"    {pdf.name}: {check_pdf(pdf, names)}")
        for lang in ("lt", "pl", "ru"):  # the languages a certificate is printed in
            out_pdf = tmp / f"x-{lang}.pdf"
            run(exe, ["certificates", "--event", code, "--lang", lang, "--out", str(out_pdf)],
                env, tmp)
            print(f"    {out_pdf.name}: {check_pdf(out_pdf, names)}")
        shots = tmp / "shots"
        for lang in ("lt", "pl", "ru", "en"):
            run(exe, ["screenshots", "--out", str(shots), "--lang", lang], env, tmp)
        pngs = sorted(shots.glob("*.png"))
        if not pngs:
            raise SmokeError("screenshots wrote no PNG")
        empty = [p.name for p in pngs if p.stat().st_size < 1000]
        if empty:
            raise SmokeError(f"empty screenshots: {', '.join(empty)}")
        print(f"    {len(pngs)} screenshots, smallest {min(p.stat().st_size for p in pngs)} bytes")
        logs = " ".join(p.read_text(encoding="utf-8", errors="replace")
                        for p in (tmp / "logs").rglob("*") if p.is_file())
        for warning in ("no Qt catalog", "could not load the Qt catalog", "no catalog for"):
            if warning in logs:
                raise SmokeError(f"the log says: {warning} (translations missing from the build)")
        keep = os.environ.get("TINKLAS_SMOKE_SHOTS")  # a folder to keep the pictures in
        if keep:
            shutil.copytree(shots, keep, dirs_exist_ok=True)
        portable(folder, exe, tmp)


def portable(folder: Path, exe: Path, tmp: Path) -> None:
    """A copy of the app with the marker file keeps its data beside the executable."""
    stick = tmp / "stick" / folder.name
    shutil.copytree(folder, stick, symlinks=True)
    copy = stick / exe.relative_to(folder)
    (copy.parent / "tinklas-portable.txt").write_text("portable\n", encoding="utf-8")
    env = clean_env(tmp)
    for key in ("TINKLAS_DATA_DIR", "TINKLAS_CONFIG_DIR", "TINKLAS_LOG_DIR"):
        env.pop(key)
    run(copy, ["demo", "--size", "50"], env, tmp)
    run(copy, ["check"], env, tmp)
    db = copy.parent / "TinklasData" / "tinklas.sqlite"
    if not db.is_file():
        raise SmokeError(f"portable mode: no database at {db}")
    print(f"    portable mode: data in {db.parent}")


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else ROOT / "dist" / "tinklas"
    started = time.monotonic()
    try:
        smoke(folder.resolve())
    except SmokeError as exc:
        print(f"SMOKE TEST FAILED: {exc}", file=sys.stderr)
        return 1
    print(f"smoke test passed in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
