/**
 * Reading and writing one secret target (src/github/secrets.ts) against a GitHub client that
 * stands in for the real one: what a run is told when GitHub's answers are wrong or refused, which
 * settings an organization secret keeps, how far the list of selected repositories is read, and
 * which reads are tried only once. The flows drive the same code through the simulator; this file
 * reaches the answers no well-behaved server gives (a malformed list, an odd scopes header, a key
 * of the wrong length), each of which must stop the run before Box is called, with its own words.
 */
import {
  createGitHubClient,
  GitHubRequestError,
  type GitHubClient,
  type GitHubResponse
} from '../../src/github/client.js'
import { ACTION_TERMS } from '../../src/github/messages.js'
import {
  lastWritten,
  prepareTarget,
  shadowingSecretProblem,
  writeSecret,
  type PreparedTarget
} from '../../src/github/secrets.js'
import { organizationTarget, repositoryTarget, type SecretTarget } from '../../src/github/targets.js'
import { Redactor } from '../../src/redact.js'
import { Cancelled, defaultRetryPolicy, isCancellation, RetryBudget } from '../../src/retry.js'
import { skippingClock } from '../support/clock.js'

const repository = { owner: 'octo', repo: 'api-tests' }
const NAME = 'BOX_REFRESH_TOKEN'
const repoTarget = repositoryTarget(repository, 'actions', NAME)
const orgTarget = organizationTarget('octo', 'actions', NAME)
const KEY = { key_id: '568250167242549743', key: Buffer.alloc(32, 1).toString('base64') }

/** What the fake GitHub does for one request: answer it, or throw as the real client would. */
type Answer = GitHubResponse | { throws: unknown }

const ok = (data: unknown, headers: GitHubResponse['headers'] = {}, status = 200): GitHubResponse => ({
  status,
  data,
  headers
})

/** A failure as client.ts builds it from an answer GitHub gave. */
const failed = (status: number, githubMessage = ''): { throws: GitHubRequestError } => ({
  throws: new GitHubRequestError(`GitHub answered ${status}${githubMessage ? ` (${githubMessage})` : ''}`, {
    answered: true,
    status,
    githubMessage,
    rateLimitExhausted: false
  })
})

interface Site {
  key?: Answer
  secret?: Answer
  /** The page of the organization secret's selected repositories, 1-based. */
  page?: (page: number) => Answer
}

/** A GitHub client that answers the target's reads from `site` and records every request. */
function github(target: SecretTarget, site: Site): { client: GitHubClient; requests: string[] } {
  const requests: string[] = []
  const secretPath = `${target.basePath}/${NAME}`
  const answer = (path: string): Answer => {
    if (path === `${target.basePath}/public-key`) return site.key ?? ok(KEY)
    if (path === secretPath) return site.secret ?? failed(404, 'Not Found')
    const page = new RegExp(`^${secretPath}/repositories\\?per_page=100&page=(\\d+)$`).exec(path)
    if (page && site.page) return site.page(Number(page[1]))
    return failed(404, 'Not Found')
  }
  const client: GitHubClient = {
    baseUrl: 'https://api.github.com',
    terms: ACTION_TERMS,
    tokenExpiresAt: () => undefined,
    forWriteBack: () => client,
    request: async (method, path) => {
      requests.push(`${method} ${path}`)
      const a = answer(path)
      if ('throws' in a) throw a.throws
      return a
    }
  }
  return { client, requests }
}

/** The message prepareTarget stops the run with (or 'prepared' when it does not). */
async function refusal(target: SecretTarget, site: Site, visibility: 'all' | 'private' = 'private'): Promise<string> {
  try {
    await prepareTarget(github(target, site).client, target, visibility)
    return 'prepared'
  } catch (error) {
    return (error as Error).message
  }
}

/** Repositories with ids from..to, as GitHub lists them. */
const repos = (from: number, to: number): { id: number }[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ id: from + i }))

/** An organization secret of visibility `selected` whose list holds ids 1..count, served 100 a page. */
const selectedList = (count: number, totalCount = count): Site => ({
  secret: ok({ visibility: 'selected', updated_at: '2026-11-01T00:00:00Z' }),
  page: (page) =>
    ok({ total_count: totalCount, repositories: repos((page - 1) * 100 + 1, Math.min(count, page * 100)) })
})

const listPages = (requests: string[]): string[] =>
  requests.filter((r) => r.includes('/repositories?')).map((r) => r.replace(/^.*page=/, 'page '))

const cannotReadList = (why: string): string =>
  `The repositories selected for the organization secret ${NAME} of octo could not be read (${why}), ` +
  `and writing the secret without them would change who can read it.`

describe('prepareTarget, for a repository secret', () => {
  test('an existing secret gives its dates, and the write carries no settings besides the sealed value', async () => {
    const { client } = github(repoTarget, {
      secret: ok({ name: NAME, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-11-01T00:00:00Z' })
    })
    const prepared = await prepareTarget(client, repoTarget, 'private')
    expect(prepared).toEqual({
      target: repoTarget,
      publicKey: { keyId: KEY.key_id, key: KEY.key },
      existing: { createdAt: new Date('2026-01-01T00:00:00Z'), updatedAt: new Date('2026-11-01T00:00:00Z') },
      settings: {}
    })
  })

  test('a secret GitHub does not have (404) is one to create: no existing dates', async () => {
    const { client } = github(repoTarget, { secret: failed(404, 'Not Found') })
    expect((await prepareTarget(client, repoTarget, 'private')).existing).toBeUndefined()
  })

  test('any other failure reading the secret stops the run and says which permission is missing', async () => {
    expect(await refusal(repoTarget, { secret: failed(403, 'Resource not accessible by personal access token') })).toBe(
      `GitHub refused reading the repository secret ${NAME} of octo/api-tests (403 Resource not accessible by ` +
        `personal access token): \`github-token\` lacks the permission. It needs ${repoTarget.permission}.`
    )
  })

  test('a timestamp of up to 40 characters is read; a longer one is not trusted as a date', async () => {
    const at40 = `2026-11-01T00:00:00.${'0'.repeat(19)}Z`
    const at41 = `2026-11-01T00:00:00.${'0'.repeat(20)}Z`
    expect(at40).toHaveLength(40)
    const { client } = github(repoTarget, { secret: ok({ created_at: at40, updated_at: at41 }) })
    expect((await prepareTarget(client, repoTarget, 'private')).existing).toEqual({
      createdAt: new Date('2026-11-01T00:00:00Z'),
      updatedAt: undefined
    })
  })

  test('a classic token with the needed scope anywhere in its list is accepted', async () => {
    for (const scopes of ['repo', 'gist, repo, workflow', 'workflow,repo']) {
      const key = ok(KEY, { 'x-oauth-scopes': scopes })
      expect(await refusal(repoTarget, { key })).toBe('prepared')
    }
  })

  test('a classic token without the needed scope stops the run, naming its scopes and the fix', async () => {
    expect(await refusal(repoTarget, { key: ok(KEY, { 'x-oauth-scopes': 'gist, workflow' }) })).toBe(
      `\`github-token\` is a classic token with the scopes "gist, workflow", but writing the repository secret ` +
        `${NAME} of octo/api-tests needs the \`repo\` scope. ` +
        `Add it to the token, or use a fine-grained token with ${repoTarget.permission}.`
    )
  })

  test('a scopes header that is not a classic token’s list of scopes is not read', async () => {
    // A character no scope has (`;`, upper case) means a proxy or another server wrote it.
    for (const scopes of ['gist; workflow', 'Workflow', `${'gist, '.repeat(100)}workflow`]) {
      expect(await refusal(repoTarget, { key: ok(KEY, { 'x-oauth-scopes': scopes }) })).toBe('prepared')
    }
  })

  test('a key id that goes on past its allowed characters is no key id', async () => {
    // A quote or a space in it could break out of the recovery command it is quoted in.
    for (const keyId of ['5682501 67', '568250167"; echo', 'k-100\n']) {
      expect(await refusal(repoTarget, { key: ok({ ...KEY, key_id: keyId }) })).toMatch(/is not a key id and a key/)
    }
  })

  test('a public key of up to 100 characters is used; a longer one stops the run before Box', async () => {
    const at100 = { key_id: 'k-100', key: 'A'.repeat(100) }
    const { client } = github(repoTarget, { key: ok(at100) })
    expect((await prepareTarget(client, repoTarget, 'private')).publicKey).toEqual({ keyId: 'k-100', key: at100.key })
    expect(await refusal(repoTarget, { key: ok({ key_id: 'k-101', key: 'A'.repeat(101) }) })).toBe(
      `GitHub's answer for the public key of the repository secret ${NAME} of octo/api-tests is not a key id and ` +
        `a key, so nothing can be sealed for it. ` +
        `Try again; if it persists, check GITHUB_API_URL and any proxy in front of GitHub.`
    )
  })
})

describe('prepareTarget, for an organization secret', () => {
  test('an answer without a known visibility stops the run rather than guessing one', async () => {
    expect(await refusal(orgTarget, { secret: ok({ visibility: 'internal' }) })).toBe(
      `GitHub's answer for the organization secret ${NAME} of octo gives no visibility of \`all\`, \`private\` or ` +
        `\`selected\`; the action does not guess one, because writing the wrong one changes who can read the secret.`
    )
  })

  test('a new secret gets the visibility asked for, and no list of repositories', async () => {
    const { client } = github(orgTarget, { page: () => failed(409, 'Conflict') })
    expect((await prepareTarget(client, orgTarget, 'all')).settings).toEqual({ visibility: 'all' })
  })

  test('a `selected` secret keeps every selected repository, read page by page until the list ends', async () => {
    const { client, requests } = github(orgTarget, selectedList(150))
    const prepared = await prepareTarget(client, orgTarget, 'private')
    expect(prepared.settings).toEqual({
      visibility: 'selected',
      selected_repository_ids: repos(1, 150).map((r) => r.id)
    })
    expect(listPages(requests)).toEqual(['page 1', 'page 2'])
  })

  test('an empty selection is kept as an empty list', async () => {
    const { client } = github(orgTarget, selectedList(0))
    expect((await prepareTarget(client, orgTarget, 'private')).settings).toEqual({
      visibility: 'selected',
      selected_repository_ids: []
    })
  })

  test('no further page is read once total_count repositories are in hand', async () => {
    const { client, requests } = github(orgTarget, selectedList(100))
    expect((await prepareTarget(client, orgTarget, 'private')).settings.selected_repository_ids).toHaveLength(100)
    expect(listPages(requests)).toEqual(['page 1'])
  })

  test('a short page ends the list, even when total_count promised more', async () => {
    // Repositories removed while the list is read: GitHub's count is from before.
    const { client, requests } = github(orgTarget, selectedList(40, 45))
    expect((await prepareTarget(client, orgTarget, 'private')).settings.selected_repository_ids).toHaveLength(40)
    expect(listPages(requests)).toEqual(['page 1'])
  })

  test('a list of 10,000 repositories, the most the action reads, is read to its end', async () => {
    const { client, requests } = github(orgTarget, selectedList(10_000))
    const ids = (await prepareTarget(client, orgTarget, 'private')).settings.selected_repository_ids as number[]
    expect(ids).toHaveLength(10_000)
    expect(ids.at(-1)).toBe(10_000)
    expect(listPages(requests)).toHaveLength(100)
  })

  test('a list that goes on past 10,000 repositories stops the run', async () => {
    expect(await refusal(orgTarget, selectedList(10_100, 20_000))).toBe(
      cannotReadList('the list goes on past 10000 repositories')
    )
  })

  test.each([
    ['no total_count', { repositories: [{ id: 1 }] }],
    ['a negative total_count', { total_count: -1, repositories: [{ id: 1 }] }],
    ['a fractional total_count', { total_count: 1.5, repositories: [{ id: 1 }] }],
    ['no list', { total_count: 1, repositories: { id: 1 } }]
  ])('an answer with %s is not taken for the selection', async (_, data) => {
    const site = { secret: ok({ visibility: 'selected' }), page: () => ok(data) }
    expect(await refusal(orgTarget, site)).toBe(cannotReadList('the answer is not a list of repositories'))
  })

  test.each([0, -7, 2.5, '12', null])('a repository with the id %p stops the run', async (id) => {
    const site = {
      secret: ok({ visibility: 'selected' }),
      page: () => ok({ total_count: 2, repositories: [{ id: 1 }, { id }] })
    }
    expect(await refusal(orgTarget, site)).toBe(cannotReadList('a repository in the list has no valid id'))
  })

  test('GitHub refusing the list stops the run with what to fix', async () => {
    const site = { secret: ok({ visibility: 'selected' }), page: () => failed(403, 'Must have admin rights') }
    expect(await refusal(orgTarget, site)).toBe(
      `GitHub refused reading the repositories selected for the organization secret ${NAME} of octo ` +
        `(403 Must have admin rights): \`github-token\` lacks the permission. It needs ${orgTarget.permission}.`
    )
  })

  test('a list read that fails without any error still stops the run', async () => {
    const site = { secret: ok({ visibility: 'selected' }), page: () => ({ throws: undefined }) }
    expect(await refusal(orgTarget, site)).toBe(cannotReadList('no list'))
  })
})

/**
 * The real client, answering 503 each time through an injected fetch, on a clock that moves only
 * when the retry loop sleeps: a read made with retries is sent several times, one made once is not.
 */
function unavailableGitHub(): { client: GitHubClient; sent: () => number } {
  const timing = skippingClock(Date.parse('2026-11-29T12:00:00Z'))
  let sent = 0
  const client = createGitHubClient('ghp_test_token', {
    baseUrl: 'https://api.github.com',
    retry: { policy: defaultRetryPolicy, budget: new RetryBudget(60_000, timing.now), timing },
    requestTimeoutMs: 5_000,
    redactor: new Redactor(),
    terms: ACTION_TERMS,
    fetch: async () => {
      sent++
      return new Response('{"message":"Service Unavailable"}', {
        status: 503,
        headers: { 'content-type': 'application/json' }
      })
    }
  })
  return { client, sent: () => sent }
}

test('the retry setup above does retry a read (so the tests of single reads below can fail)', async () => {
  const { client, sent } = unavailableGitHub()
  await expect(client.request('GET', `/orgs/octo/actions/secrets/${NAME}`)).rejects.toThrow('GitHub answered 503')
  expect(sent()).toBeGreaterThan(1)
})

describe('shadowingSecretProblem', () => {
  test('a repository secret of the same name is reported: workflows read it instead', async () => {
    const { client, requests } = github(repoTarget, { secret: ok({ name: NAME }) })
    expect(await shadowingSecretProblem(client, orgTarget, repository)).toBe(
      `The repository secret ${NAME} of octo/api-tests exists, and workflows in octo/api-tests read it instead of ` +
        `the organization secret ${NAME} of octo: the refresh token this run holds came from it, and writing the ` +
        `new one to the organization would leave it used up. Delete the repository secret (Settings → Secrets and ` +
        `variables), or rotate it instead by removing \`organization\`.`
    )
    expect(requests).toEqual([`GET /repos/octo/api-tests/actions/secrets/${NAME}`])
  })

  test.each([
    ['no such repository secret (404)', failed(404, 'Not Found')],
    ['a token that cannot see the repository’s secrets (403)', failed(403, 'Resource not accessible by integration')]
  ])('%s: no problem to report', async (_, answer) => {
    const { client } = github(repoTarget, { secret: answer })
    expect(await shadowingSecretProblem(client, orgTarget, repository)).toBeUndefined()
  })

  test('the check is best effort: GitHub failing is asked once, not retried', async () => {
    const { client, sent } = unavailableGitHub()
    expect(await shadowingSecretProblem(client, orgTarget, repository)).toBeUndefined()
    expect(sent()).toBe(1)
  })
})

describe('lastWritten', () => {
  test('gives when the secret was last written', async () => {
    const { client } = github(repoTarget, { secret: ok({ updated_at: '2026-11-01T00:00:00Z' }) })
    expect(await lastWritten(client, repoTarget)).toEqual(new Date('2026-11-01T00:00:00Z'))
  })

  test('is unknown when GitHub fails, after one try: it only adds detail to a message', async () => {
    const { client, sent } = unavailableGitHub()
    expect(await lastWritten(client, orgTarget)).toBeUndefined()
    expect(sent()).toBe(1)
  })
})

describe('writeSecret', () => {
  const prepared: PreparedTarget = {
    target: repoTarget,
    publicKey: { keyId: KEY.key_id, key: KEY.key },
    settings: {}
  }
  const sealed = { encryptedValue: 'c2VhbGVk', keyId: KEY.key_id }

  const writing = (answer: () => GitHubResponse) => {
    const client: GitHubClient = {
      ...github(repoTarget, {}).client,
      request: async () => answer()
    }
    return writeSecret(client, prepared, sealed)
  }

  test('201 means created, any other success updated', async () => {
    expect(await writing(() => ok(undefined, {}, 201))).toBe('created')
    expect(await writing(() => ok(undefined, {}, 204))).toBe('updated')
  })

  test('a write stopped by the run’s cancellation says so, and is still known as a cancellation', async () => {
    const error = await writing(() => {
      throw new Cancelled('SIGTERM')
    }).then(
      (outcome) => new Error(`not stopped: ${outcome}`),
      (e: unknown) => e as Error
    )
    expect(error.message).toBe(`The run was cancelled while writing the repository secret ${NAME} of octo/api-tests.`)
    expect(isCancellation(error)).toBe(true)
  })
})
