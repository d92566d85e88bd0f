/**
 * `npm run bench -- --profile`: where a run's CPU time goes, by module. The action is rebuilt with
 * source maps (dist/ has none), run under `node --cpu-prof`, and every sample is charged to the
 * innermost frame that belongs to a module of the bundle (a package, or the action's own src/), to
 * Node's own fetch, to the module loader reading and compiling a file of dist/, or else to what
 * Node and V8 were doing (start-up, I/O, garbage collection). Node's built-in modules that a
 * package requires are charged to that package.
 *
 * A rotation's samples are also split by when they were taken, from the simulator's timestamps:
 * before its first request arrived, while a request round was in flight (time the run waits
 * anyway), and the rest (between an answer and the next request, and after the last answer),
 * which is what makes a run longer than its floor, together with the first column.
 */
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping'
import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  children?: number[]
}

interface CpuProfile {
  nodes: ProfileNode[]
  /** Microseconds on the machine's monotonic clock (that of process.hrtime). */
  startTime: number
  samples: number[]
  timeDeltas: number[]
}

/** Milliseconds of CPU samples per module, in up to three columns (see above). */
export type ModuleTimes = Map<string, number[]>

/** Wall-clock (epoch ms) intervals during which a request round was in flight, and the first request. */
export interface Timeline {
  firstRequestAt: number
  rounds: Array<[number, number]>
}

const OWN_CODE = 'the action (src/)'
const NODE_FETCH = "Node's own fetch (its undici)"
const LOAD = 'loading dist/ files (read, compile, link)'
const NODE = 'Node.js (start-up, module loader, I/O)'

/** Module ids of the build (webpack's, as ncc's --stats-out lists them) → package, src/, or undefined for Node's built-ins. */
export function readModuleNames(statsFile: string): Map<string, string | undefined> {
  const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as { modules: Array<{ id: number | string; name: string }> }
  const names = new Map<string, string | undefined>()
  for (const { id, name } of stats.modules) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/ ]+)/.exec(name)
    names.set(String(id), name.startsWith('external ') ? undefined : pkg ? pkg[1] : OWN_CODE)
  }
  return names
}

/** Reads `file` (a .cpuprofile of a process that ran `buildDir`/index.js) into `into`. */
export function chargeProfile(
  file: string,
  buildDir: string,
  /** readModuleNames() of the build: module factories' code has no source position of its own. */
  moduleNames: Map<string, string | undefined>,
  into: ModuleTimes,
  columns: number,
  timeline?: Timeline,
  /** Epoch ms minus monotonic ms, measured by the process that spawned the run. */
  clockOffsetMs = 0
): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id)
  const maps = new Map<string, TraceMap | undefined>()
  const moduleOf = new Map<number, string | undefined>()

  /** The bundle module a frame belongs to, if it is one of the build's files. */
  const bundleModule = (node: ProfileNode): string | undefined => {
    if (moduleOf.has(node.id)) return moduleOf.get(node.id)
    const { url, lineNumber, columnNumber } = node.callFrame
    let name: string | undefined
    if (url.startsWith('file:')) {
      const path = fileURLToPath(url)
      if (path.startsWith(buildDir)) {
        if (!maps.has(path)) {
          let map: TraceMap | undefined
          try {
            map = new TraceMap(readFileSync(`${path}.map`, 'utf8'))
          } catch {
            map = undefined
          }
          maps.set(path, map)
        }
        const map = maps.get(path)
        const source = map ? originalPositionFor(map, { line: lineNumber + 1, column: columnNumber }).source : null
        const pkg = source && /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)
        const factory = node.callFrame.functionName
        name = pkg
          ? pkg[1]
          : source?.includes('/src/')
            ? OWN_CODE
            : moduleNames.has(factory)
              ? // a module's factory; undefined for one that re-exports a Node built-in (charged to who required it)
                moduleNames.get(factory)
              : `bundle runtime (${basename(path)})`
      }
    }
    moduleOf.set(node.id, name)
    return name
  }

  const charge = (leaf: ProfileNode): string | undefined => {
    for (let node: ProfileNode | undefined = leaf; node; node = byId.get(parent.get(node.id) ?? -1)) {
      const { url } = node.callFrame
      if (url === 'node:internal/deps/undici/undici') return NODE_FETCH
      // The ES module loader reading, compiling and linking a file of dist/: the entry, or a chunk
      // that an import() of the bundle asked for (charged here, not to the module that asked).
      if (url.startsWith('node:internal/modules/esm/')) return LOAD
      const name = bundleModule(node)
      if (name !== undefined && !name.startsWith('bundle runtime')) return name
    }
    const { functionName, url } = leaf.callFrame
    if (functionName === '(idle)') return undefined
    if (functionName === '(garbage collector)') return 'garbage collection'
    if (bundleModule(leaf)) return 'bundle runtime (webpack)'
    return url.startsWith('node:') || functionName === '(program)' || url === '' ? NODE : basename(url)
  }

  let at = profile.startTime
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000
    const name = charge(byId.get(profile.samples[i]!)!)
    if (name === undefined) continue
    let column = 0
    if (timeline) {
      const wall = at / 1000 + clockOffsetMs
      column = wall < timeline.firstRequestAt ? 0 : timeline.rounds.some(([s, e]) => wall >= s && wall <= e) ? 1 : 2
    }
    const row = into.get(name) ?? new Array<number>(columns).fill(0)
    row[column]! += ms
    into.set(name, row)
  }
}

/** Epoch ms minus the monotonic clock's ms (the clock of CPU profiles), in this process. */
export function clockOffsetMs(): number {
  return performance.timeOrigin + performance.now() - Number(process.hrtime.bigint()) / 1e6
}

export function profileBuildDir(root: string): string {
  return join(root, '.bench', 'profile')
}
