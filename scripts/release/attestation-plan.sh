#!/usr/bin/env bash
# Whether the publish job can attest build provenance, written as `attest=true|false` for
# $GITHUB_OUTPUT. GitHub offers artifact attestations in public repositories on every current plan,
# and in private or internal ones only on GitHub Enterprise Cloud
# (https://docs.github.com/en/actions/how-tos/secure-your-work/use-artifact-attestations/use-artifact-attestations),
# which a workflow cannot see: such a copy says so by setting the repository variable
# RELEASE_ATTESTATIONS to true. Anywhere else the release goes on without, and the log says why.
#
#   bash scripts/release/attestation-plan.sh VISIBILITY [RELEASE_ATTESTATIONS]
set -euo pipefail

visibility=${1:?usage: attestation-plan.sh VISIBILITY [RELEASE_ATTESTATIONS]}
override=${2:-}

if [ "$visibility" = public ]; then
  echo "attest=true"
elif [ "$override" = true ]; then
  echo "::notice::This $visibility repository sets RELEASE_ATTESTATIONS=true (GitHub Enterprise Cloud): attesting build provenance." >&2
  echo "attest=true"
else
  echo "::notice::No build provenance attestation for this release: this repository is $visibility, and GitHub offers artifact attestations there only on GitHub Enterprise Cloud. On Enterprise Cloud, set the repository variable RELEASE_ATTESTATIONS to true." >&2
  echo "attest=false"
fi
