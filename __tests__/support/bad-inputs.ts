/** Inputs the action must refuse before any request: [input named in the message, overrides, message]. */
export const badInputs: Array<[string, Record<string, string>, RegExp]> = [
  ['client-id', { 'client-id': '' }, /empty.*client ID/],
  ['client-secret', { 'client-secret': '' }, /empty/],
  ['refresh-token', { 'refresh-token': '' }, /secret is not set.*"First-time setup" in docs\/setup\.md/],
  ['refresh-token', { 'refresh-token': 'abc def' }, /white space/],
  ['github-token', { 'github-token': '' }, /GITHUB_TOKEN cannot write secrets/],
  ['handoff-key', { 'handoff-key': Buffer.alloc(31, 7).toString('base64') }, /31 bytes.*openssl rand -base64 32/],
  ['handoff-key', { 'handoff-key': 'a2V5*a2V5' }, /not base64.*openssl rand -base64 32/],
  ['secret-name', { 'secret-name': 'BOX-TOKEN' }, /letters, digits and underscores/],
  ['secret-name', { 'secret-name': '1TOKEN' }, /start with a digit/],
  ['secret-name', { 'secret-name': 'github_token' }, /reserves/],
  ['repository', { repository: 'just-a-name' }, /owner\/name/],
  ['repository', { repository: 'a/b/c' }, /owner\/name/],
  ['organization', { organization: 'octo/org' }, /organization login/],
  ['organization', { organization: 'octo', environment: 'prod' }, /cannot be combined with `environment`/],
  [
    'organization-visibility',
    { organization: 'octo', 'organization-visibility': 'selected' },
    /that list is kept on every rotation/
  ],
  ['organization-visibility', { 'organization-visibility': 'public' }, /`private` or `all`/],
  ['dependabot', { dependabot: 'yes' }, /`true` or `false`/],
  [
    'dependabot',
    { dependabot: 'true', environment: 'prod' },
    /Dependabot secrets exist for repositories and organizations only/
  ],
  ['export-env', { 'export-env': '1' }, /`true` or `false`/],
  ['dry-run', { 'dry-run': 'maybe' }, /`true` or `false`/],
  ['box-api-url', { 'box-api-url': 'http://api.box.com' }, /must use https/],
  ['box-api-url', { 'box-api-url': 'not a url' }, /not a URL/],
  ['box-api-url', { 'box-api-url': 'https://user:pw@api.box.com' }, /without credentials/],
  ['retry-timeout-seconds', { 'retry-timeout-seconds': '-1' }, /number of seconds/],
  ['request-timeout-seconds', { 'request-timeout-seconds': 'ten' }, /number of seconds/],
  // Least privilege: a typo in a scope never spends the refresh.
  ['scopes', { scopes: 'item_preview item_reed' }, /"item_reed" is not a scope Box documents.*docs\/modes\.md/],
  ['resource', { resource: 'https://api.box.com/2.0/folders/42' }, /needs `scopes`/],
  ['resource', { scopes: 'item_preview', resource: 'https://app.box.com/folder/42' }, /full API URL of one file/],
  ['revoke', { revoke: 'sometimes' }, /`true` or `false`/],
  // A mix of modes is refused, whichever mode the rest names, and says which inputs make which mode.
  ['jwt-config', { 'jwt-config': '{}' }, /cannot be combined with `refresh-token`.*JWT takes `jwt-config`/],
  ['box-subject-type', { 'box-subject-type': 'enterprise' }, /cannot be combined with `refresh-token`/],
  ['box-subject-id', { 'box-subject-id': '12345' }, /cannot be combined with `refresh-token`/]
]
