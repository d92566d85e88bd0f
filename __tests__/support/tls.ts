/** TLS for tests: throwaway certificates and an https front for the simulator's plain-http Box. */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import http from 'node:http'
import https from 'node:https'
import { isIP, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface SeenRequest {
  method: string
  path: string
  authorization?: string
}

export interface HttpsFront {
  /** `ADDRESS:PORT` (e.g. the value for the collection variable `api.box.com`). */
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

/** A throwaway self-signed certificate (for 127.0.0.1 unless a host name or IP address is given), made with openssl. */
export async function makeCertificate(hostName?: string): Promise<Certificate> {
  const subjectAltName = hostName === undefined ? 'IP:127.0.0.1' : `${isIP(hostName) ? 'IP' : 'DNS'}:${hostName}`
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
      `subjectAltName=${subjectAltName}`
    ],
    { stdio: 'ignore' }
  )
  return { dir, certFile, key: readFileSync(keyFile), cert: readFileSync(certFile) }
}

/**
 * An https server that records each request and forwards it to `target` (one of the simulator's
 * services), on 127.0.0.1 and a free port unless `listen` says where.
 */
export async function startHttpsFront(
  target: string,
  tls: Certificate,
  listen: { address: string; port: number } = { address: '127.0.0.1', port: 0 }
): Promise<HttpsFront> {
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
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(listen.port, listen.address, resolve)
  })
  return {
    host: `${listen.address}:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
