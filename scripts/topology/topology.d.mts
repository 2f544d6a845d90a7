/** Types of topology.mjs for the TypeScript specs that drive it. */

export declare const ROOT: string

export type Role = "server" | "worker"

export type TopologyMember = { name: string; url: string; port: number }

export type TopologyOptions = {
  /** Logs and nginx's runtime configuration. */
  runtimeDir: string
  ports: { nginx: number; servers: number[]; worker: number }
  /** The production environment of every Medusa process. */
  env: Record<string, string>
  /** Per-process additions. */
  processEnv?: (role: Role, index: number) => Record<string, string>
  /** Load the demo catalogue after migrating. */
  seed?: boolean
  /** Create this admin after migrating. */
  admin?: { email: string; password: string }
  say?: (line: string) => void
  onUnexpectedExit?: (name: string) => void
}

export type ProcessHandle = {
  name: string
  child: import("node:child_process").ChildProcess
  logFile: string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

export type Topology = {
  /** nginx, where shoppers, admins and Yookassa come in. */
  url: string
  servers: TopologyMember[]
  worker: TopologyMember
  /** nginx's access log: one JSON line per request, with the upstream that answered. */
  accessLog: string
  /** One log file per process. */
  logDir: string
  process(name: string): ProcessHandle | undefined
  startMedusa(name: string): Promise<void>
  stop(): Promise<void>
}

export declare function startTopology(options: TopologyOptions): Promise<Topology>
