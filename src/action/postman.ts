/**
 * The Postman environment file newman reads. It carries only what lets the Box collections call
 * the API: the access token, a future `expires_at` and `box_env_type` BEARER. It never carries
 * the refresh token or the client secret: with those absent neither the classic nor the advanced
 * collection can refresh on its own and burn the single-use refresh token inside newman.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { constants } from 'node:fs'
import { access, open, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'

export interface PostmanEnvironment {
  id: string
  name: string
  values: Array<{ key: string; value: string | number; type: 'default' | 'secret'; enabled: true }>
  _postman_variable_scope: 'environment'
}

export function postmanEnvironment(accessToken: string, expiresAt: Date): PostmanEnvironment {
  return {
    id: randomUUID(),
    name: 'Box (box-token-refresh)',
    values: [
      { key: 'access_token', value: accessToken, type: 'secret', enabled: true },
      // Epoch milliseconds as a number: the classic collection treats "" as an error and 0 as expired.
      { key: 'expires_at', value: expiresAt.getTime(), type: 'default', enabled: true },
      { key: 'box_env_type', value: 'BEARER', type: 'default', enabled: true }
    ],
    _postman_variable_scope: 'environment'
  }
}

/** Checked before Box is called, so a bad path cannot fail the run after the token was used. */
export async function checkPostmanPath(file: string): Promise<void> {
  const folder = path.dirname(file)
  const folderStat = await stat(folder).catch(() => undefined)
  if (!folderStat?.isDirectory()) {
    throw new Error(
      `\`postman-environment\`: the folder ${folder} does not exist. Create it in an earlier step (mkdir -p) or ` +
        `choose a path in the workspace.`
    )
  }
  if ((await stat(file).catch(() => undefined))?.isDirectory()) {
    throw new Error(
      `\`postman-environment\`: ${file} is a folder. Give a file path, e.g. box.postman_environment.json.`
    )
  }
  await access(folder, constants.W_OK).catch(() => {
    throw new Error(
      `\`postman-environment\`: the folder ${folder} is not writable by this step. Choose a path in the workspace ` +
        `or RUNNER_TEMP.`
    )
  })
}

/**
 * Written to a new file beside the target and renamed over it, so the file is never readable by
 * others, even briefly. The temporary name is random and created exclusively without following a
 * link: a file or symlink planted there in advance makes the write fail instead of redirecting it.
 * A failed write leaves no temporary file behind.
 */
export async function writePostmanEnvironment(
  file: string,
  environment: PostmanEnvironment,
  randomName: () => string = () => randomBytes(12).toString('hex')
): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomName()}.tmp`)
  const handle = await open(
    temporary,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
    0o600
  )
  try {
    try {
      await handle.writeFile(JSON.stringify(environment, null, 2) + '\n')
      // The mode given to open() is narrowed by the umask, never widened; this makes it exact.
      await handle.chmod(0o600)
    } finally {
      await handle.close()
    }
    await rename(temporary, file)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}
