/**
 * How requests reach Box and GitHub, honouring the runner's proxy settings (https_proxy /
 * http_proxy and no_proxy, read by @actions/http-client's own rules): self-hosted runners behind a
 * proxy reach neither otherwise, since Node's own fetch ignores those variables.
 *
 * - A proxy applies: the bundled undici's fetch through @actions/http-client's dispatcher, as
 *   @actions/github sends GitHub's requests.
 * - Otherwise, Node's own fetch where it is undici 7 or later (Node 24, the runner's): it is part
 *   of Node, so nothing is loaded before the first request.
 * - Otherwise (Node 22 and older: undici 6, whose fetch can wait forever on a server that accepts
 *   the connection and closes it while a signal is attached), the bundled undici 7's fetch.
 *
 * The bundled undici and @actions/http-client come in a chunk of their own, on first use.
 */
import { getProxyUrl } from '@actions/http-client/lib/proxy'

type Fetch = (url: string, init?: RequestInit) => Promise<Response>

/** Whether Node's own fetch can be used when no proxy applies (see above). */
const nodeFetchSuffices = Number(process.versions.undici?.split('.')[0]) >= 7

let bundled: Promise<Fetch> | undefined

/** The bundled undici's fetch, with the runner's proxy where one applies; loaded once. */
function loadBundledFetch(): Promise<Fetch> {
  bundled ??= Promise.all([import('@actions/http-client'), import('undici')]).then(
    ([{ HttpClient }, { fetch: undiciFetch }]) => {
      const client = new HttpClient('box-token-refresh')
      return (url, init) =>
        // The dispatcher is undefined when no proxy applies to this URL: undici then connects directly.
        undiciFetch(url, {
          ...(init as Parameters<typeof undiciFetch>[1]),
          dispatcher: client.getAgentDispatcher(url)
        }) as unknown as Promise<Response>
    }
  )
  return bundled
}

/** Whether a request to this URL goes through the bundled undici: on older Node, or through a proxy. */
function needsBundledFetch(url: string): boolean {
  return !nodeFetchSuffices || Boolean(getProxyUrl(new URL(url))?.hostname)
}

/** Loads the bundled undici now if a request to this URL will need it, so that it leaves without waiting. */
export async function prepareFetchFor(url: string): Promise<void> {
  if (needsBundledFetch(url)) await loadBundledFetch()
}

export function proxyAwareFetch(): typeof fetch {
  return ((input: string | URL, init?: RequestInit) => {
    const url = String(input)
    if (!needsBundledFetch(url)) return fetch(url, init)
    return loadBundledFetch().then((bundledFetch) => bundledFetch(url, init))
  }) as typeof fetch
}
