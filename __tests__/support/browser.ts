/**
 * Plays the person's browser in login tests: opens Box's authorize URL, and follows Box's
 * redirect to the login command's loopback callback by hand (fetch with redirect: 'manual'), so a
 * test can look at, or tamper with, each step.
 */

export interface BrowserVisit {
  /** What Box's authorize endpoint answered: 302 to the callback, or an error page. */
  authorizeStatus: number
  /** Where Box sent the browser (the loopback callback with code or error, and state). */
  callbackUrl?: URL
  /** What the login command's callback answered, once the command was done with it. */
  callbackStatus?: number
  /** The page the browser ends up showing: Box's error page, or the command's page. */
  page: string
}

/** The redirect Box answers to the authorize URL, without following it. */
export async function authorize(authorizeUrl: string): Promise<{ status: number; location?: URL; page: string }> {
  const response = await fetch(authorizeUrl, { redirect: 'manual' })
  const location = response.headers.get('location')
  return {
    status: response.status,
    location: location === null ? undefined : new URL(location),
    page: await response.text()
  }
}

/** Fetches a callback URL as the browser would after Box's redirect. */
export async function visit(url: URL | string): Promise<{ status: number; page: string }> {
  const response = await fetch(url)
  return { status: response.status, page: await response.text() }
}

/** The whole round trip: authorize, then (when Box redirects) the callback. */
export async function playBrowser(authorizeUrl: string): Promise<BrowserVisit> {
  const box = await authorize(authorizeUrl)
  if (box.location === undefined) return { authorizeStatus: box.status, page: box.page }
  const callback = await visit(box.location)
  return {
    authorizeStatus: box.status,
    callbackUrl: box.location,
    callbackStatus: callback.status,
    page: callback.page
  }
}
