/**
 * The access token handed to the steps that use it: the outputs, `BOX_ACCESS_TOKEN`, the Postman
 * environment file (the same for the run that rotated and for a job that opened its hand-off), and
 * to later jobs of the run: the sealed `handoff` output.
 */
import { sealHandoff } from '../handoff.js'
import type { RotationConfig } from './inputs.js'
import type { ActionIO, LateSteps } from './io.js'
import { postmanEnvironment, writePostmanEnvironment } from './postman.js'

export interface AccessToken {
  accessToken: string
  expiresAt: Date
  /** Seconds, as Box said (within the range the action believes). */
  expiresIn: number
  /** When the refresh token stored by the rotating run expires unless it is used (OAuth 2.0 only). */
  refreshTokenExpiresAt?: Date
}

/** Sets the outputs and writes the Postman file; returns the file's path when it was written. */
export async function handOutAccessToken(
  io: ActionIO,
  config: Pick<RotationConfig, 'exportEnv' | 'postmanEnvironment'>,
  token: AccessToken,
  steps: LateSteps
): Promise<string | undefined> {
  await steps.attempt('Setting the outputs', () => {
    io.setOutput('access-token', token.accessToken)
    io.setOutput('expires-in', String(token.expiresIn))
    io.setOutput('expires-at', token.expiresAt.toISOString())
    if (token.refreshTokenExpiresAt) io.setOutput('refresh-token-expires-at', token.refreshTokenExpiresAt.toISOString())
    if (config.exportEnv) io.exportVariable('BOX_ACCESS_TOKEN', token.accessToken)
  })
  const postmanPath = config.postmanEnvironment
  if (postmanPath === undefined) return undefined
  let written: string | undefined
  await steps.attempt(`Writing the Postman environment file ${postmanPath}`, async () => {
    await writePostmanEnvironment(postmanPath, postmanEnvironment(token.accessToken, token.expiresAt))
    io.setOutput('postman-environment', postmanPath)
    written = postmanPath
  })
  return written
}

/**
 * The `handoff` output, when the job was given `handoff-key`: the access token sealed for later
 * jobs of this run. Without the key there is no hand-off (the envelope is printed in every
 * consuming job's log, so only a key of its own may seal it). Returns a warning when the key was
 * given but the runner names no run to bind the hand-off to.
 */
export async function handOff(
  io: ActionIO,
  config: Pick<RotationConfig, 'handoffKey' | 'run'>,
  token: AccessToken,
  steps: LateSteps
): Promise<string | undefined> {
  const { handoffKey, run } = config
  if (handoffKey === undefined) return undefined
  if (run === undefined) {
    return (
      '`handoff-key` is set, but the runner gave no GITHUB_REPOSITORY and GITHUB_RUN_ID to bind a hand-off to, ' +
      'so there is no `handoff` output.'
    )
  }
  const binding = { repository: `${run.repository.owner}/${run.repository.repo}`, runId: run.id }
  const sealable = {
    ...token,
    expiresAt: token.expiresAt.getTime(),
    refreshTokenExpiresAt: token.refreshTokenExpiresAt?.getTime() ?? 0
  }
  await steps.attempt('Setting the `handoff` output', () =>
    io.setOutput('handoff', sealHandoff(sealable, handoffKey, binding))
  )
  return undefined
}
