/**
 * Every token Box issued, by any grant, and whether it still works: expiry on Box's clock, a
 * refresh token's single use, revocation. The grants decide what to issue; this is their record,
 * which tests read to ask what a token is (`BoxIssuedToken`) and what became of it (`revocations`).
 */
import type { BoxSubject } from './box-directory.js'
import { randomAlnum } from './random.js'

/** A grant by its `grant_type` (the URN ones by their last part). */
export type BoxGrant = 'refresh_token' | 'authorization_code' | 'client_credentials' | 'jwt-bearer' | 'token-exchange'

/** A file or folder a downscoped token is restricted to (`resource` of the token exchange). */
export interface BoxResource {
  type: 'file' | 'folder'
  id: string
}

/** One access token Box issued. */
export interface BoxIssuedToken {
  accessToken: string
  /** The refresh token issued with it: refresh and authorization-code grants only. */
  refreshToken?: string
  grant: BoxGrant
  clientId: string
  /** Whom a CCG or JWT token acts as; a downscoped token keeps its parent's; absent for OAuth tokens. */
  subject?: BoxSubject
  /** The Box user GET /2.0/users/me answers with. */
  userId: string
  scopes: string[]
  /** A downscoped token: the access token it was exchanged for (`subject_token`). */
  parent?: string
  /** A downscoped token: the one file or folder it may reach. */
  resource?: BoxResource
  /** A downscoped token: the shared link it was restricted to (`box_shared_link`). */
  sharedLink?: string
  /** When Box issued it, on Box's clock. */
  issuedAt: number
  expiresIn: number
  /** When it was revoked, on Box's clock. */
  revokedAt?: number
}

interface RefreshTokenState {
  clientId: string
  issuedAt: number
  consumedAt?: number
  revokedAt?: number
  /** The access token issued with it, if any (a refresh token made by `issueRefreshToken` has none). */
  accessToken?: string
  /** What the consuming refresh answered, replayed to a reuse inside the grace window. */
  answer?: unknown
}

/** One accepted POST /oauth2/revoke. */
export interface BoxRevocation {
  /** The token sent (access or refresh token; one Box never issued is accepted too). */
  token: string
  clientId: string
  /** When, on Box's clock. */
  at: number
  /** The access and refresh tokens it ended: [] when the token was unknown or already revoked. */
  ended: string[]
}

/** What `issue` needs; the ledger adds the token, the time and the lifetime. */
export type TokenGrant = Omit<BoxIssuedToken, 'accessToken' | 'refreshToken' | 'issuedAt' | 'expiresIn' | 'revokedAt'>

export class TokenLedger {
  /** Every access token issued, in order. */
  readonly issued: BoxIssuedToken[] = []
  /** Every accepted revocation, in order. */
  readonly revocations: BoxRevocation[] = []
  private readonly accessTokens = new Map<string, BoxIssuedToken>()
  private readonly refreshTokens = new Map<string, RefreshTokenState>()

  constructor(
    private readonly now: () => number,
    private readonly refreshLifetimeMs: number
  ) {}

  /** An access token only (CCG, JWT, token exchange). */
  issue(grant: TokenGrant, expiresIn: number): BoxIssuedToken {
    const token: BoxIssuedToken = { accessToken: randomAlnum(32), ...grant, issuedAt: this.now(), expiresIn }
    this.accessTokens.set(token.accessToken, token)
    this.issued.push(token)
    return token
  }

  /** An access token with its refresh token (refresh and authorization-code grants). */
  issuePair(grant: TokenGrant, expiresIn: number): BoxIssuedToken & { refreshToken: string } {
    const token = this.issue(grant, expiresIn)
    token.refreshToken = this.addRefreshToken(grant.clientId, token.issuedAt, token.accessToken)
    return token as BoxIssuedToken & { refreshToken: string }
  }

  /** A refresh token on its own, issued at `issuedAt` (Box's clock). */
  addRefreshToken(clientId: string, issuedAt: number, accessToken?: string): string {
    const token = randomAlnum(64)
    this.refreshTokens.set(token, { clientId, issuedAt, accessToken })
    return token
  }

  /** The record of an access token, valid or not; undefined for a string Box never issued. */
  token(accessToken: string): BoxIssuedToken | undefined {
    return this.accessTokens.get(accessToken)
  }

  /** The state of a refresh token (the refresh grant consumes it through this). */
  refreshToken(token: string): RefreshTokenState | undefined {
    return this.refreshTokens.get(token)
  }

  /**
   * Revokes `token` for `clientId`. An access token with a refresh token (OAuth) ends together with
   * it, and the other way round: "Revoking either one will disable the other as well" (box-node-sdk
   * persistent-session.ts). Any other access token (CCG, JWT, downscoped) ends alone: Box does not
   * document that revoking a parent ends its downscoped children, or the reverse, so neither does
   * this. A token Box never issued is accepted and ends nothing (RFC 7009 §2.2); one issued to
   * another client is not revoked ('another client', RFC 7009 §2.1).
   */
  revoke(token: string, clientId: string): BoxRevocation | 'another client' {
    const access = this.accessTokens.get(token)
    const refresh = this.refreshTokens.get(token)
    const owner = access?.clientId ?? refresh?.clientId
    if (owner !== undefined && owner !== clientId) return 'another client'
    const at = this.now()
    const ended: string[] = []
    const end = (value: string | undefined): void => {
      const state = value === undefined ? undefined : (this.accessTokens.get(value) ?? this.refreshTokens.get(value))
      if (!state || state.revokedAt !== undefined) return
      state.revokedAt = at
      ended.push(value!)
    }
    // An OAuth pair ends together, whichever of the two is sent.
    const pair = access ? [token, access.refreshToken] : refresh ? [token, refresh.accessToken] : []
    pair.forEach(end)
    const revocation = { token, clientId, at, ended }
    this.revocations.push(revocation)
    return revocation
  }

  /** Whether a revocation ended this access or refresh token. */
  isRevoked(token: string): boolean {
    return (this.accessTokens.get(token) ?? this.refreshTokens.get(token))?.revokedAt !== undefined
  }

  isAccessTokenValid(accessToken: string): boolean {
    const token = this.accessTokens.get(accessToken)
    return (
      token !== undefined && token.revokedAt === undefined && !this.isExpired(token.issuedAt, token.expiresIn * 1000)
    )
  }

  isRefreshTokenValid(token: string): boolean {
    const state = this.refreshTokens.get(token)
    return (
      state !== undefined &&
      state.consumedAt === undefined &&
      state.revokedAt === undefined &&
      !this.isRefreshTokenExpired(state)
    )
  }

  isRefreshTokenExpired(state: RefreshTokenState): boolean {
    return this.isExpired(state.issuedAt, this.refreshLifetimeMs)
  }

  isExpired(issuedAt: number, lifetimeMs: number): boolean {
    return this.now() - issuedAt > lifetimeMs
  }
}
