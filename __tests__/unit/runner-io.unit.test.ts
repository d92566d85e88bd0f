/**
 * runner-io.ts speaks for the action instead of @actions/core's index (toolkit-io.ts, which goes
 * through that index, is the reference): for every call, both must give the runner the same bytes,
 * on stdout and in the file commands, with the same escaping of `%`, `\r` and `\n` and the same
 * heredoc form (its delimiter is random, so it is compared by shape).
 */
import * as core from '@actions/core'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ActionIO } from '../../src/action/io.js'
import { runnerIO } from '../../src/action/runner-io.js'
import { toolkitIO } from '../../src/action/toolkit-io.js'

const awkward = ['plain', 'a%b', 'line\r\nbreak\nand\rreturn', '::error::not a command', '%0A%25', '', ' padded ']

/** Every ActionIO call the action makes, with values that need escaping. */
async function script(io: ActionIO): Promise<void> {
  for (const value of awkward) {
    io.setSecret(value)
    io.info(value)
    io.warning(value)
    io.setFailed(value)
    io.startGroup(value)
    io.endGroup()
    io.setOutput('access-token', value)
    io.exportVariable('BOX_RUNNER_IO_TEST', value)
    await io.appendSummary(`| ${value} |\n`)
  }
}

interface Transcript {
  stdout: string
  files: Record<string, string>
  env: string | undefined
  exitCode: typeof process.exitCode
}

const FILE_COMMANDS = ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STEP_SUMMARY'] as const

// One directory for every run: @actions/core's summary keeps the path it first found.
let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'runner-io-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

/** Runs the script against emptied file commands (or none), capturing what the runner would see. */
async function transcript(io: ActionIO, withFiles: boolean): Promise<Transcript> {
  const saved = { env: { ...process.env }, exitCode: process.exitCode }
  let stdout = ''
  const write = process.stdout.write
  process.stdout.write = (chunk: string | Uint8Array): boolean => {
    stdout += String(chunk)
    return true
  }
  try {
    for (const name of FILE_COMMANDS) {
      if (withFiles) {
        process.env[name] = join(dir, name)
        await writeFile(join(dir, name), '')
      } else delete process.env[name]
    }
    process.exitCode = undefined
    await script(io)
    const files: Record<string, string> = {}
    if (withFiles)
      for (const name of FILE_COMMANDS)
        files[name] = (await readFile(join(dir, name), 'utf8')).replace(/ghadelimiter_[0-9a-f-]{36}/g, 'DELIMITER')
    return { stdout, files, env: process.env.BOX_RUNNER_IO_TEST, exitCode: process.exitCode }
  } finally {
    process.stdout.write = write
    process.env = saved.env
    process.exitCode = saved.exitCode
  }
}

test.each([
  ['with file commands', true],
  ['without file commands (an old runner)', false]
])('writes what @actions/core writes, %s', async (_, withFiles) => {
  const theirs = await transcript(toolkitIO(core), withFiles)
  const ours = await transcript(runnerIO, withFiles)
  expect(ours).toEqual(theirs)
  // The comparison means something: escaping and heredocs were exercised.
  expect(ours.stdout).toContain('::add-mask::a%25b')
  expect(ours.stdout).toContain('::error::line%0D%0Abreak%0Aand%0Dreturn')
  expect(ours.exitCode).toBe(1)
  if (withFiles) expect(ours.files.GITHUB_OUTPUT).toContain('access-token<<DELIMITER')
})

test('reads an input as @actions/core does: INPUT_ and the name in capitals, spaces as _, trimmed', () => {
  const saved = { ...process.env }
  try {
    process.env['INPUT_CLIENT-ID'] = '  id  '
    process.env.INPUT_SOME_NAME = 'x'
    for (const name of ['client-id', 'some name', 'missing']) expect(runnerIO.getInput(name)).toBe(core.getInput(name))
    expect(runnerIO.getInput('client-id')).toBe('id')
  } finally {
    process.env = saved
  }
})
