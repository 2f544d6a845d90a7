import { spawn } from "node:child_process"
import { createWriteStream, readFileSync } from "node:fs"

/**
 * Child processes of the topology. Each runs in a process group of its own, so stopping it
 * also stops whatever it started (nginx's workers, a shell's children): nothing is orphaned.
 * Output goes to one log file per process.
 */

/** Starts a long-running process; `onExit` is told when it ends (not when we stopped it). */
export function startProcess(name, command, args, { cwd, env, logFile, onExit }) {
  const log = createWriteStream(logFile, { flags: "a" })
  const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true })
  child.stdout.pipe(log)
  child.stderr.pipe(log)
  const handle = {
    name,
    child,
    logFile,
    stopping: false,
    exited: new Promise((done) => child.once("exit", (code, signal) => done({ code, signal }))),
  }
  void handle.exited.then((outcome) => {
    log.end()
    if (!handle.stopping) {
      onExit?.(handle, outcome)
    }
  })
  return handle
}

/** Runs a process to completion; rejects with the end of its log when it fails. */
export async function runToCompletion(name, command, args, options) {
  const handle = startProcess(name, command, args, options)
  const { code, signal } = await handle.exited
  if (code !== 0) {
    throw new Error(
      `${name} failed (${signal ?? `exit code ${code}`}); last lines of ${options.logFile}:\n${tail(options.logFile)}`
    )
  }
}

/** Sends `signal` to the process group, then SIGKILL after `graceMs`; resolves once the process has exited. */
export async function stopProcess(handle, { signal = "SIGTERM", graceMs = 10_000 } = {}) {
  handle.stopping = true
  const { child } = handle
  if (child.exitCode !== null || child.signalCode !== null) {
    return
  }
  signalGroup(child, signal)
  const kill = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs)
  await handle.exited
  clearTimeout(kill)
  // The leader is gone; take down anything of its group that outlived it.
  signalGroup(child, "SIGKILL")
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal)
  } catch {
    // The group is already gone.
  }
}

export function tail(logFile, lines = 30) {
  try {
    return readFileSync(logFile, "utf8").trim().split("\n").slice(-lines).join("\n")
  } catch {
    return "(no log)"
  }
}

/** Polls `url` until it answers 2xx, or throws after `timeoutMs` (or once `isDead()` says the process died). */
export async function waitForHealth(url, { timeoutMs = 180_000, isDead = () => false } = {}) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (isDead()) {
      throw new Error(`the process behind ${url} exited before it was ready`)
    }
    const ok = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
      (response) => response.ok,
      () => false
    )
    if (ok) {
      return
    }
    await new Promise((wake) => setTimeout(wake, 250))
  }
  throw new Error(`${url} was not ready within ${timeoutMs / 1000} s`)
}
