/**
 * Reading the action's inputs: each trimmed, booleans and durations in the spellings the runner
 * passes, and every problem collected, each naming its input, so that all are reported at once.
 */

export interface InputProblem {
  input: string
  message: string
}

/** Reads inputs (trimmed) and collects every problem, so that all are reported at once. */
export class InputReader {
  readonly problems: InputProblem[] = []

  constructor(private readonly getInput: (name: string) => string) {}

  readonly problem = (input: string, message: string): void => {
    this.problems.push({ input, message })
  }

  text(name: string): string {
    return this.getInput(name).trim()
  }

  /** Records `message` as a problem of `input`, when there is one. */
  check(input: string, message: string | undefined): void {
    if (message !== undefined) this.problem(input, message)
  }

  credential(name: string, whatItIs: string, emptyHint: string): string {
    const value = this.text(name)
    if (value === '') this.problem(name, `is empty. ${emptyHint}`)
    else if (/\s/.test(value))
      this.problem(
        name,
        `contains white space, so it was probably pasted with extra text. Store ${whatItIs} alone in the secret.`
      )
    return value
  }

  // The same spellings the YAML 1.2 core schema accepts, as @actions/core's getBooleanInput does.
  boolean(name: string): boolean {
    const value = this.text(name)
    if (['true', 'True', 'TRUE'].includes(value)) return true
    if (!['false', 'False', 'FALSE', ''].includes(value))
      this.problem(name, `must be \`true\` or \`false\`, not "${value}".`)
    return false
  }

  /** Milliseconds, from a number of seconds within [min, max]; the fallback when empty or wrong. */
  seconds(name: string, fallback: number, min: number, max: number): number {
    const value = this.text(name)
    if (value === '') return fallback * 1000
    const seconds = Number(value)
    if (!Number.isFinite(seconds) || seconds < min || seconds > max) {
      this.problem(name, `must be a number of seconds from ${min} to ${max}, not "${value}".`)
      return fallback * 1000
    }
    return seconds * 1000
  }
}
