/**
 * Every line the bundle prints, read as the runner reads it (support/runner-commands.ts, ported
 * from actions/runner): a value the workflow passes in, here an environment whose name is a
 * workflow command, is printed in plain log lines, and must never be obeyed as a command. The
 * runner reads `##[…]` anywhere in a line; `##[stop-commands]` there would stop it from obeying
 * the masks of the new tokens, which it would then print in clear.
 */
import { obeyedCommands, parseCommand, runnerLines } from '../support/runner-commands.js'
import { runAction } from '../support/harness.js'
import { createWorld, leaksOf, REPO, SECRET, type World } from '../support/world.js'

let world: World
afterEach(() => world?.close())

test.each(['##[stop-commands]pause-token', 'prod ##[add-mask]x ##[error]y', '::stop-commands::pause-token'])(
  'environment %p: the runner obeys the masks of the new tokens, and no command the action did not mean',
  async (environment) => {
    world = await createWorld()
    world.sim.github.addEnvironment(REPO, environment)
    const scope = { kind: 'environment', repo: REPO, environment } as const
    world.sim.github.setSecret(scope, SECRET, world.refreshToken)
    const run = await runAction(world.inputs({ environment }), { env: world.env() })
    expect(run.code).toBe(0)
    expect(world.sim.github.getSecret(scope, SECRET)?.plaintext).toBe(world.sim.box.issued.at(-1)!.refreshToken)

    const { obeyed, masksIgnored } = obeyedCommands(run.stdout)
    expect(masksIgnored).toEqual([])
    const issued = world.sim.box.issued.at(-1)!
    const masks = obeyed.filter((c) => c.command === 'add-mask').map((c) => c.data)
    expect(masks).toEqual(expect.arrayContaining([issued.refreshToken, issued.accessToken]))
    // Only the action's own commands: each on a line of its own that starts with `::`.
    for (const line of runnerLines(run.stdout))
      if (parseCommand(line) !== undefined) expect(line).toMatch(/^::(add-mask|group|endgroup|warning|error)::/)
    expect(run.stdout).toContain('environment') // the name is still shown, only broken
    expect(leaksOf(world, run)).toEqual([])
  }
)
