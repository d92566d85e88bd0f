/**
 * What a person does with a printed recovery command: copy it from the log and paste it into
 * bash, with the GitHub CLI logged in or GH_TOKEN set. Here `gh` is the stand-in in ./gh, which
 * accepts only the exact command the action prints and sends it to the simulator, so a command
 * that bash would split, join or choke on fails the test as it would fail the person. The
 * simulator listens on a port of its own, as a GitHub Enterprise Server may, which `gh` cannot
 * name: there the action prints a `curl` command, and the real curl runs it.
 */
import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Simulator } from '../simulator/index.js'

const STAND_IN_DIR = join(dirname(fileURLToPath(import.meta.url)), 'gh')

/** The two forms of the printed command: `gh api` (github.com, and GHES without a port), and curl. */
export const GH_COMMAND = /^echo '.*' \| gh api --method PUT .* --input -$/
export const CURL_COMMAND =
  /^: "\$\{GH_TOKEN:\?[^}]*\}" && printf .* \| curl --config - .* --request PUT .* --data-binary '.*' \S+$/

/** Either form of the command, anywhere in a text (a log line, an error, the summary). */
export const RECOVERY_COMMAND =
  /echo '\{.*\}' \| gh api --method PUT |\| curl --config - .* --request PUT .* --data-binary '\{/

/** The JSON body the first printed command in a text sends: what gh's form echoes, or curl's `--data-binary`. */
export function commandBody(text: string): string | undefined {
  return /(?:echo|--data-binary) '(\{[^']*\})'/.exec(text)?.[1]
}

/** Every distinct recovery command in a log (raw lines, or the %0A-encoded lines of ::error::). */
export function printedRecoveryCommands(log: string): string[] {
  const lines = log.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%').split(/\r?\n/)
  const commands = lines.map((line) => line.trim()).filter((line) => GH_COMMAND.test(line) || CURL_COMMAND.test(line))
  return [...new Set(commands)]
}

/** The lines of the write-ahead group (between ::group:: and ::endgroup::), or [] when there is none. */
export function writeAheadGroup(stdout: string): string[] {
  const lines = stdout.split(/\r?\n/)
  const start = lines.findIndex((line) => line.startsWith('::group::Recovery payload'))
  if (start < 0) return []
  const end = lines.indexOf('::endgroup::', start)
  return lines.slice(start, end < 0 ? undefined : end + 1)
}

/** Runs `command` with `bash -c` and the stand-in gh first on PATH; resolves with its exit code and output. */
export function pasteIntoBash(
  command: string,
  sim: Simulator,
  token: string,
  hosts: Record<string, string> = { '127.0.0.1': sim.githubApiUrl }
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', command], {
      env: {
        PATH: `${STAND_IN_DIR}:${process.env.PATH ?? '/usr/bin:/bin'}`,
        GH_TOKEN: token,
        STAND_IN_GH_API: sim.githubApiUrl,
        STAND_IN_GH_HOSTS: JSON.stringify(hosts)
      },
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, stderr }))
  })
}

/** Pastes every command; throws with gh's complaint when one fails. */
export async function pasteAll(
  commands: string[],
  sim: Simulator,
  token: string,
  hosts: Record<string, string> = { '127.0.0.1': sim.githubApiUrl }
): Promise<void> {
  if (commands.length === 0) throw new Error('no recovery command was printed')
  for (const command of commands) {
    const { code, stderr } = await pasteIntoBash(command, sim, token, hosts)
    if (code !== 0) throw new Error(`pasting the recovery command failed (${code}): ${stderr}`)
  }
}
