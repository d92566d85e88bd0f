# Shared by the release scripts (sourced, not run). Version tags are vX.Y.Z, with an optional
# pre-release part (v2.0.0-rc.1); only tags without one are releases that "latest" and the major
# tag (v1) may point at.

# A version tag: vMAJOR.MINOR.PATCH[-PRERELEASE]. BASH_REMATCH[1] is the major number.
VERSION_TAG='^v([0-9]+)\.([0-9]+)\.([0-9]+)(-[0-9A-Za-z.-]+)?$'

fail() {
  echo "::error::$*"
  exit 1
}

is_prerelease() { [[ $1 == *-* ]]; }

# Lets git reach GitHub with GH_TOKEN for this process only: actions/checkout ran with
# persist-credentials: false, so nothing else is stored. A no-op without GH_TOKEN (tests, a person).
use_github_token_for_git() {
  if [ -n "${GH_TOKEN:-}" ] && [ -n "${GITHUB_SERVER_URL:-}" ]; then
    local basic
    basic=$(printf 'x-access-token:%s' "$GH_TOKEN" | base64 | tr -d '\n')
    echo "::add-mask::$basic"
    export GIT_CONFIG_COUNT=1
    export GIT_CONFIG_KEY_0="http.${GITHUB_SERVER_URL}/.extraheader"
    export GIT_CONFIG_VALUE_0="AUTHORIZATION: basic $basic"
  fi
}

# The release tags (no pre-releases) on REMOTE, optionally only those of one major (v1), newest last.
remote_releases() {
  local remote=$1 major=${2:-}
  git ls-remote --tags --refs "$remote" 'v*' |
    sed 's#.*refs/tags/##' |
    grep -E "^${major:-v[0-9]+}\.[0-9]+\.[0-9]+$" |
    sort -V || true
}

# The commit a tag on REMOTE points at (through an annotated tag), or nothing when there is none.
remote_tag_commit() {
  local remote=$1 tag=$2 lines
  lines=$(git ls-remote --tags "$remote" "refs/tags/$tag" "refs/tags/$tag^{}")
  # An annotated tag lists the tag object and, with ^{}, the commit: the commit is the one wanted.
  { grep "refs/tags/$tag^{}$" <<<"$lines" || grep "refs/tags/$tag$" <<<"$lines" || true; } | head -n 1 | cut -f1
}
