import { lstat, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { postmanEnvironment, writePostmanEnvironment } from '../../src/action/postman.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'postman-file-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const environment = () => postmanEnvironment('access-token-0123456789', new Date(Date.now() + 3_600_000))

test('written with mode 0600, whatever the umask, and no temporary file is left', async () => {
  const file = join(dir, 'box.json')
  const previous = process.umask(0)
  try {
    await writePostmanEnvironment(file, environment())
  } finally {
    process.umask(previous)
  }
  expect((await stat(file)).mode & 0o777).toBe(0o600)
  expect(JSON.parse(await readFile(file, 'utf8')).values[0]).toMatchObject({
    key: 'access_token',
    value: 'access-token-0123456789'
  })
  expect(await readdir(dir)).toEqual(['box.json'])
})

test('each write uses a new random temporary name', async () => {
  const names: string[] = []
  const file = join(dir, 'box.json')
  for (let i = 0; i < 2; i++) {
    await writePostmanEnvironment(file, environment(), () => {
      const name = Math.random().toString(16).slice(2)
      names.push(name)
      return name
    })
  }
  expect(new Set(names).size).toBe(2)
})

test('a symlink planted at the temporary name is not followed: the write fails and the victim is untouched', async () => {
  const victim = join(dir, 'victim.txt')
  await writeFile(victim, 'precious')
  const file = join(dir, 'box.json')
  await symlink(victim, join(dir, '.box.json.planted.tmp'))
  await expect(writePostmanEnvironment(file, environment(), () => 'planted')).rejects.toMatchObject({ code: 'EEXIST' })
  expect(await readFile(victim, 'utf8')).toBe('precious')
  expect(await readdir(dir)).not.toContain('box.json')
})

test('a symlink at the target itself is replaced, not written through', async () => {
  const victim = join(dir, 'victim.txt')
  await writeFile(victim, 'precious')
  const file = join(dir, 'box.json')
  await symlink(victim, file)
  await writePostmanEnvironment(file, environment())
  expect(await readFile(victim, 'utf8')).toBe('precious')
  expect((await lstat(file)).isSymbolicLink()).toBe(false)
})

test('a write that fails after the temporary file was created removes it', async () => {
  const file = join(dir, 'box.json')
  await mkdir(file) // rename() over a directory fails
  await expect(writePostmanEnvironment(file, environment(), () => 'doomed')).rejects.toThrow()
  expect(await readdir(dir)).toEqual(['box.json'])
})
