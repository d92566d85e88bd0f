import sodium from 'libsodium-wrappers'
import { loadSealer } from '../../src/seal.js'

// GitHub's pattern for encrypted_value: standard base64 with padding.
const githubBase64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/

beforeAll(() => sodium.ready)

test('seals a value that only the private key opens, in standard padded base64', async () => {
  const keys = sodium.crypto_box_keypair()
  const publicKey = {
    keyId: '568250167242549743',
    key: sodium.to_base64(keys.publicKey, sodium.base64_variants.ORIGINAL)
  }
  const sealer = await loadSealer()
  // Enough values that URL-safe characters or missing padding would show up if the variant were wrong.
  for (let i = 0; i < 50; i++) {
    const value = `refresh-${i}-${'x'.repeat(i)}`
    const sealed = sealer.seal(value, publicKey)
    expect(sealed.keyId).toBe(publicKey.keyId)
    expect(sealed.encryptedValue).toMatch(githubBase64)
    const opened = sodium.crypto_box_seal_open(
      sodium.from_base64(sealed.encryptedValue, sodium.base64_variants.ORIGINAL),
      keys.publicKey,
      keys.privateKey
    )
    expect(sodium.to_string(opened)).toBe(value)
  }
})

test('sealing twice gives different ciphertexts (ephemeral keys)', async () => {
  const keys = sodium.crypto_box_keypair()
  const publicKey = { keyId: '1', key: sodium.to_base64(keys.publicKey, sodium.base64_variants.ORIGINAL) }
  const sealer = await loadSealer()
  expect(sealer.seal('same', publicKey).encryptedValue).not.toBe(sealer.seal('same', publicKey).encryptedValue)
})

test('check() refuses keys that would fail after the refresh', async () => {
  const sealer = await loadSealer()
  expect(() => sealer.check({ keyId: '7', key: 'not base64!' })).toThrow(/key 7 is not valid base64/)
  expect(() => sealer.check({ keyId: '8', key: Buffer.alloc(16).toString('base64') })).toThrow(/16 bytes, not 32/)
  expect(() => sealer.check({ keyId: '9', key: Buffer.alloc(32, 1).toString('base64') })).not.toThrow()
})

test('loading is memoised', () => {
  expect(loadSealer()).toBe(loadSealer())
})
