#!/usr/bin/env bash
# Runs dlint's fuzz targets (fuzz/fuzz_targets: parse_lint, fix, lsp_edits) for SECONDS each and prints
# how many inputs each ran. A failing input is saved in fuzz/artifacts/TARGET/: minimise it
# (`cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz tmin -s none TARGET FILE`), fix the bug, and copy the input
# to testdata/fuzz/TARGET/, where the test suite keeps checking it (tests/it/fuzz.rs).
#   scripts/fuzz.sh [SECONDS] [TARGET...]        e.g. nightly: scripts/fuzz.sh 3600
# Needs cargo-fuzz (`cargo install cargo-fuzz`). It passes nightly-only flags to rustc, which a stable
# toolchain accepts under RUSTC_BOOTSTRAP=1. FUZZ_SANITIZER=address adds AddressSanitizer (for the
# grammars' C code; about half the speed). Runs are seeded with testdata's Dockerfiles.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(parse_lint fix lsp_edits); fi
sanitizer=${FUZZ_SANITIZER:-none}
export RUSTC_BOOTSTRAP=1
cargo fuzz build -s "$sanitizer" >/dev/null
status=0
for target in "${targets[@]}"; do
  mkdir -p "corpus/$target"
  find ../testdata -type f \( -name '*Dockerfile*' -o -name '*.dockerfile' \) -size -16k -print0 |
    while IFS= read -r -d '' seed; do cp "$seed" "corpus/$target/seed-$(printf '%s' "$seed" | md5sum | cut -c1-16)"; done
  log=$(mktemp)
  if cargo fuzz run -s "$sanitizer" "$target" "corpus/$target" "../testdata/fuzz/$target" -- \
      -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 > "$log" 2>&1; then
    result=ok
  else
    result="FAILED (input in fuzz/artifacts/$target/; log $log)"
    status=1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  printf '%-10s %12s runs in %s s: %s\n' "$target" "$runs" "$seconds" "$result"
  if [ "$result" = ok ]; then rm -f "$log"; fi
done
exit "$status"
