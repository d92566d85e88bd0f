/**
 * A real browser for the login tests: Debian's Chromium driven by playwright-core. Playwright's
 * own browser downloads are never used (`playwright install` fetches from outside the registry):
 * the binary is /usr/bin/chromium (`apt-get install -y chromium`; .ci/run installs it), or the one
 * CHROMIUM_PATH names. Headless, with a fresh profile, and with Chromium's own calls home switched
 * off (they would be refused here, many at a time).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { bundleNode } from './e2e-node.js'
import { REPO_ROOT } from './harness.js'

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
/** Screenshots the browser tests leave for a person to look at (git-ignored). */
export const ARTEFACTS = join(REPO_ROOT, 'test-artifacts', 'login-browser')

export interface Browser {
  page: Page
  context: BrowserContext
  /** Every URL the tab committed to (its address bar over time), in order. */
  committed: string[]
  /** The tab's session history (what Back and Forward walk through), from Chromium itself. */
  sessionHistory(): Promise<Array<{ url: string; title: string }>>
  /** Saves a screenshot of the tab as ARTEFACTS/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>
  /** Closes Chromium; then every URL its History database holds (the profile's history on disk). */
  close(): Promise<string[]>
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `No Chromium at ${CHROMIUM}. Install Debian's: apt-get install -y chromium (or set CHROMIUM_PATH to a ` +
        'Chromium or Chrome binary). Never `playwright install`: its browser downloads are not available here.'
    )
  const profile = await mkdtemp(join(tmpdir(), 'box-token-login-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run'
    ]
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const committed: string[] = []
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) committed.push(frame.url())
  })
  return {
    page,
    context,
    committed,
    async sessionHistory() {
      const cdp = await context.newCDPSession(page)
      const { entries } = (await cdp.send('Page.getNavigationHistory')) as {
        entries: Array<{ url: string; title: string }>
      }
      await cdp.detach()
      return entries.map(({ url, title }) => ({ url, title }))
    },
    async screenshot(name) {
      mkdirSync(ARTEFACTS, { recursive: true })
      const path = join(ARTEFACTS, `${name}.png`)
      await page.screenshot({ path, fullPage: true })
      return path
    },
    async close() {
      await context.close()
      try {
        return historyUrls(join(profile, 'Default', 'History'))
      } finally {
        await rm(profile, { recursive: true, force: true })
      }
    }
  }
}

/** The `urls` table of a Chromium History database, read with node:sqlite (in the end-to-end Node.js 24). */
function historyUrls(database: string): string[] {
  if (!existsSync(database)) return []
  const read = spawnSync(
    bundleNode(),
    [
      '-e',
      `const { DatabaseSync } = require('node:sqlite')
       const db = new DatabaseSync(process.argv[1], { readOnly: true })
       process.stdout.write(JSON.stringify(db.prepare('SELECT url FROM urls').all().map((row) => row.url)))`,
      database
    ],
    { encoding: 'utf8' }
  )
  if (read.status !== 0) throw new Error(`could not read Chromium's History database: ${read.stderr}`)
  return JSON.parse(read.stdout) as string[]
}
