/**
 * How requests reach Box and GitHub, honouring the runner's proxy settings (https_proxy /
 * http_proxy and no_proxy): self-hosted runners behind a proxy reach neither otherwise, since
 * Node's own fetch ignores those variables.
 *
 * - A proxy applies: the bundled undici's fetch through a ProxyAgent for it, built as
 *   @actions/http-client builds its own (which @actions/github sends GitHub's requests through).
 * - Otherwise, Node's own fetch where it is undici 7 or later (Node 24, the runner's): it is part
 *   of Node, so nothing is loaded before the first request.
 * - Otherwise (Node 22 and older: undici 6, whose fetch can wait forever on a server that accepts
 *   the connection and closes it while a signal is attached), the bundled undici 7's fetch.
 *
 * Which proxy applies is read here, not by @actions/http-client: it takes a value without a scheme
 * (`proxy.corp:3128`) for a URL of scheme `proxy.corp:` with no host, and then silently sends the
 * request direct. Such a value means `http://proxy.corp:3128`, as curl and Go read it; a value that
 * names no host at all is refused before any request (inputs.ts), never ignored.
 *
 * The bundled undici comes in a chunk of its own, on first use.
 */
import { checkBypass } from '@actions/http-client/lib/proxy'

type Fetch = (url: string, init?: RequestInit) => Promise<Response>

/** Whether Node's own fetch can be used when no proxy applies (see above). */
const nodeFetchSuffices = Number(process.versions.undici?.split('.')[0]) >= 7

/** The variable that sets the proxy for a request, and its value. */
export interface ProxySetting {
  variable: string
  value: string
}

/**
 * The variable that sets the proxy for a request to `url` (https_proxy, else HTTPS_PROXY, for an
 * https URL; http_proxy, else HTTP_PROXY, for http), or undefined when none is set or the request
 * bypasses it: a loopback address, or a host in no_proxy (@actions/http-client's rules, which
 * read no_proxy from the process's environment).
 */
export function proxySetting(url: string, env: NodeJS.ProcessEnv = process.env): ProxySetting | undefined {
  const parsed = new URL(url)
  const names = parsed.protocol === 'https:' ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy', 'HTTP_PROXY']
  const variable = names.find((name) => env[name])
  if (variable === undefined || checkBypass(parsed)) return undefined
  return { variable, value: env[variable]!.trim() }
}

/** The proxy a value names: with no scheme, `http://` + the value (as curl does); undefined when it names no host. */
export function proxyUrl(value: string): URL | undefined {
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`)
    return url.hostname === '' ? undefined : url
  } catch {
    return undefined
  }
}

/** Why the proxy setting for `url` cannot be used, or undefined when it can (or none applies). */
export function proxyProblem(url: string, env: NodeJS.ProcessEnv = process.env): ProxySetting | undefined {
  const setting = proxySetting(url, env)
  return setting && proxyUrl(setting.value) === undefined ? setting : undefined
}

/** The proxy for a request to `url`, or undefined when none applies. Throws when the setting names no host. */
function proxyFor(url: string): URL | undefined {
  const setting = proxySetting(url)
  if (setting === undefined) return undefined
  const proxy = proxyUrl(setting.value)
  if (proxy === undefined) throw new Error(`${setting.variable} ("${setting.value}") names no proxy host`)
  return proxy
}

let bundled: Promise<Fetch> | undefined

/** The bundled undici's fetch, through the proxy where one applies; loaded once. */
function loadBundledFetch(): Promise<Fetch> {
  bundled ??= import('undici').then(({ fetch: undiciFetch, ProxyAgent }) => {
    const agents = new Map<string, InstanceType<typeof ProxyAgent>>()
    const agentFor = (proxy: URL): InstanceType<typeof ProxyAgent> => {
      let agent = agents.get(proxy.href)
      if (agent === undefined) {
        const { username, password } = proxy
        const credentials = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`
        agent = new ProxyAgent({
          uri: proxy.href,
          ...(username || password ? { token: `Basic ${Buffer.from(credentials).toString('base64')}` } : {})
        })
        agents.set(proxy.href, agent)
      }
      return agent
    }
    return (url, init) => {
      const proxy = proxyFor(url)
      // Without a dispatcher (no proxy for this URL), undici connects directly.
      return undiciFetch(url, {
        ...(init as Parameters<typeof undiciFetch>[1]),
        ...(proxy ? { dispatcher: agentFor(proxy) } : {})
      }) as unknown as Promise<Response>
    }
  })
  return bundled
}

/** Whether a request to this URL goes through the bundled undici: on older Node, or through a proxy. */
function needsBundledFetch(url: string): boolean {
  return !nodeFetchSuffices || proxySetting(url) !== undefined
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
