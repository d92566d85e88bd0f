#!/usr/bin/env bash
# The release workflow's first check, in the read-only build job: refuses a tag that is not a
# version tag, that is not the commit checked out, that is not on main, or that does not match
# package.json's version and a dated CHANGELOG.md section. Nothing is published after a refusal.
#
#   bash scripts/release/check-tag.sh TAG [MAIN_REF]    (MAIN_REF defaults to origin/main)
#
# Needs the history of main: actions/checkout with fetch-depth: 0.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

tag=${1:?usage: check-tag.sh TAG [MAIN_REF]}
main_ref=${2:-origin/main}

[[ $tag =~ $VERSION_TAG ]] || fail "Tag $tag is not a version tag (vX.Y.Z, or vX.Y.Z-rc.1 for a pre-release)."
version=${tag#v}

commit=$(git rev-parse -q --verify "refs/tags/$tag^{commit}") || fail "There is no tag $tag in this checkout."
head=$(git rev-parse HEAD)
[ "$commit" = "$head" ] || fail "Tag $tag points at $commit, but $head is checked out."

git rev-parse -q --verify "$main_ref^{commit}" >/dev/null ||
  fail "$main_ref is not in this checkout, so the tag cannot be checked against main (check out with fetch-depth: 0)."
git merge-base --is-ancestor "$commit" "$main_ref" ||
  fail "Tag $tag ($commit) is not on main: only a commit merged to main is released. Merge it, then re-run this workflow (or delete the tag and tag a commit of main)."

package_version=$(node -p 'require("./package.json").version')
[ "$package_version" = "$version" ] ||
  fail "Tag $tag does not match package.json's version $package_version: set the version, commit, and tag that commit v$package_version."

escaped=${version//./\\.}
grep -Eq "^## \[$escaped\] - [0-9]{4}-[0-9]{2}-[0-9]{2}[[:space:]]*$" CHANGELOG.md ||
  fail "CHANGELOG.md has no section \"## [$version] - YYYY-MM-DD\": give the version's section its release date, commit, and tag that commit."

echo "Tag $tag ($commit) is on $main_ref, matches package.json and has a dated CHANGELOG.md section."
