/**
 * `--handoff-key-secret NAME`: a fresh hand-off key for the action's `handoff-key`, stored by the
 * login next to the refresh token, in the same places, with the same secret writer. The key is
 * made here from 32 random bytes and goes from this process only sealed, into the secret; it is
 * never printed. Unlike the refresh token it can always be made again, so a key that could not be
 * stored costs a command, never the token chain.
 */
import { randomBytes } from 'node:crypto'
import { HANDOFF_KEY_BYTES } from '../handoff.js'
import { commandLines, type RecoveryPayload } from '../recovery.js'
import type { TargetResult } from '../github/secret-writer.js'
import { secretTargets, type SecretTarget, type TargetSelection } from '../github/targets.js'

/** What to do when a key cannot be sealed (or stored): make another; it costs nothing. */
export const HANDOFF_KEY_REMEDY =
  'make another key with `openssl rand -base64 32` and store it as that secret (docs/many-jobs.md)'

/** A new key, as `openssl rand -base64 32` would print one: what `handoff-key` takes. */
export function newHandoffKey(): string {
  return randomBytes(HANDOFF_KEY_BYTES).toString('base64')
}

/** The same places the refresh token goes (scope, environment, Dependabot), under the key's name. */
export function handoffKeyTargets(selection: TargetSelection, name: string): SecretTarget[] {
  return secretTargets({ ...selection, secretName: name })
}

/** Printed with the refresh token's sealed copy, before any write. */
export function handoffKeyWriteAhead(payloads: RecoveryPayload[]): string {
  return [
    'A new hand-off key was made for `handoff-key` and sealed the same way. If it is not reported stored below, run ' +
      'these commands to store it:',
    ...commandLines(payloads)
  ].join('\n')
}

/** What a person must be told when the key was not stored; undefined when every write landed. */
export function handoffKeyFailure(results: TargetResult[]): string | undefined {
  const failed = results.flatMap((r) => (r.outcome === 'failed' ? [r] : []))
  if (failed.length === 0) return undefined
  const payloads = failed.flatMap((f) => (f.recovery ? [f.recovery] : []))
  return [
    'The hand-off key was not stored (the refresh token is not affected by this):',
    ...failed.map((f) => `  ${f.message}`),
    ...(payloads.length > 0
      ? ['Store it with these commands (the key is sealed: only GitHub can open it):', ...commandLines(payloads)]
      : []),
    `Or ${HANDOFF_KEY_REMEDY}.`
  ].join('\n')
}

/** What the workflows need once the key is stored. */
export function handoffKeyUsage(name: string, stored: string): string {
  return (
    `The hand-off key is stored in the ${stored}. Give the rotating job and every job that takes its hand-off ` +
    `\`handoff-key: \${{ secrets.${name} }}\` (docs/many-jobs.md).`
  )
}
