/**
 * The secret writer after Box has answered (`storeSecret`), with a GitHub client and a sealer that
 * stand in for the real ones: what is logged before the first write, what the ledger keeps, and
 * what a person is told when a target cannot be sealed or written. The flows run the same code
 * against the simulator; this file reaches the paths no server can provoke, such as a sealer that
 * fails after every key was checked.
 */
import type { GitHubClient, GitHubResponse } from '../../src/github/client.js'
import { ACTION_TERMS } from '../../src/github/messages.js'
import { prepareWrite, storeSecret, writeBackFailure, type PreparedWrite } from '../../src/github/secret-writer.js'
import type { PreparedTarget } from '../../src/github/secrets.js'
import { repositoryTarget } from '../../src/github/targets.js'
import { RecoveryLedger, type RecoveryPayload } from '../../src/recovery.js'
import type { PublicKey, Sealer } from '../../src/seal.js'

const repository = { owner: 'octo', repo: 'api-tests' }
const VALUE = 'new-refresh-token-0123456789abcdef'
const GOOD_KEY: PublicKey = { keyId: 'good-key', key: Buffer.alloc(32, 1).toString('base64') }
const BAD_KEY: PublicKey = { keyId: 'bad-key', key: Buffer.alloc(32, 2).toString('base64') }

const prepared = (name: string, publicKey: PublicKey, existing = true): PreparedTarget => ({
  target: repositoryTarget(repository, 'actions', name),
  publicKey,
  ...(existing && { existing: { updatedAt: new Date('2026-11-01T00:00:00Z') } }),
  settings: {}
})

/** Seals as `sealed(<value>)`, and throws for BAD_KEY, as libsodium would for a key it cannot use. */
const sealer: Sealer = {
  seal: (value, publicKey) => {
    if (publicKey.keyId === BAD_KEY.keyId) throw new Error('invalid public key')
    return { encryptedValue: `sealed(${value.length})`, keyId: publicKey.keyId }
  },
  check: () => undefined
}

/** A GitHub client that records each PUT and answers it with `answer(path)`. */
function github(answer: (path: string) => number | Error): { client: GitHubClient; puts: string[] } {
  const puts: string[] = []
  const client: GitHubClient = {
    baseUrl: 'https://api.github.com',
    terms: ACTION_TERMS,
    tokenExpiresAt: () => undefined,
    forWriteBack: () => client,
    request: async (method, path): Promise<GitHubResponse> => {
      puts.push(`${method} ${path}`)
      const status = answer(path)
      if (status instanceof Error) throw status
      return { status, data: {}, headers: {} }
    }
  }
  return { client, puts }
}

async function store(write: PreparedWrite) {
  const ledger = new RecoveryLedger()
  const logged: RecoveryPayload[][] = []
  const written: string[] = []
  const results = await storeSecret(write, VALUE, {
    ledger,
    logSealedCopies: (payloads) => logged.push(payloads),
    onWritten: (target, outcome) => written.push(`${target.name} ${outcome}`)
  })
  return { results, ledger, logged, written }
}

test('every target sealed and written: one log of the sealed copies before the writes, nothing pending after', async () => {
  const { client, puts } = github((path) => (path.endsWith('/NEW') ? 201 : 204))
  const { results, ledger, logged, written } = await store({
    github: client,
    sealer,
    targets: [prepared('OLD', GOOD_KEY), prepared('NEW', GOOD_KEY, false)]
  })
  expect(logged).toHaveLength(1)
  expect(logged[0].map((p) => p.target)).toEqual([
    'repository secret OLD of octo/api-tests',
    'repository secret NEW of octo/api-tests'
  ])
  expect(logged[0][0].body).toEqual({ encrypted_value: `sealed(${VALUE.length})`, key_id: 'good-key' })
  expect(puts).toEqual([
    'PUT /repos/octo/api-tests/actions/secrets/OLD',
    'PUT /repos/octo/api-tests/actions/secrets/NEW'
  ])
  expect(results.map((r) => r.outcome)).toEqual(['updated', 'created'])
  expect(written).toEqual(['OLD updated', 'NEW created'])
  expect(ledger.pending()).toEqual([])
  expect(writeBackFailure(results)).toBeUndefined()
})

describe('a target the value cannot be sealed for', () => {
  test('is reported as failed with what to do, while the other target is still written', async () => {
    const { client, puts } = github(() => 204)
    const { results, ledger, logged, written } = await store({
      github: client,
      sealer,
      targets: [prepared('UNSEALABLE', BAD_KEY), prepared('FINE', GOOD_KEY)]
    })
    expect(logged.map((copies) => copies.map((p) => p.target))).toEqual([['repository secret FINE of octo/api-tests']])
    expect(puts).toEqual(['PUT /repos/octo/api-tests/actions/secrets/FINE'])
    expect(written).toEqual(['FINE updated'])
    expect(results[0]).toEqual({
      target: expect.objectContaining({ name: 'UNSEALABLE' }),
      outcome: 'failed',
      message:
        'The new refresh token could not be sealed for the repository secret UNSEALABLE of octo/api-tests ' +
        '(invalid public key), so it cannot be stored: re-authorize (docs/setup.md: "Re-authorizing").'
    })
    expect(ledger.pending()).toEqual([])
  })

  test('alone: nothing is logged as a sealed copy, and the failure offers no command it does not have', async () => {
    const { client, puts } = github(() => 204)
    const { results, logged } = await store({ github: client, sealer, targets: [prepared('UNSEALABLE', BAD_KEY)] })
    expect(logged).toEqual([])
    expect(puts).toEqual([])
    const failure = writeBackFailure(results)!
    expect(failure.recoveries).toEqual([])
    expect(failure.message).toMatch(/^The new refresh token could not be sealed .* re-authorize/)
    expect(failure.message).not.toMatch(/store it by hand|gh api/)
  })

  test('another value names itself and its own remedy', async () => {
    const { client } = github(() => 204)
    const results = await storeSecret(
      { github: client, sealer, targets: [prepared('HANDOFF_KEY', BAD_KEY)] },
      'hand-off-key-0123456789',
      {
        ledger: new RecoveryLedger(),
        logSealedCopies: () => undefined,
        onWritten: () => undefined,
        value: { name: 'The hand-off key', ifUnsealable: 'run the command again to make another' }
      }
    )
    expect(results[0]).toMatchObject({
      outcome: 'failed',
      message: expect.stringMatching(
        /^The hand-off key could not be sealed .*: run the command again to make another\.$/
      )
    })
  })
})

test('a write GitHub refuses keeps its sealed body as the recovery payload, and the ledger keeps it pending', async () => {
  const { client } = github((path) =>
    path.endsWith('/REFUSED') ? new Error('HTTP 403: Resource not accessible') : 204
  )
  const { results, ledger } = await store({
    github: client,
    sealer,
    targets: [prepared('REFUSED', GOOD_KEY), prepared('FINE', GOOD_KEY)]
  })
  expect(results.map((r) => r.outcome)).toEqual(['failed', 'updated'])
  expect(ledger.pending().map((p) => p.target)).toEqual(['repository secret REFUSED of octo/api-tests'])
  const failure = writeBackFailure(results)!
  expect(failure.recoveries).toEqual(ledger.pending())
  const lines = failure.message.split('\n')
  expect(lines[0]).toBe(
    'Writing the repository secret REFUSED of octo/api-tests failed unexpectedly: HTTP 403: Resource not accessible.'
  )
  expect(lines[1]).toMatch(/^The new refresh token could not be written to its secret, .*store it by hand/)
  expect(lines[2]).toBe('  repository secret REFUSED of octo/api-tests:')
  expect(lines[3]).toMatch(
    /^ {4}echo '\{"encrypted_value":"sealed\(\d+\)","key_id":"good-key"\}' \| gh api --method PUT /
  )
})

test('what is still pending after a failed write can be sent by the ledger, once, and is then marked stored', async () => {
  let refuse = true
  const { client, puts } = github(() => (refuse ? new Error('HTTP 502') : 204))
  const { ledger } = await store({ github: client, sealer, targets: [prepared('LATER', GOOD_KEY)] })
  expect(ledger.pending()).toHaveLength(1)
  refuse = false
  expect(await ledger.rescue(new AbortController().signal)).toEqual(['repository secret LATER of octo/api-tests'])
  expect(ledger.pending()).toEqual([])
  expect(puts).toEqual([
    'PUT /repos/octo/api-tests/actions/secrets/LATER',
    'PUT /repos/octo/api-tests/actions/secrets/LATER'
  ])
})

describe('before Box: what prepareWrite refuses, word for word', () => {
  /** A GitHub that holds one existing secret and serves `key` as its public key. */
  const reading = (key: PublicKey): GitHubClient => {
    const client: GitHubClient = {
      baseUrl: 'https://api.github.com',
      terms: ACTION_TERMS,
      tokenExpiresAt: () => undefined,
      forWriteBack: () => client,
      request: async (_method, path): Promise<GitHubResponse> => ({
        status: 200,
        data: path.endsWith('/public-key')
          ? { key_id: key.keyId, key: key.key }
          : { created_at: '2026-10-01T00:00:00Z', updated_at: '2026-11-01T00:00:00Z' },
        headers: {}
      })
    }
    return client
  }
  const target = repositoryTarget(repository, 'actions', 'BOX_REFRESH_TOKEN')
  const checking: Sealer = {
    ...sealer,
    check: (publicKey) => {
      if (publicKey.keyId === BAD_KEY.keyId) throw new Error('invalid public key')
    }
  }

  test('libsodium that cannot load is a problem of its own, after those of the targets', async () => {
    const result = await prepareWrite(reading(GOOD_KEY), [target], 'private', Promise.reject(new Error('no wasm')))
    expect(result).toEqual({ problems: ['libsodium, which seals the secret, could not be loaded: no wasm'] })
  })

  test('a key libsodium cannot seal with says which target, and what to do', async () => {
    const result = await prepareWrite(reading(BAD_KEY), [target], 'private', Promise.resolve(checking))
    expect(result).toEqual({
      problems: [
        "GitHub's public key for the repository secret BOX_REFRESH_TOKEN of octo/api-tests cannot seal a value: " +
          'invalid public key. Try again; if it persists, GitHub is serving a bad key.'
      ]
    })
  })

  test('a key that seals: the write is prepared, with nothing to fix', async () => {
    const result = await prepareWrite(reading(GOOD_KEY), [target], 'private', Promise.resolve(checking))
    expect(result.problems).toEqual([])
    expect('write' in result && result.write.targets.map((t) => t.publicKey)).toEqual([GOOD_KEY])
  })
})

test('a failure with nothing to send by hand is told in its own words alone', async () => {
  const { client } = github(() => 204)
  const { results } = await store({ github: client, sealer, targets: [prepared('UNSEALABLE', BAD_KEY)] })
  expect(writeBackFailure(results)!.message).toBe(
    'The new refresh token could not be sealed for the repository secret UNSEALABLE of octo/api-tests ' +
      '(invalid public key), so it cannot be stored: re-authorize (docs/setup.md: "Re-authorizing").'
  )
})

test('the ledger sends what is pending once, without retries of its own: the deadline is what it has', async () => {
  const options: unknown[] = []
  let refuse = true
  const { client } = github(() => (refuse ? new Error('HTTP 502') : 204))
  const recording: GitHubClient = {
    ...client,
    forWriteBack: () => recording,
    request: async (method, path, body, opts) => {
      options.push(opts)
      return client.request(method, path, body, opts)
    }
  }
  const { ledger } = await store({ github: recording, sealer, targets: [prepared('LATER', GOOD_KEY)] })
  refuse = false
  await ledger.rescue(new AbortController().signal)
  expect(options).toEqual([undefined, { once: true }])
})
