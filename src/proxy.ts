/**
 * Box requests through the runner's proxy (https_proxy / http_proxy, honouring no_proxy), the
 * same way @actions/github sends GitHub's: self-hosted runners behind a proxy reach neither
 * otherwise, since Node's own fetch ignores those variables. Without a proxy: Node's fetch.
 */
import { HttpClient } from '@actions/http-client'
import { fetch as undiciFetch } from 'undici'

export function proxyAwareFetch(): typeof fetch {
  const client = new HttpClient('box-token-refresh')
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input)
    const dispatcher = client.getAgentDispatcher(url)
    if (dispatcher === undefined) return fetch(input, init)
    return undiciFetch(url, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher }) as unknown as Response
  }) as typeof fetch
}
