/**
 * The inputs of client credentials and JWT, the modes in which Box mints an access token for a
 * server (mint.ts): whom the token acts as, the app's credentials (`client-id` and
 * `client-secret`, or the app's JSON config), and whether the post step revokes the token.
 *
 * The JWT config is read by code that is loaded only in JWT mode: a rotation never loads it. Every
 * value in the config is masked the moment it is read, refused or not.
 */
import type { JwtConfig } from '../box/jwt-config.js'
import { SUBJECT_TYPES, type BoxSubject } from '../box/subject.js'
import { isBoxId } from '../names.js'
import type { InputReader } from './input-reader.js'

export type MintCredentials = { mode: 'ccg'; clientId: string; clientSecret: string } | { mode: 'jwt'; jwt: JwtConfig }

export interface MintInputs {
  credentials: MintCredentials
  subject: BoxSubject
  /** Revoke the tokens when the job ends (the post step); `revoke` unless it says `false`. */
  revoke: boolean
}

export async function readMintInputs(
  inputs: InputReader,
  mode: 'ccg' | 'jwt',
  mask: (value: string) => void
): Promise<MintInputs> {
  const credentials: MintCredentials =
    mode === 'ccg'
      ? {
          mode,
          clientId: inputs.credential(
            'client-id',
            'the client ID',
            "Pass your Box app's client ID (Developer Console → your app → Configuration)."
          ),
          clientSecret: inputs.credential(
            'client-secret',
            'the client secret',
            "Pass your Box app's client secret, e.g. `${{ secrets.BOX_CLIENT_SECRET }}`."
          )
        }
      : { mode, jwt: await readJwt(inputs, mask) }
  return {
    credentials,
    subject: readSubject(inputs, mode, credentials.mode === 'jwt' ? credentials.jwt?.enterpriseId : undefined),
    revoke: inputs.text('revoke') === '' ? true : inputs.boolean('revoke')
  }
}

/** `jwt-config`, read by the JWT module, loaded here and only here; every problem names its field. */
async function readJwt(inputs: InputReader, mask: (value: string) => void): Promise<JwtConfig> {
  const { readJwtConfig } = await import('../box/jwt-grant.js')
  const reading = readJwtConfig(inputs.text('jwt-config'))
  for (const value of reading.masked) mask(value)
  if ('config' in reading) return reading.config
  for (const problem of reading.problems) inputs.problem('jwt-config', problem)
  return undefined as unknown as JwtConfig // refused: the InputError is thrown before it is used
}

/**
 * Whom the token acts as. Client credentials: `box-subject-type` and `box-subject-id`, both
 * required. JWT: the config's enterprise unless `box-subject-type: user` names a user.
 */
function readSubject(inputs: InputReader, mode: 'ccg' | 'jwt', enterpriseId: string | undefined): BoxSubject {
  const typeText = inputs.text('box-subject-type')
  const id = inputs.text('box-subject-id')
  if (typeText !== '' && !SUBJECT_TYPES.includes(typeText as BoxSubject['type'])) {
    inputs.problem(
      'box-subject-type',
      `must be \`enterprise\` (the app's service account) or \`user\` (one managed user), not "${typeText}".`
    )
  }
  const type: BoxSubject['type'] = typeText === 'user' ? 'user' : 'enterprise'
  if (mode === 'ccg' && typeText === '') {
    inputs.problem(
      'box-subject-type',
      "is empty: say whom the token acts as, `enterprise` (the app's service account) or `user`."
    )
  }
  const needsId = mode === 'ccg' || type === 'user'
  if (id === '' && needsId) {
    inputs.problem(
      'box-subject-id',
      type === 'user'
        ? 'is empty: give the ID of the user the token acts as (Admin Console → Users; digits).'
        : 'is empty: give your enterprise ID (Developer Console → your app → General Settings; digits).'
    )
  } else if (id !== '' && !isBoxId(id)) {
    inputs.problem('box-subject-id', 'must be a Box ID: digits only, as Box shows it.')
  }
  return { type, id: id !== '' ? id : (enterpriseId ?? '') }
}
