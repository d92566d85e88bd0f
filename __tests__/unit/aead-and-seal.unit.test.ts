/**
 * The two encryptions the action relies on, at their edges. AES-GCM (src/aead.ts), which keeps the
 * hand-off and the post step's tokens: it opens only what it sealed with a nonce of its own size,
 * and never a value that holds nothing but a tag. The libsodium sealer (src/seal.ts): `check`
 * refuses a key that sealing would fail on, so that failure comes before Box is called rather than
 * after, when the new refresh token exists only in this process.
 */
import { NONCE_BYTES, openSealed, sealBytes } from '../../src/aead.js'
import { loadSealer } from '../../src/seal.js'

const KEY = Buffer.alloc(32, 7)
const AAD = Buffer.from('bxh1.header')
const PLAINTEXT = Buffer.from('{"accessToken":"access-token-0123456789abcdef"}')

describe('openSealed', () => {
  test('opens what was sealed with a nonce of the standard size', () => {
    const { nonce, sealed } = sealBytes(KEY, PLAINTEXT, AAD)
    expect(nonce).toHaveLength(NONCE_BYTES)
    expect(openSealed(KEY, nonce, sealed, AAD)).toEqual(PLAINTEXT)
  })

  test('does not open a value sealed with a nonce of another size, although AES-GCM could', () => {
    for (const size of [8, 16]) {
      const nonce = Buffer.alloc(size, 3)
      const { sealed } = sealBytes(KEY, PLAINTEXT, AAD, nonce)
      expect(openSealed(KEY, nonce, sealed, AAD)).toBeUndefined()
    }
  })

  test('does not open a value that is only a tag, even the genuine tag of an empty plaintext', () => {
    const { nonce, sealed } = sealBytes(KEY, Buffer.alloc(0), AAD)
    expect(sealed).toHaveLength(16)
    expect(openSealed(KEY, nonce, sealed, AAD)).toBeUndefined()
  })
})

describe('the sealer', () => {
  // The sealer is built once per module load, inside the first loadSealer(): this test must be the
  // first in the file to load it, so that the check it runs is the one built here.
  test('check refuses a key of the wrong size from the first load on, and accepts a 32-byte one', async () => {
    const sealer = await loadSealer()
    expect(() => sealer.check({ keyId: '8', key: Buffer.alloc(16, 1).toString('base64') })).toThrow(
      new Error('public key 8 has 16 bytes, not 32')
    )
    expect(() => sealer.check({ keyId: '9', key: Buffer.alloc(32, 1).toString('base64') })).not.toThrow()
  })
})
