/**
 * AES-256-GCM, the one authenticated encryption of the action: the hand-off (handoff.ts) and the
 * tokens the post step revokes (action/post.ts). A value that was changed, or is opened with another
 * key or other associated data, does not open: `openSealed` says so with `undefined`, never with a
 * partial plaintext.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

export const NONCE_BYTES = 12
const TAG_BYTES = 16

/** The ciphertext with its tag appended. `nonce` is for test vectors only: each seal takes a fresh one. */
export function sealBytes(
  key: Buffer,
  plaintext: Buffer,
  aad: Buffer,
  nonce: Buffer = randomBytes(NONCE_BYTES)
): { nonce: Buffer; sealed: Buffer } {
  const cipher = createCipheriv('aes-256-gcm', key, nonce)
  cipher.setAAD(aad)
  return { nonce, sealed: Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]) }
}

export function openSealed(key: Buffer, nonce: Buffer, sealed: Buffer, aad: Buffer): Buffer | undefined {
  if (nonce.length !== NONCE_BYTES || sealed.length <= TAG_BYTES) return undefined
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce)
    decipher.setAAD(aad)
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES))
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()])
  } catch {
    // a changed value, a wrong key or a wrong nonce: not authentic
  }
  return undefined
}
