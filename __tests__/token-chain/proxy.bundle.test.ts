/**
 * Self-hosted runners behind a proxy: the Box refresh and GitHub's requests must go through
 * https_proxy (Node's own fetch ignores it). A CONNECT proxy on 127.0.0.1 tunnels `box.test:443`
 * and `github.test:443` to https fronts of the simulator's Box and GitHub, whose certificates the
 * action trusts through NODE_EXTRA_CA_CERTS.
 */
import { rm, writeFile } from 'node:fs/promises'
import http from 'node:http'
import net, { type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { makeCertificate, startHttpsFront, type Certificate, type HttpsFront } from '../support/tls.js'
import { createWorld, SECRET, type World } from '../support/world.js'
import { runAction } from '../support/harness.js'

let world: World
let tls: Certificate
let githubTls: Certificate
/** Both certificates, for NODE_EXTRA_CA_CERTS. */
let trusted: string
let front: HttpsFront
let proxy: http.Server
const tunnels: string[] = []
/** Where the proxy's tunnels end: the https front for each host a test serves. */
const fronts = new Map<string, HttpsFront>()

beforeAll(async () => {
  world = await createWorld()
  tls = await makeCertificate('box.test')
  githubTls = await makeCertificate('github.test')
  trusted = join(tls.dir, 'trusted.pem')
  await writeFile(trusted, Buffer.concat([tls.cert, githubTls.cert]))
  front = await startHttpsFront(world.sim.boxUrl, tls)
  fronts.set('box.test:443', front)
  proxy = http.createServer((_req, res) => res.writeHead(405).end())
  proxy.on('connect', (req, client: net.Socket, head: Buffer) => {
    tunnels.push(req.url ?? '')
    const target = fronts.get(req.url ?? '')
    if (!target) return client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
    const upstream = net.connect(Number(target.host.split(':')[1]), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
})

afterAll(async () => {
  proxy.closeAllConnections()
  await new Promise((resolve) => proxy.close(resolve))
  for (const f of fronts.values()) await f.close()
  await world.close()
  for (const t of [tls, githubTls]) await rm(t.dir, { recursive: true, force: true })
})

const proxyUrl = (): string => `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`

test('the Box refresh goes through https_proxy; GitHub on loopback bypasses it', async () => {
  const run = await runAction(world.inputs({ 'box-api-url': 'https://box.test' }), {
    env: world.env({ https_proxy: proxyUrl(), HTTPS_PROXY: proxyUrl(), NODE_EXTRA_CA_CERTS: trusted })
  })
  expect(run.stdout + run.stderr).not.toMatch(/::error::/)
  expect(run.code).toBe(0)
  expect(tunnels).toEqual(['box.test:443'])
  expect(front.seen.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /oauth2/token'])
  expect(world.sim.github.getSecret(world.scope, SECRET)?.plaintext).toBe(world.sim.box.issued[0].refreshToken)
})

test('a proxy without a scheme (`host:port`) is the http proxy it names, as curl takes it: not ignored', async () => {
  tunnels.length = 0
  const issuedBefore = world.sim.box.issued.length
  const hostPort = `localhost:${(proxy.address() as AddressInfo).port}`
  const current = world.sim.github.getSecret(world.scope, SECRET)!.plaintext // rotated by the test before
  const run = await runAction(world.inputs({ 'box-api-url': 'https://box.test', 'refresh-token': current }), {
    env: world.env({ https_proxy: hostPort, HTTPS_PROXY: hostPort, NODE_EXTRA_CA_CERTS: trusted })
  })
  expect(run.stdout + run.stderr).not.toMatch(/::error::/)
  expect(run.code).toBe(0)
  expect(tunnels).toEqual(['box.test:443'])
  expect(world.sim.box.issued).toHaveLength(issuedBefore + 1)
  expect(world.sim.github.getSecret(world.scope, SECRET)?.plaintext).toBe(world.sim.box.issued.at(-1)!.refreshToken)
})

test('a proxy that names no host is refused before any request', async () => {
  const requestsBefore = world.sim.requests.length
  const run = await runAction(world.inputs({ 'box-api-url': 'https://box.test' }), {
    env: world.env({ https_proxy: 'http://:3128', HTTPS_PROXY: '' })
  })
  expect(run.code).toBe(1)
  expect(run.stdout).toMatch(
    /::error::An input is not valid:%0A {2}- `https_proxy \(environment variable\)`: names no proxy host/
  )
  expect(run.stdout).toMatch(/the refresh token was not used/)
  expect(world.sim.requests.length).toBe(requestsBefore)
})

test('GitHub’s requests go through https_proxy too; Box on loopback bypasses it', async () => {
  const githubWorld = await createWorld()
  const githubFront = await startHttpsFront(githubWorld.sim.githubApiUrl, githubTls)
  fronts.set('github.test:443', githubFront)
  tunnels.length = 0
  try {
    const run = await runAction(githubWorld.inputs(), {
      env: githubWorld.env({
        GITHUB_API_URL: 'https://github.test',
        https_proxy: proxyUrl(),
        HTTPS_PROXY: proxyUrl(),
        NODE_EXTRA_CA_CERTS: trusted
      })
    })
    expect(run.stdout + run.stderr).not.toMatch(/::error::/)
    expect(run.code).toBe(0)
    expect(tunnels.length).toBeGreaterThan(0)
    expect(new Set(tunnels)).toEqual(new Set(['github.test:443']))
    expect(githubFront.seen.map((r) => r.method)).toEqual(expect.arrayContaining(['GET', 'PUT']))
    expect(githubWorld.sim.github.getSecret(githubWorld.scope, SECRET)?.plaintext).toBe(
      githubWorld.sim.box.issued[0].refreshToken
    )
  } finally {
    await githubWorld.close()
  }
})
