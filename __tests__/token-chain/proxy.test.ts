/**
 * Self-hosted runners behind a proxy: the Box refresh must go through https_proxy (Node's own
 * fetch ignores it). A CONNECT proxy on 127.0.0.1 tunnels `box.test:443` to an https front of the
 * simulator's Box, whose certificate the action trusts through NODE_EXTRA_CA_CERTS.
 */
import { rm } from 'node:fs/promises'
import http from 'node:http'
import net, { type AddressInfo } from 'node:net'
import { makeCertificate, startHttpsFront, type Certificate, type HttpsFront } from '../support/tls.js'
import { createWorld, SECRET, type World } from '../support/world.js'
import { runAction } from '../support/harness.js'

let world: World
let tls: Certificate
let front: HttpsFront
let proxy: http.Server
const tunnels: string[] = []

beforeAll(async () => {
  world = await createWorld()
  tls = await makeCertificate('box.test')
  front = await startHttpsFront(world.sim.boxUrl, tls)
  proxy = http.createServer((_req, res) => res.writeHead(405).end())
  proxy.on('connect', (req, client: net.Socket, head: Buffer) => {
    tunnels.push(req.url ?? '')
    // Whatever host was asked for, the tunnel ends at the https front.
    const upstream = net.connect(Number(front.host.split(':')[1]), '127.0.0.1', () => {
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
  await front.close()
  await world.close()
  await rm(tls.dir, { recursive: true, force: true })
})

test('the Box refresh goes through https_proxy; GitHub on loopback bypasses it', async () => {
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`
  const run = await runAction(world.inputs({ 'box-api-url': 'https://box.test' }), {
    env: world.env({ https_proxy: proxyUrl, HTTPS_PROXY: proxyUrl, NODE_EXTRA_CA_CERTS: tls.certFile })
  })
  expect(run.stdout + run.stderr).not.toMatch(/::error::/)
  expect(run.code).toBe(0)
  expect(tunnels).toEqual(['box.test:443'])
  expect(front.seen.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /oauth2/token'])
  expect(world.sim.github.getSecret(world.scope, SECRET)?.plaintext).toBe(world.sim.box.issued[0].refreshToken)
})
