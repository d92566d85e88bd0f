#!/usr/bin/env bash
# Points the major tag (v1) at TAG's commit on REMOTE, in the publish job, when TAG is the newest
# release of its major version. Safe to run again: a major tag that already points there is left
# alone, and one that points at a newer release is never moved back. A pre-release never moves it.
#
#   GH_TOKEN=… bash scripts/release/move-major-tag.sh TAG [REMOTE]   (REMOTE defaults to origin)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

tag=${1:?usage: move-major-tag.sh TAG [REMOTE]}
remote=${2:-origin}
[[ $tag =~ $VERSION_TAG ]] || fail "Tag $tag is not a version tag."
major="v${BASH_REMATCH[1]}"
if is_prerelease "$tag"; then
  echo "$tag is a pre-release: $major is left alone."
  exit 0
fi
use_github_token_for_git

commit=$(remote_tag_commit "$remote" "$tag")
[ -n "$commit" ] || fail "Tag $tag is not on $remote."
newest=$(remote_releases "$remote" "$major" | tail -n 1)
if [ "$newest" != "$tag" ]; then
  echo "$newest is newer than $tag: $major stays where it is."
  exit 0
fi

current=$(remote_tag_commit "$remote" "$major")
if [ "$current" = "$commit" ]; then
  echo "$major already points at $tag ($commit)."
  exit 0
fi
git push --force "$remote" "$commit:refs/tags/$major"
echo "$major now points at $tag ($commit)${current:+, moved from $current}."
