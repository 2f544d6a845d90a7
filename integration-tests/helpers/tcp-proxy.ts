import { connect, createServer, type Server, type Socket } from "node:net"

export type TcpProxy = {
  /** The port clients connect to. */
  port: number
  /** Breaks every open connection and refuses new ones, as an unreachable host would. */
  cut(): Promise<void>
  /** Accepts connections again, on the same port. */
  restore(): Promise<void>
  stop(): Promise<void>
}

/**
 * A TCP pass-through to `target` that a test can cut and restore: a network fault between the
 * store's processes and a service (PostgreSQL), without touching the service, which other suites share.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>()
  const track = (socket: Socket) => {
    open.add(socket)
    socket.once("close", () => open.delete(socket))
  }
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host)
    track(client)
    track(upstream)
    client.pipe(upstream).pipe(client)
    client.on("error", () => upstream.destroy())
    upstream.on("error", () => client.destroy())
  })
  const listen = (port: number) => new Promise<void>((listening) => server.listen(port, "127.0.0.1", () => listening()))
  const close = () =>
    new Promise<void>((closed) => {
      for (const socket of open) {
        socket.destroy()
      }
      server.close(() => closed())
    })

  await listen(0)
  const port = (server.address() as { port: number }).port
  return { port, cut: close, restore: () => listen(port), stop: () => (server.listening ? close() : Promise.resolve()) }
}
