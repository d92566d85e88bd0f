/**
 * The access token handed to the steps that use it: the outputs, `BOX_ACCESS_TOKEN`, the Postman
 * environment file. The same for the run that rotated and for a run that opened its hand-off.
 */
import type { Config } from './inputs.js'
import type { ActionIO, LateSteps } from './io.js'
import { postmanEnvironment, writePostmanEnvironment } from './postman.js'

export interface AccessToken {
  accessToken: string
  expiresAt: Date
  /** Seconds, as Box said (within the range the action believes). */
  expiresIn: number
  /** When the refresh token stored by the rotating run expires unless it is used. */
  refreshTokenExpiresAt: Date
}

/** Sets the outputs and writes the Postman file; returns the file's path when it was written. */
export async function handOutAccessToken(
  io: ActionIO,
  config: Pick<Config, 'exportEnv' | 'postmanEnvironment'>,
  token: AccessToken,
  steps: LateSteps
): Promise<string | undefined> {
  await steps.attempt('Setting the outputs', () => {
    io.setOutput('access-token', token.accessToken)
    io.setOutput('expires-in', String(token.expiresIn))
    io.setOutput('expires-at', token.expiresAt.toISOString())
    io.setOutput('refresh-token-expires-at', token.refreshTokenExpiresAt.toISOString())
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
