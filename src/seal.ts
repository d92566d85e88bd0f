/**
 * libsodium sealed boxes, as GitHub requires for secret values. Standard padded base64 both ways:
 * libsodium-wrappers defaults to URL-safe base64 without padding, which GitHub rejects.
 */

export interface SealedSecret {
  /** Base64 (ORIGINAL variant) of crypto_box_seal(value, public key); only GitHub can open it. */
  encryptedValue: string
  keyId: string
}

export interface PublicKey {
  keyId: string
  /** Base64 as GitHub returns it. */
  key: string
}

export interface Sealer {
  seal(value: string, publicKey: PublicKey): SealedSecret
  /** Throws when the key is not a 32-byte base64 Curve25519 key, so a bad key fails before Box is called. */
  check(publicKey: PublicKey): void
}

let loading: Promise<Sealer> | undefined

/**
 * Loaded on demand (the module is large and its WebAssembly takes a moment to start), so the
 * caller can start this while its first requests are in flight. Memoised: one load per process.
 *
 * The load waits one turn of the event loop: loading takes the thread that also sends requests,
 * so requests the caller starts in the same turn (the preflight reads) leave first.
 */
export function loadSealer(): Promise<Sealer> {
  loading ??= new Promise((resolve) => setImmediate(resolve))
    .then(() => import('libsodium-wrappers'))
    .then(async ({ default: sodium }) => {
      await sodium.ready
      // The first seal runs libsodium's code for the first time and takes a few milliseconds more
      // than the next: spend them here, while the caller's requests are in flight, rather than
      // between Box's answer and the secret write. A throwaway key; nothing leaves the process.
      // Stryker disable next-line StringLiteral: the warm-up's sealed text is thrown away; any text warms up
      sodium.crypto_box_seal(sodium.from_string('warm-up'), sodium.crypto_box_keypair().publicKey)
      const ORIGINAL = sodium.base64_variants.ORIGINAL
      const keyBytes = (publicKey: PublicKey): Uint8Array => {
        let bytes: Uint8Array
        try {
          bytes = sodium.from_base64(publicKey.key, ORIGINAL)
        } catch {
          throw new Error(`public key ${publicKey.keyId} is not valid base64`)
        }
        if (bytes.length !== sodium.crypto_box_PUBLICKEYBYTES) {
          throw new Error(
            `public key ${publicKey.keyId} has ${bytes.length} bytes, not ${sodium.crypto_box_PUBLICKEYBYTES}`
          )
        }
        return bytes
      }
      return {
        check: (publicKey) => void keyBytes(publicKey),
        seal: (value, publicKey) => ({
          encryptedValue: sodium.to_base64(
            sodium.crypto_box_seal(sodium.from_string(value), keyBytes(publicKey)),
            ORIGINAL
          ),
          keyId: publicKey.keyId
        })
      }
    })
  return loading
}
