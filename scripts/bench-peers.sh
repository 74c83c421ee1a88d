#!/usr/bin/env bash
# Prints dlint's speed against hadolint and tally, measured side by side in one run:
#   - corpus throughput: dlint over every corpus file in one invocation; hadolint and tally over a
#     fixed sample (every k-th file) in batches that fit the command line; files per second each;
#   - one small file as a whole process (what pre-commit does): mean wall time over R runs (hyperfine,
#     installed beside the peers) and peak RSS, with its floor: /bin/true and `dlint --version`;
#   - dlint on one core against two (RAYON_NUM_THREADS);
#   - dlint's whole lint against its floor: reading and parsing the same files (hidden --parse-only),
#     and the floor's own rate against the peers';
#   - files per second over a quarter, a half and all of the corpus, and peak memory over all of it;
#   - benches/lint.rs: the time per stage and rule family, and against file size;
#   - scripts/bench-lsp.py: the language server against docker-langserver, and benches/lint.rs on its
#     file: parse, model and whole lint on opening, and the lint after an edit, in-process.
#   scripts/bench-peers.sh [SAMPLE_FILES] [RUNS] [CORPUS_DIR]
# The peers are installed into a scratch folder ($TMPDIR/dlint-peers) by ../shared/scripts/install-peers.sh
# when missing, never into the project.
set -euo pipefail
cd "$(dirname "$0")/.."
sample=${1:-300}
runs=${2:-20}
corpus=${3:-../shared/corpus/files}
peers=${TMPDIR:-/tmp}/dlint-peers
if [ ! -x "$peers/venv/bin/hadolint" ] || [ ! -x "$peers/venv/bin/tally" ]; then
  bash ../shared/scripts/install-peers.sh "$peers" >/dev/null
fi
hadolint=$peers/venv/bin/hadolint
tally=$peers/venv/bin/tally
cargo build --release --quiet
dlint=./target/release/dlint
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

find "$corpus" -name '*Dockerfile*' -type f | LC_ALL=C sort > "$work/all"
total=$(wc -l < "$work/all")
step=$(( total / sample > 0 ? total / sample : 1 ))
awk -v s="$step" -v n="$sample" 'NR % s == 0 && c < n { print; c++ }' "$work/all" > "$work/sample"
count=$(wc -l < "$work/sample")

seconds() { local start end; start=$(date +%s.%N); "$@" > /dev/null 2>&1 || true; end=$(date +%s.%N); echo "$end - $start" | bc -l; }
rate() { echo "$1 / $2" | bc -l; }

# dlint gets every file in one invocation, a folder of copies of them (24 MB), as a user runs it.
mkdir "$work/files"
python3 -c 'import shutil, sys
for n, line in enumerate(open(sys.argv[1]), 1): shutil.copy(line.rstrip("\n"), f"{sys.argv[2]}/{n}.Dockerfile")' "$work/all" "$work/files"
dlint_all=$(seconds "$dlint" check --no-config -q "$work/files")
/usr/bin/time -f '%M' -o "$work/corpus-rss" "$dlint" check --no-config -q "$work/files" > /dev/null 2>&1 || true
corpus_rss_kb=$(tail -n 1 "$work/corpus-rss")
dlint_one_core=$(RAYON_NUM_THREADS=1 seconds "$dlint" check --no-config -q "$work/files")
parse_floor=$(seconds "$dlint" check --no-config --parse-only "$work/files")
# Scaling with the number of files: a quarter and a half of the corpus.
mkdir "$work/quarter" "$work/half"
find "$work/files" -name '*.Dockerfile' | awk 'NR % 4 == 0' | xargs cp -t "$work/quarter/"
find "$work/files" -name '*.Dockerfile' | awk 'NR % 2 == 0' | xargs cp -t "$work/half/"
quarter_s=$(seconds "$dlint" check --no-config -q "$work/quarter")
half_s=$(seconds "$dlint" check --no-config -q "$work/half")
hadolint_s=$(seconds xargs -a "$work/sample" -d '\n' "$hadolint" --no-fail)
tally_s=$(seconds xargs -a "$work/sample" -d '\n' "$tally" lint --no-color --no-config)
dlint_rate=$(rate "$total" "$dlint_all")
hadolint_rate=$(rate "$count" "$hadolint_s")
tally_rate=$(rate "$count" "$tally_s")

# One small file, whole process.
small=testdata/grading/class/ada/Dockerfile
# hyperfine starts each run without a shell (-N), so the times are the tools' own.
if [ ! -x "$peers/hyperfine/bin/hyperfine" ]; then
  cargo install --quiet --locked --root "$peers/hyperfine" hyperfine@1.20.0
fi
# Mean milliseconds of a command over RUNS runs.
mean_ms() {
  "$peers/hyperfine/bin/hyperfine" -N --warmup 3 --runs "$runs" -i --export-json "$work/mean.json" \
    "$(printf '%q ' "$@")" > /dev/null 2>&1
  python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["results"][0]["mean"] * 1000)' "$work/mean.json"
}
one() {
  local tool=$1; shift
  local rss mean
  mean=$(mean_ms "$@" "$small")
  /usr/bin/time -f '%M' -o "$work/rss" "$@" "$small" > /dev/null 2>&1 || true
  rss=$(tail -n 1 "$work/rss")
  printf '%s %s %s\n' "$tool" "$mean" "$rss"
}
read -r _ dlint_ms dlint_kb < <(one dlint "$dlint" check --no-config -q)
read -r _ hadolint_ms hadolint_kb < <(one hadolint "$hadolint" --no-fail)
read -r _ tally_ms tally_kb < <(one tally "$tally" lint --no-color --no-config)
# What starting any process costs here, and starting dlint without linting: the one-file floor.
true_ms=$(mean_ms /bin/true)
version_ms=$(mean_ms "$dlint" --version)

printf 'corpus: %s files (peers: every %s-th, %s files)\n' "$total" "$step" "$count"
printf '%-10s %12s %14s %10s\n' tool files/s "small file ms" "peak MB"
printf '%-10s %12.0f %14.1f %10.1f\n' dlint "$dlint_rate" "$dlint_ms" "$(echo "$dlint_kb / 1024" | bc -l)"
printf '%-10s %12.1f %14.1f %10.1f\n' hadolint "$hadolint_rate" "$hadolint_ms" "$(echo "$hadolint_kb / 1024" | bc -l)"
printf '%-10s %12.1f %14.1f %10.1f\n' tally "$tally_rate" "$tally_ms" "$(echo "$tally_kb / 1024" | bc -l)"
printf 'ratios: corpus %.0fx hadolint, %.0fx tally; small file %.1fx hadolint, %.1fx tally\n' \
  "$(echo "$dlint_rate / $hadolint_rate" | bc -l)" "$(echo "$dlint_rate / $tally_rate" | bc -l)" \
  "$(echo "$hadolint_ms / $dlint_ms" | bc -l)" "$(echo "$tally_ms / $dlint_ms" | bc -l)"
printf 'small file floor: /bin/true %.2f ms, dlint --version %.2f ms (%.1fx and %.1fx hadolint)\n' \
  "$true_ms" "$version_ms" "$(echo "$hadolint_ms / $true_ms" | bc -l)" "$(echo "$hadolint_ms / $version_ms" | bc -l)"
printf 'dlint against reading and parsing alone: %.2fx (%.2f s against %.2f s)\n' \
  "$(echo "$dlint_all / $parse_floor" | bc -l)" "$dlint_all" "$parse_floor"
printf 'reading and parsing alone: %.0f files/s, %.0fx hadolint, %.0fx tally\n' \
  "$(rate "$total" "$parse_floor")" "$(echo "$total / $parse_floor / $hadolint_rate" | bc -l)" \
  "$(echo "$total / $parse_floor / $tally_rate" | bc -l)"
printf 'dlint on 2 cores against 1: %.2fx (%.2f s against %.2f s)\n' \
  "$(echo "$dlint_one_core / $dlint_all" | bc -l)" "$dlint_all" "$dlint_one_core"
printf 'dlint files/s over a quarter, a half and all of the corpus: %.0f, %.0f, %.0f\n' \
  "$(rate "$(ls "$work/quarter" | wc -l)" "$quarter_s")" "$(rate "$(ls "$work/half" | wc -l)" "$half_s")" "$dlint_rate"
printf 'dlint peak memory over the whole corpus: %.1f MB\n' "$(echo "$corpus_rss_kb / 1024" | bc -l)"

# Where the time goes, and time against file size (10 to 5,000 lines), on one thread.
cargo bench --quiet --bench lint -- "$corpus" 2>/dev/null | tail -n +2
# The language server against docker-langserver, on the same 200-line file, and what dlint's lint of
# that file costs in-process on opening it (from scratch) and after an edit.
python3 scripts/bench-lsp.py --peer-dir "$peers" --opens 200 --edits 3000
python3 scripts/bench-lsp.py --print-file > "$work/editor.Dockerfile"
DLINT_BENCH_EDITOR_FILE="$work/editor.Dockerfile" cargo bench --quiet --bench lint 2>/dev/null
