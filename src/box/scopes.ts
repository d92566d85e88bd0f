/**
 * The scopes a token exchange may ask Box for, and the file or folder it may be held to. Box's
 * "Downscope a token" and "Scopes" pages: the scopes for downscoping, box-openapi's `item_read`,
 * and the standard scopes Box documents (an exchange may ask for any scope the app itself has).
 * Checked before any request, so a typo never spends a refresh.
 */

/** Box's scopes for downscoping, then the standard scopes it also accepts there. */
export const DOCUMENTED_SCOPES: readonly string[] = [
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
  'item_read',
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
]

/** Box's API base: a `resource` names an item by its URL there. */
export const BOX_API_ORIGIN = 'https://api.box.com'

/**
 * `resource` as Box takes it: the full API URL of one file or folder, `<origin>/2.0/files/<id>` or
 * `<origin>/2.0/folders/<id>`, on Box's API or on `boxApiUrl`'s origin (a proxy, the simulator).
 * Undefined when it is one; else what is wrong, in words.
 */
export function resourceProblem(resource: string, boxApiUrl: string): string | undefined {
  let url: URL
  try {
    url = new URL(resource)
  } catch {
    return 'is not a URL. Give the full API URL of one file or folder, e.g. `https://api.box.com/2.0/folders/123`.'
  }
  let ownOrigin: string | undefined
  try {
    ownOrigin = new URL(boxApiUrl).origin
  } catch {
    // box-api-url is reported on its own
  }
  const onBox = url.origin === BOX_API_ORIGIN || url.origin === ownOrigin
  if (!onBox || !/^\/2\.0\/(files|folders)\/[0-9]{1,20}$/.test(url.pathname) || url.search || url.hash) {
    return (
      'must be the full API URL of one file or folder, `https://api.box.com/2.0/files/<id>` or ' +
      "`https://api.box.com/2.0/folders/<id>` (the id is in the item's web address: app.box.com/folder/<id>)."
    )
  }
  return undefined
}
