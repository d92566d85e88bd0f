/**
 * The action's voice: the slice of @actions/core it uses (tests pass a recorder), wrapped so that
 * every line, error, summary and output is scrubbed of the run's credentials, and the steps that
 * come after what matters most has been reported.
 */
import { errorMessage } from '../error-text.js'
import { neutraliseCommands, type Redactor } from '../redact.js'

export interface ActionIO {
  getInput(name: string): string
  setSecret(value: string): void
  setOutput(name: string, value: string): void
  exportVariable(name: string, value: string): void
  info(message: string): void
  warning(message: string): void
  /** A notice: something the person should know that is neither wrong nor a risk. */
  notice(message: string): void
  setFailed(message: string): void
  startGroup(name: string): void
  endGroup(): void
  appendSummary(markdown: string): Promise<void>
  /** Keeps a value for this action's post step (the runner's state file). */
  saveState(name: string, value: string): void
  /** What the main step kept for the post step; '' when nothing. */
  getState(name: string): string
}

/**
 * The io, with every known credential scrubbed from what it prints, writes to the summary and
 * sets as an output: the last net under the cleaning done where server text comes in. The access
 * token itself goes out only where it must, as `access-token` and `BOX_ACCESS_TOKEN`.
 *
 * A plain log line is also kept from being read as a workflow command, whatever values it holds
 * (an input such as `environment: "##[stop-commands]x"` would otherwise stop the runner from
 * obeying the masks of the new tokens). Warnings, errors and group names need nothing: they are
 * commands themselves, whose text the runner takes as data.
 */
export function redacting(io: ActionIO, redactor: Redactor): ActionIO {
  const clean = (text: string): string => redactor.scrub(text)
  return {
    ...io,
    info: (message) => io.info(neutraliseCommands(clean(message))),
    warning: (message) => io.warning(clean(message)),
    notice: (message) => io.notice(clean(message)),
    setFailed: (message) => io.setFailed(clean(message)),
    startGroup: (name) => io.startGroup(clean(name)),
    appendSummary: (markdown) => io.appendSummary(clean(markdown)),
    setOutput: (name, value) => io.setOutput(name, name === 'access-token' ? value : clean(value)),
    exportVariable: (name, value) => io.exportVariable(name, name === 'BOX_ACCESS_TOKEN' ? value : clean(value))
  }
}

/**
 * Steps that come after what matters most has been reported (the recovery, or the access token):
 * each is tried, and a failure is collected for the final error instead of stopping the rest.
 */
export class LateSteps {
  readonly problems: string[] = []

  async attempt(what: string, step: () => void | Promise<void>): Promise<void> {
    try {
      await step()
    } catch (error) {
      this.problems.push(`${what} failed: ${errorMessage(error)}`)
    }
  }
}
