/**
 * The login command's real collaborators: the terminal prompt, the browser and the GitHub CLI.
 * Each degrades to "not available" instead of failing, and the command then says what to do.
 */
import { execFile, spawn } from 'node:child_process'
import { createInterface } from 'node:readline/promises'

export class PromptCancelled extends Error {
  constructor() {
    super('Cancelled.')
    this.name = 'PromptCancelled'
  }
}

/**
 * Asks on the terminal (prompts go to stderr, so stdout stays the command's report). `hidden`
 * reads in raw mode and echoes nothing. Undefined when stdin is not a terminal: nobody can answer.
 */
export async function terminalPrompt(question: string, { hidden }: { hidden: boolean }): Promise<string | undefined> {
  const { stdin, stderr } = process
  if (!stdin.isTTY) return undefined
  if (!hidden) {
    const rl = createInterface({ input: stdin, output: stderr, terminal: true })
    const closed = new Promise<never>((_, reject) => rl.once('SIGINT', () => reject(new PromptCancelled())))
    try {
      return (await Promise.race([rl.question(question), closed])).trim()
    } finally {
      rl.close()
    }
  }
  stderr.write(question)
  stdin.setRawMode(true)
  stdin.setEncoding('utf8')
  stdin.resume()
  return new Promise((resolve, reject) => {
    let value = ''
    const finish = (): void => {
      stdin.off('data', onData)
      stdin.setRawMode(false)
      stdin.pause()
      stderr.write('\n')
    }
    const onData = (chunk: string): void => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish()
          return resolve(value.trim())
        }
        if (char === '\u0003' || (char === '\u0004' && value === '')) {
          finish() // raw mode turns Ctrl-C into a character instead of SIGINT
          return reject(new PromptCancelled())
        }
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1)
        else if (char >= ' ') value += char
      }
    }
    stdin.on('data', onData)
  })
}

/**
 * Asks the desktop to open `url`: `open` on macOS, `start` on Windows, `xdg-open` elsewhere (only
 * with a display: without one, xdg-open may start a text browser that takes over the terminal).
 * True when the opener started; it never throws.
 */
export function openInBrowser(
  url: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform
): Promise<boolean> {
  let command: string
  let args: string[]
  let verbatim = false
  if (platform === 'darwin') {
    command = 'open'
    args = [url]
  } else if (platform === 'win32') {
    // `start` is a cmd built-in; its first quoted argument is a window title. Quoted, the URL's
    // & are not command separators (and it holds no quotes: URLSearchParams encodes them).
    command = 'cmd'
    args = ['/d', '/c', `start "" "${url}"`]
    verbatim = true
  } else {
    if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return Promise.resolve(false)
    command = 'xdg-open'
    args = [url]
  }
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: verbatim })
      child.once('error', () => resolve(false))
      child.once('spawn', () => {
        child.unref()
        resolve(true)
      })
    } catch {
      resolve(false)
    }
  })
}

/** `gh auth token --hostname HOST`, or undefined when gh is missing, logged out or slow. */
export function ghAuthToken(hostname: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    try {
      execFile(
        'gh',
        ['auth', 'token', '--hostname', hostname],
        { timeout: 10_000, windowsHide: true },
        (error, stdout) => {
          const token = String(stdout).trim()
          resolve(error || token === '' || /\s/.test(token) ? undefined : token)
        }
      )
    } catch {
      resolve(undefined)
    }
  })
}
