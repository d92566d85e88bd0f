/**
 * What a test needs to see that code leaves no listener behind on a signal it was given: the
 * signal's own add and remove are wrapped, and the abort listeners still attached are counted.
 */
/** The abort listeners currently on `signal`, as added and removed through its own methods. */
export function listenersOf(signal: AbortSignal): { now: Set<unknown>; added: () => number } {
  const now = new Set<unknown>()
  let added = 0
  const add = signal.addEventListener.bind(signal)
  const remove = signal.removeEventListener.bind(signal)
  signal.addEventListener = (...args: Parameters<AbortSignal['addEventListener']>) => {
    if (args[0] === 'abort') {
      now.add(args[1])
      added++
    }
    add(...args)
  }
  signal.removeEventListener = (...args: Parameters<AbortSignal['removeEventListener']>) => {
    if (args[0] === 'abort') now.delete(args[1])
    remove(...args)
  }
  return { now, added: () => added }
}
