#!/usr/bin/env bash
# The project's checks, from one place: `npm run check` (or `bash scripts/check.sh`) runs them
# here; .ci/run, .github/workflows/ci.yml and the release workflow call this same script.
#
#   bash scripts/check.sh [--jest-json FILE] [STEP…]
#
# Steps, in this order when none is named: dist (rebuild dist/ and fail if it differs from what is
# staged), typecheck, lint, imports (the layering of src/: npm run lint:imports), format (Prettier's
# check), workflows (npm run lint:workflows), tests (npm test). Every step runs even after one fails; the exit status is non-zero when any failed. --jest-json FILE also writes
# Jest's JSON results to FILE (.ci/run counts the tests from it). Dependencies must be installed
# (npm ci) first.
set -uo pipefail
# Run through `npm run check`, PATH starts with node_modules/.bin, where the Node.js 24 of the
# end-to-end tests links itself as `node`: npm, and Jest after it, would run on that one. The checks
# run on the Node.js that runs them, as .ci/run does.
PATH=$(printf '%s' "$PATH" | tr ':' '\n' | grep -v '/node_modules/\.bin$' | paste -sd: -)
self="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$self")/.."

usage() { sed -n '2,11p' "$self" | sed 's/^# \{0,1\}//'; }

jest_json=""
steps=()
while [ $# -gt 0 ]; do
  case $1 in
    --jest-json) jest_json=${2:?--jest-json needs a file}; shift 2 ;;
    --jest-json=*) jest_json=${1#*=}; shift ;;
    -h | --help) usage; exit 0 ;;
    dist | typecheck | lint | imports | format | workflows | tests) steps+=("$1"); shift ;;
    *) echo "check.sh: unknown step or option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
[ ${#steps[@]} -gt 0 ] || steps=(dist typecheck lint imports format workflows tests)

failures=()
step() {
  local name=$1; shift
  echo "::group::$name"
  if "$@"; then echo "::endgroup::"; else echo "::endgroup::"; echo "FAILED: $name"; failures+=("$name"); fi
}

# Compared with the index, not HEAD: "bundle, stage, check" passes before the commit, and on a fresh
# checkout (CI) the index is HEAD.
check_dist() {
  npm run -s bundle >/dev/null || return 1
  local untracked
  untracked=$(git ls-files --others --exclude-standard -- dist)
  if ! git diff --quiet -- dist || [ -n "$untracked" ]; then
    echo "::error::dist/ differs from a fresh build of src/: run 'npm run bundle' and stage (or commit) dist/."
    git diff --stat -- dist
    [ -z "$untracked" ] || printf 'not staged: %s\n' $untracked
    return 1
  fi
}

run_tests() {
  if [ -n "$jest_json" ]; then npm test -- --json --outputFile="$jest_json"; else npm test; fi
}

for s in "${steps[@]}"; do
  case $s in
    dist) step "dist/ is what src/ builds to" check_dist ;;
    typecheck) step "type-check" npm run -s typecheck ;;
    lint) step "lint" npm run -s lint ;;
    imports) step "imports (the layering of src/)" npm run -s lint:imports ;;
    format) step "format (npm run format to fix)" npm run -s format:check ;;
    workflows) step "workflow lint" npm run -s lint:workflows ;;
    tests) step "tests (npm test)" run_tests ;;
  esac
done

if [ ${#failures[@]} -gt 0 ]; then
  printf 'check failed: %s\n' "${failures[@]}"
  exit 1
fi
echo "check: all passed (${steps[*]})"
