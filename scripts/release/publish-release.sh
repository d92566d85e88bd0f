#!/usr/bin/env bash
# Creates the GitHub Release of TAG with NOTES_FILE as its notes, in the publish job. Safe to run
# again after a partial failure: a release that exists already is left as it is. A pre-release tag
# is published as a pre-release; a release older than the newest one is not marked "latest".
#
#   GH_TOKEN=… bash scripts/release/publish-release.sh TAG NOTES_FILE [REMOTE]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

tag=${1:?usage: publish-release.sh TAG NOTES_FILE [REMOTE]}
notes=${2:?usage: publish-release.sh TAG NOTES_FILE [REMOTE]}
remote=${3:-origin}
[[ $tag =~ $VERSION_TAG ]] || fail "Tag $tag is not a version tag."
[ -s "$notes" ] || fail "The release notes $notes are missing or empty."
use_github_token_for_git

if gh release view "$tag" --json tagName >/dev/null 2>&1; then
  echo "The release $tag exists already (this is a re-run): it is left as it is."
  exit 0
fi

options=(--verify-tag --title "$tag" --notes-file "$notes")
if is_prerelease "$tag"; then
  options+=(--prerelease --latest=false)
elif [ "$(remote_releases "$remote" | tail -n 1)" = "$tag" ]; then
  options+=(--latest=true)
else
  options+=(--latest=false)
  echo "$tag is older than the newest release, so it is not marked latest."
fi
gh release create "$tag" "${options[@]}"
echo "Published the release $tag."
