/**
 * The scopes Box documents, and what a token holds.
 *
 * Sources: developer.box.com guides/api-calls/permissions-and-errors/scopes ("Scopes for
 * downscoping", whose table adds `base_sidebar`, and the standard scopes "also supported when
 * downscoping"), box-openapi `ResourceScope` (whose enum adds `item_read`); the same list as
 * reference/box-oauth.md.
 */
import type { BoxResource } from './box-tokens.js'

/** The scopes Box lists for downscoping: "additional scopes" beyond an app's own. */
export const DOWNSCOPING_SCOPES = [
  'annotation_edit',
  'annotation_view_all',
  'annotation_view_self',
  'base_explorer',
  'base_picker',
  'base_preview',
  'base_sidebar',
  'base_upload',
  'item_delete',
  'item_download',
  'item_preview',
  'item_rename',
  'item_share',
  'item_upload',
  'item_read'
] as const

/** An app's own scopes (Developer Console → Application Scopes). */
export const STANDARD_SCOPES = [
  'root_readonly',
  'root_readwrite',
  'ai.readwrite',
  'manage_managed_users',
  'manage_app_users',
  'manage_groups',
  'manage_webhook',
  'manage_data_retention',
  'manage_enterprise_properties',
  'sign_requests.readwrite',
  'manage_triggers',
  'manage_legal_holds',
  'enterprise_content',
  'item_execute_integration'
] as const

/** Every scope a token exchange may ask for. */
export const DOCUMENTED_SCOPES: readonly string[] = [...DOWNSCOPING_SCOPES, ...STANDARD_SCOPES]

/**
 * What a new app's tokens hold unless a test says otherwise (`FakeBox.configureApp`): "Read and
 * write all files and folders" and what a downscoped token can be cut down to for files and
 * folders. A token exchange that asks for a scope outside this set (an admin scope, say) is refused
 * as one the subject token does not hold.
 */
export const DEFAULT_APP_SCOPES: readonly string[] = ['root_readonly', 'root_readwrite', ...DOWNSCOPING_SCOPES]

/**
 * The file or folder of a `resource` URL, "the full URL path to the file" (developer.box.com
 * tokens/downscope; the curl sample restricts to `https://api.box.com/2.0/folders/123456`), on
 * Box's API or on one of `apiOrigins` (the simulator's own); undefined for anything else.
 */
export function parseResource(url: string, apiOrigins: readonly string[]): BoxResource | undefined {
  const match = /^(.+)\/2\.0\/(files|folders)\/(\d+)$/.exec(url)
  if (!match || !['https://api.box.com', ...apiOrigins].includes(match[1]!)) return undefined
  return { type: match[2] === 'files' ? 'file' : 'folder', id: match[3]! }
}

/** A Box shared link, `https://app.box.com/s/<id>` or on an enterprise's `*.box.com` host. */
export function isSharedLink(url: string): boolean {
  let link: URL
  try {
    link = new URL(url)
  } catch {
    return false
  }
  const onBox = link.hostname === 'box.com' || link.hostname.endsWith('.box.com')
  return link.protocol === 'https:' && onBox && /^\/s\/[A-Za-z0-9]+$/.test(link.pathname)
}
