/**
 * What a hostile server sends, and what a run must never do whatever it sent: the checks every
 * hostile-server row makes (token-chain/hostile-servers, modes/hostile-servers).
 */
import type { CustomReply } from '../simulator/http.js'
import type { ActionRun } from './harness.js'
import { leaksOf, type World } from './world.js'

/** What a hostile server tries to slip in everywhere. */
export const INJECTION = '\n::warning::OWNED\n##[error]OWNED\n```\n# OWNED\n<img src=x onerror=alert(1)>'

/** An error page that echoes the whole request, in every form a server might. */
export function echo(request: { body: string }, status = 400): CustomReply {
  const form = new URLSearchParams(request.body)
  const fields = Object.fromEntries(form)
  return {
    status,
    body: {
      error: 'invalid_request',
      error_description: `You sent ${request.body} i.e. ${JSON.stringify(fields)} and ${decodeURIComponent(request.body)}${INJECTION}`
    }
  }
}

/** Everything a run must never do, whatever the servers sent. */
export function expectClean(world: World, run: ActionRun): void {
  expect(leaksOf(world, run)).toEqual([])
  for (const text of [run.stdout, run.stderr, run.summary, ...Object.values(run.outputs)]) {
    expect(text).not.toMatch(/::warning::OWNED|##\[error\]OWNED/)
    // Every line that starts a workflow command is one the action meant.
    for (const line of text.split('\n'))
      if (line.startsWith('::')) expect(line).toMatch(/^::(add-mask|error|warning|group|endgroup)::/)
    expect(text.split('\n').every((line) => line.length < 4_000)).toBe(true)
  }
  // Inside a code fence hostile text is inert; outside one it must not be at all.
  const outside = outsideCodeFences(run.summary)
  expect(outside).not.toMatch(/OWNED|<img/)
  expect(run.stderr).toBe('')
}

/** The summary's markdown without its fenced code blocks, read the CommonMark way: a fence closes only on a run of backticks at least as long. */
function outsideCodeFences(markdown: string): string {
  const kept: string[] = []
  let open: number | undefined
  for (const line of markdown.split('\n')) {
    const fence = /^(`{3,})/.exec(line)?.[1]?.length
    if (open === undefined && fence !== undefined) open = fence
    else if (open !== undefined && fence !== undefined && fence >= open && line.trim() === '`'.repeat(fence))
      open = undefined
    else if (open === undefined) kept.push(line)
  }
  expect(open).toBeUndefined() // every fence was closed
  return kept.join('\n')
}
