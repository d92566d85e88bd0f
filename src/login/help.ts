/** The login command's --help: what it does, the Box app setup it needs, and every flag. */
import { DEFAULT_PORT, DEFAULT_RETRY_TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS } from './flags.js'
import { CALLBACK_PATH, DEFAULT_BOX_API_URL, DEFAULT_BOX_AUTHORIZE_URL } from './options.js'

export function helpText(command = 'node dist/login/index.js'): string {
  const redirect = `http://127.0.0.1:${DEFAULT_PORT}${CALLBACK_PATH}`
  return `Usage: ${command} --repository OWNER/REPO [options]

Authorizes your Box app in the browser and stores the refresh token Box issues in a GitHub
secret, where the Box Token Refresh action reads it. Run it for the first token, and again
whenever the token chain is broken (the action then reports invalid_grant). The refresh
token is never printed and never saved on this machine.

Before the first run, in the Box Developer Console (https://app.box.com/developers/console),
open your app (Custom App, User Authentication (OAuth 2.0)) → Configuration:
  - copy the Client ID and Client Secret (OAuth 2.0 Credentials);
  - under OAuth 2.0 Redirect URIs, add exactly  ${redirect}
    (http, 127.0.0.1 rather than localhost, the port given with --port) and save.
    If this URI is not listed, Box shows "redirect_uri_mismatch" instead of the consent page.

Where the token goes (give --repository or --organization):
  -R, --repository OWNER/REPO    repository whose secret is written
  -e, --environment NAME         write this environment's secret of --repository instead
      --organization ORG         write the organization secret instead
      --organization-visibility private|all
                                 visibility of a new organization secret (default private;
                                 an existing secret keeps its visibility and repositories)
      --secret-name NAME         secret name (default BOX_REFRESH_TOKEN)
      --dependabot               also write the Dependabot secret of the same name
      --handoff-key-secret NAME  also make a hand-off key (32 random bytes, base64) for the
                                 action's handoff-key and store it in the secret NAME (e.g.
                                 BOX_HANDOFF_KEY), in the same places; it is never shown

Box app credentials:
      --client-id ID             default $BOX_CLIENT_ID; asked for when missing
      --client-secret SECRET     default $BOX_CLIENT_SECRET; asked for, without echo, when
                                 missing (a flag ends up in your shell history)

GitHub (the token must be able to write the secret: a fine-grained token with
"Secrets: read and write", a classic token with repo, or admin:org for an organization):
      --github-token TOKEN       default $GH_TOKEN, then $GITHUB_TOKEN, then \`gh auth token\`
                                 when the GitHub CLI is installed and logged in
      --github-api-url URL       default $GITHUB_API_URL or https://api.github.com

The browser round trip:
  -p, --port PORT                port of the loopback redirect (default ${DEFAULT_PORT}; 0 = any free
                                 port, if your Box app accepts loopback redirects on any port)
      --timeout SECONDS          how long to wait for the browser (default ${DEFAULT_TIMEOUT_SECONDS})
      --retry-timeout SECONDS    how long to keep retrying GitHub when it fails or cannot be
                                 reached (default ${DEFAULT_RETRY_TIMEOUT_SECONDS}; 0 = try once)
      --no-browser               print the URL only; do not try to open a browser
      --box-authorize-url URL    default ${DEFAULT_BOX_AUTHORIZE_URL}
      --box-api-url URL          base of the token endpoint (default ${DEFAULT_BOX_API_URL});
                                 https only, except on a loopback address
  -h, --help                     show this text

What happens:
  1. The GitHub token and the secret are checked; if that fails, it stops before Box.
  2. It listens on ${redirect}, prints Box's authorize URL
     and opens it in your browser when it can.
  3. You log in to Box and click "Grant access to Box". Box sends the browser back with
     a code, which is exchanged at once (a code lives 30 seconds).
  4. The new refresh token (and the hand-off key, when asked for) is sealed with the
     secret's public key and written.
The browser must run on this machine: over SSH, forward the port first
(ssh -L ${DEFAULT_PORT}:127.0.0.1:${DEFAULT_PORT} HOST) and open the URL on your own machine.

Example:
  export BOX_CLIENT_ID=abc123  # the client secret is asked for
  ${command} --repository octo-org/api-tests

Exit status: 0 stored, 1 failed (the message says what to do), 2 invalid options,
130 cancelled.
`
}
