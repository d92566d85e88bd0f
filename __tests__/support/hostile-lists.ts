/**
 * Hostile answers to an organization secret's selected-repositories list, shared by the in-process
 * fault matrix and the end-to-end hostile-server tests, so both layers meet the same server.
 */
import type { FakeGitHub } from '../simulator/github.js'

/** Every page is full and claims a billion repositories: the list never ends. */
export function endlessRepositoryList(github: FakeGitHub): void {
  let page = 0
  github.injectFault({
    method: 'GET',
    pathIncludes: '/repositories',
    times: Infinity,
    fault: {
      kind: 'reply',
      reply: () => ({
        status: 200,
        body: {
          total_count: 10 ** 9,
          repositories: Array.from({ length: 100 }, (_, i) => ({ id: ++page * 1000 + i }))
        }
      })
    }
  })
}

/** One repository whose `id` is not a number (a string, or something meant for a shell). */
export function repositoryListWithId(github: FakeGitHub, id: unknown): void {
  github.injectFault({
    method: 'GET',
    pathIncludes: '/repositories',
    fault: { kind: 'reply', reply: () => ({ status: 200, body: { total_count: 1, repositories: [{ id }] } }) }
  })
}
