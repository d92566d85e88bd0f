/**
 * How the runner reads a step's output, ported from actions/runner so that tests can ask the
 * runner's own question of every line the action prints: is it a workflow command?
 *
 * - src/Runner.Sdk/ProcessInvoker.cs reads the output with StreamReader.ReadLine: lines end at
 *   \n, \r or \r\n.
 * - src/Runner.Common/ActionCommand.cs: `TryParseV2` takes a line that starts with `::` after
 *   TrimStart (.NET white space); `TryParse` takes the first `##[` anywhere in a line. Either
 *   needs the command name to be registered (case-insensitive).
 * - src/Runner.Worker/ActionCommandManager.cs: `stop-commands` pauses every command until a line
 *   with the token as its command; meanwhile an `::add-mask::` line is printed as it is, in clear.
 */

/** The commands the runner registers (ActionCommandManager and its extensions). */
const REGISTERED = [
  'stop-commands',
  'add-mask',
  'add-matcher',
  'remove-matcher',
  'add-path',
  'debug',
  'echo',
  'save-state',
  'set-env',
  'set-output',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup'
]

/** .NET's Char.IsWhiteSpace, which String.TrimStart uses. */
const DOTNET_LEADING_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/

export interface ParsedCommand {
  command: string
  data: string
}

/** The runner's lines of an output, as ReadLine splits them. */
export function runnerLines(output: string): string[] {
  return output.split(/\r\n|\r|\n/)
}

/** The command the runner reads in one line, or undefined; `registered` as the runner holds it. */
export function parseCommand(line: string, registered: Set<string> = new Set(REGISTERED)): ParsedCommand | undefined {
  const known = (name: string): boolean => registered.has(name.toLowerCase())
  const v2 = line.replace(DOTNET_LEADING_SPACE, '')
  if (v2.startsWith('::')) {
    const end = v2.indexOf('::', 2)
    if (end >= 0) {
      const info = v2.slice(2, end)
      const command = info.split(' ')[0]!
      if (known(command)) return { command: command.toLowerCase(), data: v2.slice(end + 2) }
    }
  }
  const prefix = line.indexOf('##[')
  if (prefix < 0) return undefined
  const bracket = line.indexOf(']', prefix)
  if (bracket < 0) return undefined
  const command = line.slice(prefix + 3, bracket).split(' ')[0]!
  return known(command) ? { command: command.toLowerCase(), data: line.slice(bracket + 1) } : undefined
}

/**
 * The output as the runner processes it: each command it obeys, in order, and each `add-mask` line
 * it did not obey (so printed in clear) because commands were stopped.
 */
export function obeyedCommands(output: string): { obeyed: ParsedCommand[]; masksIgnored: string[] } {
  const registered = new Set(REGISTERED)
  const obeyed: ParsedCommand[] = []
  const masksIgnored: string[] = []
  let stopToken: string | undefined
  for (const line of runnerLines(output)) {
    const parsed = parseCommand(line, registered)
    if (parsed === undefined) continue
    if (stopToken !== undefined) {
      if (parsed.command === stopToken) {
        registered.delete(stopToken)
        stopToken = undefined
      } else if (parsed.command === 'add-mask') masksIgnored.push(parsed.data)
      continue
    }
    obeyed.push(parsed)
    if (parsed.command === 'stop-commands') {
      stopToken = parsed.data.toLowerCase()
      registered.add(stopToken)
    }
  }
  return { obeyed, masksIgnored }
}
