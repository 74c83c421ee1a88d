#!/usr/bin/env python3
"""Measures the migration promise: files hadolint lints clean get no new errors from dlint.

    scripts/hadolint-clean.py [DIR] [--sample N] [--dlint PATH] [--examples N]

Runs hadolint (default config, pragmas honoured) over about N files of DIR, keeps the files it reports
nothing on, lints those with dlint as a migrating project would (with an empty `.hadolint.yaml` as
its config; `--no-config` for dlint's own defaults), and prints the errors dlint reports on them and
the DL-coded findings of any severity, per code. Exit code 1 when dlint reports an error. hadolint
comes from $TMPDIR/dlint-peers (installed when absent); its verdicts are cached there per sample.
Standard library only.
"""
import argparse
import collections
import hashlib
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("diff_hadolint", ROOT / "scripts" / "diff-hadolint.py")
diff_hadolint = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(diff_hadolint)


def hadolint_clean(files, root, sample):
    """The files hadolint reports nothing on, cached beside hadolint per directory and sample size."""
    cache = diff_hadolint.PEERS / f"hadolint-clean-{hashlib.sha1(str(root).encode()).hexdigest()[:10]}-{sample}.json"
    if cache.exists():
        return json.loads(cache.read_text())
    hadolint = diff_hadolint.hadolint_binary()
    flagged = set()
    for batch in diff_hadolint.batches(files):
        flagged.update(f["file"] for f in diff_hadolint.run_json([hadolint, "--no-fail", "--format", "json", *batch]))
    clean = [f for f in files if f not in flagged]
    cache.write_text(json.dumps(clean))
    return clean


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dir", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "files"))
    parser.add_argument("--sample", type=int, default=3000, help="every k-th file so that about N are checked")
    parser.add_argument("--dlint", default=str(ROOT / "target" / "debug" / "dlint"))
    parser.add_argument("--examples", type=int, default=3, help="sample findings printed per code")
    parser.add_argument("--no-config", action="store_true", help="lint with dlint's defaults, not an empty .hadolint.yaml")
    args = parser.parse_args()

    files = diff_hadolint.sampled_files(args.dir, args.sample)
    clean = hadolint_clean(files, Path(args.dir).resolve(), args.sample)
    config_dir = tempfile.TemporaryDirectory()
    empty_config = Path(config_dir.name) / ".hadolint.yaml"
    empty_config.write_text("")
    config = ["--no-config"] if args.no_config else ["--config", str(empty_config)]

    errors, dl_findings = collections.Counter(), collections.Counter()
    examples = collections.defaultdict(list)
    for batch in diff_hadolint.batches(clean):
        for d in diff_hadolint.run_json([args.dlint, "check", *config, "--format", "json", *batch]):
            code = d["code"]
            if d["severity"] == "error":
                errors[code] += 1
            if code.startswith("DL"):
                dl_findings[(code, d["severity"])] += 1
            if d["severity"] == "error" or code.startswith("DL"):
                examples[code].append(f"{d['path']}:{d['line']}: {d['message']}")

    print(f"files: {len(files)} sampled, {len(clean)} clean by hadolint")
    print(f"dlint errors on them: {sum(errors.values())}")
    for code, count in sorted(errors.items()):
        print(f"  {code:<8} {count}")
    print(f"DL-coded findings of any severity: {sum(dl_findings.values())}")
    for (code, severity), count in sorted(dl_findings.items()):
        print(f"  {code:<8} {severity:<8} {count}")
    for code in sorted(examples):
        for line in examples[code][: args.examples]:
            print(f"    {code} {line}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
