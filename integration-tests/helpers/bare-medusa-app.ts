import { spawn, type ChildProcess, type ChildProcessByStdio } from "node:child_process"
import { symlinkSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import type { Readable } from "node:stream"
import { until } from "./until"

/**
 * A bare Medusa app, as `create-medusa-app` makes it, with none of the store's plugins: the
 * packaging spec installs one plugin tarball at a time into it. Commands run in process groups
 * of their own, so a failed spec leaves no server or build behind.
 */

/** A stock app's dependencies, at the versions of the workspace's lock file (npm's cache has them). */
const PACKAGE_JSON = {
  name: "bare-medusa-app",
  version: "0.0.0",
  private: true,
  dependencies: {
    "@medusajs/admin-sdk": "2.21.2",
    "@medusajs/cli": "2.21.2",
    "@medusajs/framework": "2.21.2",
    "@medusajs/medusa": "2.21.2",
  },
  devDependencies: {
    "@swc/core": "1.16.22",
    "@types/node": "22.20.5",
    react: "18.3.1",
    "react-dom": "18.3.1",
    "ts-node": "10.9.2",
    typescript: "5.9.3",
    vite: "7.3.8",
  },
  // As the workspace's: esbuild's binary check runs, the rest have nothing to do here.
  allowScripts: {
    "@swc/core": true,
    esbuild: true,
    "@medusajs/telemetry": false,
    "msgpackr-extract": false,
    protobufjs: false,
  },
}

/** create-medusa-app's tsconfig.json. */
const TSCONFIG = {
  compilerOptions: {
    target: "ES2021",
    esModuleInterop: true,
    module: "Node16",
    moduleResolution: "Node16",
    emitDecoratorMetadata: true,
    experimentalDecorators: true,
    skipLibCheck: true,
    skipDefaultLibCheck: true,
    declaration: false,
    sourceMap: false,
    inlineSourceMap: true,
    outDir: "./.medusa/server",
    rootDir: "./",
    jsx: "react-jsx",
    forceConsistentCasingInFileNames: true,
    resolveJsonModule: true,
    checkJs: false,
    strictNullChecks: true,
  },
  "ts-node": { swc: true },
  include: ["**/*", ".medusa/types/*"],
  exclude: ["node_modules", ".medusa/server", ".medusa/admin", ".cache"],
}

const NPM_FLAGS = ["--prefer-offline", "--no-audit", "--no-fund"]

/** Every process started here that may still run: a failed spec stops them all. */
const started = new Set<ChildProcess>()

function startGroup(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv }
): ChildProcessByStdio<null, Readable, Readable> {
  const child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", "pipe", "pipe"] })
  started.add(child)
  child.once("exit", () => started.delete(child))
  return child
}

/** Runs a command to its end in a process group of its own; its output is shown only when it fails. */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv }
): Promise<string> {
  return new Promise((done, fail) => {
    const child = startGroup(command, args, options)
    let output = ""
    child.stdout.on("data", (chunk) => (output += chunk))
    child.stderr.on("data", (chunk) => (output += chunk))
    child.on("error", fail)
    child.on("close", (code) =>
      code === 0
        ? done(output)
        : fail(
            new Error(`${[command, ...args].join(" ")} exited with ${code} in ${options.cwd}:\n${output.slice(-6000)}`)
          )
    )
  })
}

export async function createBareApp(dir: string): Promise<void> {
  writeFileSync(join(dir, "package.json"), JSON.stringify(PACKAGE_JSON, null, 2))
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2))
  await run("npm", ["install", ...NPM_FLAGS], { cwd: dir })
}

export async function npmInstall(dir: string, tarballs: string[]): Promise<void> {
  await run("npm", ["install", ...NPM_FLAGS, ...tarballs], { cwd: dir })
}

export async function npmUninstall(dir: string, names: string[]): Promise<void> {
  await run("npm", ["uninstall", ...NPM_FLAGS, ...names], { cwd: dir })
}

/** `npm pack` of a workspace package into `destination`: the tarball's path. */
export async function npmPack(packageDir: string, destination: string): Promise<string> {
  const output = await run("npm", ["pack", "--silent", "--pack-destination", destination], { cwd: packageDir })
  return join(destination, output.trim().split("\n").pop() ?? "")
}

/**
 * The built server's folder, ready to run: Medusa's docs install the app's dependencies there;
 * the app's own node_modules are those, so a link stands in for the install.
 */
export function builtServer(dir: string): string {
  const server = join(dir, ".medusa", "server")
  symlinkSync(join(dir, "node_modules"), join(server, "node_modules"))
  return server
}

export type RunningServer = { process: ChildProcess; url: string; output: () => string }

/** `medusa start` in `cwd`, once /health answers 200; fails with the server's output if it exits first. */
export async function startMedusa(cwd: string, env: NodeJS.ProcessEnv, port: number): Promise<RunningServer> {
  const medusa = join(cwd, "node_modules", ".bin", "medusa")
  const child = startGroup(medusa, ["start"], { cwd, env: { ...env, PORT: String(port) } })
  let output = ""
  child.stdout.on("data", (chunk) => (output += chunk))
  child.stderr.on("data", (chunk) => (output += chunk))
  const server = { process: child, url: `http://localhost:${port}`, output: () => output }
  try {
    await until(
      async () => {
        if (child.exitCode !== null) {
          throw new Error(`medusa start exited with ${child.exitCode}:\n${output.slice(-6000)}`)
        }
        const status = await fetch(`${server.url}/health`).then(
          (response) => response.status,
          () => 0
        )
        return status === 200 ? true : undefined
      },
      "the server's /health",
      120_000
    )
  } catch (error) {
    await stopProcessGroup(child)
    throw error
  }
  return server
}

/** Ends a process started here and all it started (SIGKILL if it still runs after 15 s), then waits for it to exit. */
export async function stopProcessGroup(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) {
    return
  }
  const exited = new Promise((done) => child.once("exit", done))
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name)
    } catch {
      // The group is gone already.
    }
  }
  signal("SIGTERM")
  const killer = setTimeout(() => signal("SIGKILL"), 15_000)
  await exited
  clearTimeout(killer)
}

/** Stops whatever this file started that still runs. */
export async function stopAllStarted(): Promise<void> {
  await Promise.all([...started].map(stopProcessGroup))
}
