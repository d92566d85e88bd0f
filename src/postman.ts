/**
 * The Postman environment file newman reads. It carries only what lets the Box collections call
 * the API: the access token, a future `expires_at` and `box_env_type` BEARER. It never carries
 * the refresh token or the client secret: with those absent neither the classic nor the advanced
 * collection can refresh on its own and burn the single-use refresh token inside newman.
 */
import { randomUUID } from 'node:crypto'
import { constants } from 'node:fs'
import { access, chmod, rename, stat, writeFile } from 'node:fs/promises'
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
    throw new Error(`\`postman-environment\`: the folder ${folder} does not exist. Create it in an earlier step (mkdir -p) or choose a path in the workspace.`)
  }
  if ((await stat(file).catch(() => undefined))?.isDirectory()) {
    throw new Error(`\`postman-environment\`: ${file} is a folder. Give a file path, e.g. box.postman_environment.json.`)
  }
  await access(folder, constants.W_OK).catch(() => {
    throw new Error(`\`postman-environment\`: the folder ${folder} is not writable by this step. Choose a path in the workspace or RUNNER_TEMP.`)
  })
}

/** Written beside the target and renamed over it, so the file is never readable by others, even briefly. */
export async function writePostmanEnvironment(file: string, environment: PostmanEnvironment): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`)
  await writeFile(temporary, JSON.stringify(environment, null, 2) + '\n', { mode: 0o600 })
  await chmod(temporary, 0o600)
  await rename(temporary, file)
}
