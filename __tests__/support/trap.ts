/**
 * Another "host" for tests that must prove nothing reaches where it should not: a server on another
 * loopback port that records every request and answers 404. A redirect "to another host" points
 * here, and so does every address a tool under test might otherwise call on the internet.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Trap {
  url: string
  /** `METHOD /path?query` of every request that reached the trap. */
  hits: string[]
  close(): Promise<void>
}

export async function startTrap(): Promise<Trap> {
  const hits: string[] = []
  const server = http.createServer((req, res) => {
    hits.push(`${req.method ?? ''} ${req.url ?? ''}`)
    res.writeHead(404, { 'content-type': 'application/json' })
    res.end('{}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}
