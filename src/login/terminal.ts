/**
 * The login command's output: progress and results to stdout, warnings and errors to stderr, and
 * every credential the command has seen replaced by *** on the way out, in each form a server might
 * have echoed it (the same redactor the action uses).
 */
import { Redactor } from '../redact.js'

export class Terminal {
  constructor(
    private readonly out: (text: string) => void,
    private readonly err: (text: string) => void,
    /** Knows every credential the command has seen; also cleans what servers send. */
    readonly redactor = new Redactor()
  ) {}

  /** From now on `value` never appears in anything this terminal writes. */
  redact(value: string | undefined): void {
    this.redactor.add(value)
  }

  info(text = ''): void {
    this.out(this.redactor.scrub(text) + '\n')
  }

  warn(text: string): void {
    this.err(this.redactor.scrub(text) + '\n')
  }
}
