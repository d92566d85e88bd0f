/**
 * Box's own clock: every answer's Date header reads it, and a test can set it apart from this
 * machine's, as a runner whose clock is off meets it.
 */
import { startSimulator, type Simulator } from './index.js'

let sim: Simulator

beforeEach(async () => {
  sim = await startSimulator()
})

afterEach(async () => {
  await sim.close()
})

const dateOf = (response: Response): number => Date.parse(response.headers.get('date') ?? '')

it('dates every answer with Box’s clock, which can run ahead of or behind this machine’s', async () => {
  const token = `${sim.boxUrl}/oauth2/token`
  const inSync = await fetch(token, { method: 'POST' })
  expect(Math.abs(dateOf(inSync) - Date.now())).toBeLessThan(2_000)

  sim.box.clockOffsetMs = 5 * 60_000
  const ahead = await fetch(`${sim.boxUrl}/2.0/users/me`)
  expect(dateOf(ahead) - Date.now()).toBeGreaterThan(4 * 60_000)

  sim.box.clockOffsetMs = -5 * 60_000
  const behind = await fetch(token, { method: 'POST' })
  expect(Date.now() - dateOf(behind)).toBeGreaterThan(4 * 60_000)
  expect(sim.box.now() - Date.now()).toBeCloseTo(-5 * 60_000, -3)
})

it('keeps lifetimes on Box’s clock: a refresh token 59 days old expires when Box is two days ahead', () => {
  const token = sim.box.issueRefreshToken({ ageDays: 59 })
  expect(sim.box.isRefreshTokenValid(token)).toBe(true)
  sim.box.clockOffsetMs = 2 * 86_400_000
  expect(sim.box.isRefreshTokenValid(token)).toBe(false)
})
