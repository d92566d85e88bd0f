/**
 * Box requests through the runner's proxy (https_proxy / http_proxy, honouring no_proxy), the
 * same way @actions/github sends GitHub's: self-hosted runners behind a proxy reach neither
 * otherwise, since Node's own fetch ignores those variables.
 *
 * Always undici's fetch, the copy the bundle already carries for GitHub, with or without a proxy:
 * Node's built-in fetch is a second copy that loads on first use, about 15 ms on the path
 * between the preflight reads and the Box call.
 */
import { HttpClient } from '@actions/http-client'
import { fetch as undiciFetch } from 'undici'

export function proxyAwareFetch(): typeof fetch {
  const client = new HttpClient('box-token-refresh')
  return ((input: string | URL, init?: RequestInit) => {
    const url = String(input)
    // undefined when no proxy applies to this URL: undici then connects directly.
    const dispatcher = client.getAgentDispatcher(url)
    return undiciFetch(url, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher })
  }) as unknown as typeof fetch
}
