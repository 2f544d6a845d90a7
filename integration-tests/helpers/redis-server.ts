import { execFileSync, spawn, type ChildProcess } from "node:child_process"
import { connect } from "node:net"
import { until } from "./until"

export type RedisServer = {
  url: string
  /** Stops it as an operator's restart does (SIGTERM), keeping nothing: no dump, no append-only file. */
  stop(): Promise<void>
  /** Starts it again, empty, on the same port; resolves once it accepts connections. */
  start(): Promise<void>
}

const accepts = (port: number) =>
  new Promise<boolean>((answer) => {
    const socket = connect(port, "127.0.0.1")
    socket.once("connect", () => {
      socket.end()
      answer(true)
    })
    socket.once("error", () => answer(false))
  })

/**
 * A Redis of the test's own (the system's redis-server binary) that a drill may stop and start:
 * the shared Redis is never touched. Memory only, as a Redis restarted after a crash is at worst.
 */
export async function startRedisServer(port: number): Promise<RedisServer> {
  const binary = execFileSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" }).trim()
  let child: ChildProcess | undefined
  const server: RedisServer = {
    url: `redis://127.0.0.1:${port}`,
    start: async () => {
      if (await accepts(port)) {
        throw new Error(`port ${port} is taken: another Redis (or anything else) listens there`)
      }
      child = spawn(binary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
        stdio: "ignore",
      })
      await until(async () => ((await accepts(port)) ? true : undefined), `redis-server on port ${port}`, 10_000)
    },
    stop: async () => {
      const running = child
      if (!running || running.exitCode !== null || running.signalCode !== null) {
        return
      }
      const exited = new Promise((done) => running.once("exit", done))
      running.kill("SIGTERM")
      await exited
    },
  }
  await server.start()
  return server
}
