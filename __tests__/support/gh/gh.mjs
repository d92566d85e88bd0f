/**
 * The stand-in `gh` (see ./gh). It understands only the command the action prints:
 *
 *   gh api --method PUT [--hostname HOST] PATH --input -
 *
 * and sends stdin as the body to STAND_IN_GH_API (github.com) or to the base URL that
 * STAND_IN_GH_HOSTS (JSON: host → base URL) gives for HOST, with GH_TOKEN, as gh does. Anything
 * else (an argument split or joined by bad quoting, an unknown flag) exits 2 with the reason, so a
 * command that would not work with the real gh fails here too.
 */
const args = process.argv.slice(2)
const fail = (message, code = 2) => {
  process.stderr.write(`stand-in gh: ${message}\n`)
  process.exit(code)
}
if (args[0] !== 'api') fail(`expected "api", got ${JSON.stringify(args)}`)
let method
let hostname
let path
let input
for (let i = 1; i < args.length; i++) {
  const arg = args[i]
  if (arg === '--method') method = args[++i]
  else if (arg === '--hostname') hostname = args[++i]
  else if (arg === '--input') input = args[++i]
  else if (arg.startsWith('-')) fail(`unknown flag ${arg}`)
  else if (path === undefined) path = arg
  else fail(`a second path argument ${JSON.stringify(arg)}: the command was split where it should not be`)
}
if (method !== 'PUT' || input !== '-' || path === undefined || !path.startsWith('/'))
  fail(`not the recovery command: ${JSON.stringify(args)}`)
const hosts = JSON.parse(process.env.STAND_IN_GH_HOSTS ?? '{}')
const base = hostname === undefined ? process.env.STAND_IN_GH_API : hosts[hostname]
if (!base) fail(`no API known for host ${hostname ?? 'github.com'}`)
const token = process.env.GH_TOKEN
if (!token) fail('GH_TOKEN is not set', 4)

const chunks = []
for await (const chunk of process.stdin) chunks.push(chunk)
const body = Buffer.concat(chunks).toString('utf8')
try {
  JSON.parse(body)
} catch {
  fail(`stdin is not JSON: the echoed payload was mangled (${body.length} bytes)`)
}
const response = await fetch(base + path, {
  method,
  headers: {
    authorization: `token ${token}`,
    'content-type': 'application/json',
    accept: 'application/vnd.github+json'
  },
  body
})
if (!response.ok) fail(`HTTP ${response.status}: ${await response.text()}`, 1)
