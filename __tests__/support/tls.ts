/** TLS for tests: throwaway certificates and an https front for the simulator's plain-http Box. */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface SeenRequest {
  method: string
  path: string
  authorization?: string
}

export interface HttpsFront {
  /** `127.0.0.1:PORT`, the value for the collection variable `api.box.com`. */
  host: string
  seen: SeenRequest[]
  close(): Promise<void>
}

export interface Certificate {
  dir: string
  certFile: string
  key: Buffer
  cert: Buffer
}

/** A throwaway self-signed certificate (for 127.0.0.1 unless a host name is given), made with openssl. */
export async function makeCertificate(hostName?: string): Promise<Certificate> {
  const dir = await mkdtemp(join(tmpdir(), 'box-token-refresh-tls-'))
  const keyFile = join(dir, 'key.pem')
  const certFile = join(dir, 'cert.pem')
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      `/CN=${hostName ?? '127.0.0.1'}`,
      '-addext',
      `subjectAltName=${hostName ? `DNS:${hostName}` : 'IP:127.0.0.1'}`
    ],
    { stdio: 'ignore' }
  )
  return { dir, certFile, key: readFileSync(keyFile), cert: readFileSync(certFile) }
}

/** An https server on 127.0.0.1 that records each request and forwards it to the simulator's Box. */
export async function startHttpsFront(target: string, tls: Certificate): Promise<HttpsFront> {
  const seen: SeenRequest[] = []
  const server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    seen.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization })
    const upstream = http.request(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on('error', () => {
      res.writeHead(502)
      res.end()
    })
    req.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
