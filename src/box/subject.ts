/**
 * Whom a server-authenticated token acts as (client credentials, JWT): the app's service account of
 * an enterprise, or one user (Box: "Client Credentials Grant", `box_subject_type` and
 * `box_subject_id`; the JWT assertion's `box_sub_type` and `sub`).
 */
export interface BoxSubject {
  /** `enterprise`: the enterprise's service account (`id` = the enterprise ID); `user`: a managed or app user. */
  type: 'enterprise' | 'user'
  id: string
}

export const SUBJECT_TYPES: ReadonlyArray<BoxSubject['type']> = ['enterprise', 'user']

/** "the service account of enterprise 123" / "user 456", for messages. */
export function describeSubject(subject: BoxSubject): string {
  return subject.type === 'enterprise' ? `the service account of enterprise ${subject.id}` : `user ${subject.id}`
}
