/**
 * Who Box knows: the apps (client id and secret, the settings of their Developer Console page),
 * the enterprises with their service account and users, and which apps an enterprise's admin has
 * authorized. Server authentication (CCG and JWT) asks it whether an app may act as a subject
 * (developer.box.com guides/authentication/client-credentials and jwt, guides/authorization).
 */
import { createPublicKey, type KeyObject } from 'node:crypto'
import { DEFAULT_APP_SCOPES } from './box-scopes.js'
import { randomAlnum, randomDigits } from './random.js'

/** An enterprise as a test sees it. */
export interface BoxEnterprise {
  id: string
  /** The app's service account in this enterprise: whom an enterprise token acts as (one per enterprise here). */
  serviceAccountId: string
  /** Its managed users and app users, by id. */
  users: string[]
}

/** The Developer Console settings of an app that the token endpoint looks at. */
export interface BoxAppSettings {
  /**
   * Advanced Features → "Generate User Access Tokens": the app may get a token for a user
   * (`box_subject_type=user`, JWT `box_sub_type=user`), not only for its service account.
   */
  userAccessTokens: boolean
  /** Its application scopes: what every non-downscoped token of the app holds (box-scopes.ts). */
  scopes: string[]
}

/** A subject (CCG `box_subject_type`/`box_subject_id`, JWT `box_sub_type`/`sub`). */
export interface BoxSubject {
  type: 'enterprise' | 'user'
  id: string
}

interface EnterpriseState {
  serviceAccountId: string
  users: Set<string>
  authorizedApps: Set<string>
}

export class BoxDirectory {
  private readonly secrets = new Map<string, string>()
  private readonly settings = new Map<string, BoxAppSettings>()
  /** Client id → its public keys (JWT), by key id. */
  private readonly publicKeys = new Map<string, Map<string, KeyObject>>()
  private readonly enterprises = new Map<string, EnterpriseState>()
  /** User id → the enterprise it belongs to. */
  private readonly userEnterprise = new Map<string, string>()

  registerClient(id: string, secret: string): void {
    this.secrets.set(id, secret)
    this.settings.set(id, { userAccessTokens: false, scopes: [...DEFAULT_APP_SCOPES] })
    this.publicKeys.set(id, new Map())
  }

  hasClient(id: string): boolean {
    return this.secrets.has(id)
  }

  isClient(id: string, secret: string): boolean {
    return this.secrets.get(id) === secret
  }

  appSettings(clientId: string): BoxAppSettings {
    const settings = this.settings.get(clientId)
    if (!settings) throw new Error(`FakeBox: unknown client ${clientId}`)
    return settings
  }

  configureApp(clientId: string, settings: Partial<BoxAppSettings>): void {
    Object.assign(this.appSettings(clientId), settings)
  }

  /**
   * Developer Console → Configuration → "Add and Manage Public Keys" (an app may have two, so keys
   * can be rotated): returns the key's id, eight lower-case letters and digits unless given.
   */
  addPublicKey(clientId: string, publicKey: KeyObject | string, kid: string = randomAlnum(8).toLowerCase()): string {
    this.appSettings(clientId)
    this.publicKeys.get(clientId)!.set(kid, typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey)
    return kid
  }

  removePublicKey(clientId: string, kid: string): void {
    this.publicKeys.get(clientId)?.delete(kid)
  }

  publicKey(clientId: string, kid: string): KeyObject | undefined {
    return this.publicKeys.get(clientId)?.get(kid)
  }

  addEnterprise(options: { id?: string; users?: string[] } = {}): BoxEnterprise {
    const id = options.id ?? randomDigits(8)
    if (this.enterprises.has(id)) throw new Error(`FakeBox: enterprise ${id} exists already`)
    this.enterprises.set(id, { serviceAccountId: randomDigits(11), users: new Set(), authorizedApps: new Set() })
    for (const user of options.users ?? []) this.addUser(id, user)
    return this.enterprise(id)
  }

  enterprise(id: string): BoxEnterprise {
    const state = this.enterpriseState(id)
    return { id, serviceAccountId: state.serviceAccountId, users: [...state.users] }
  }

  /** A managed user or app user of the enterprise; returns its id (random unless given). */
  addUser(enterpriseId: string, userId: string = randomDigits(11)): string {
    if (this.userEnterprise.has(userId)) throw new Error(`FakeBox: user ${userId} exists already`)
    this.enterpriseState(enterpriseId).users.add(userId)
    this.userEnterprise.set(userId, enterpriseId)
    return userId
  }

  /** What an admin does in Admin Console → Apps → Platform Apps Manager (developer.box.com guides/authorization). */
  authorizeApp(clientId: string, enterpriseId: string): void {
    this.appSettings(clientId)
    this.enterpriseState(enterpriseId).authorizedApps.add(clientId)
  }

  /** The admin removes the app again. */
  deauthorizeApp(clientId: string, enterpriseId: string): void {
    this.enterpriseState(enterpriseId).authorizedApps.delete(clientId)
  }

  /**
   * The enterprise a subject belongs to and the user its token acts as (the service account for an
   * enterprise), or undefined when Box knows no such subject.
   */
  resolveSubject(subject: BoxSubject): { enterpriseId: string; userId: string } | undefined {
    if (subject.type === 'enterprise') {
      const state = this.enterprises.get(subject.id)
      return state && { enterpriseId: subject.id, userId: state.serviceAccountId }
    }
    const enterpriseId = this.userEnterprise.get(subject.id)
    return enterpriseId === undefined ? undefined : { enterpriseId, userId: subject.id }
  }

  isAuthorized(clientId: string, enterpriseId: string): boolean {
    return this.enterprises.get(enterpriseId)?.authorizedApps.has(clientId) ?? false
  }

  private enterpriseState(id: string): EnterpriseState {
    const state = this.enterprises.get(id)
    if (!state) throw new Error(`FakeBox: unknown enterprise ${id}`)
    return state
  }
}
