import { readdirSync, readFileSync } from "node:fs"

/** Resident memory (MB, VmRSS) of a process and every process under it, from /proc. */
export function processTreeRssMb(rootPid) {
  const pids = descendants(rootPid)
  const kilobytes = pids.reduce((sum, pid) => sum + vmRssKb(pid), 0)
  return { mb: kilobytes / 1024, processes: pids.length }
}

function descendants(rootPid) {
  const children = new Map()
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) {
      continue
    }
    const parent = parentOf(entry)
    if (parent !== undefined) {
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)])
    }
  }
  const found = [rootPid]
  for (let i = 0; i < found.length; i++) {
    found.push(...(children.get(found[i]) ?? []))
  }
  return found
}

function parentOf(pid) {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after its ")".
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1])
  } catch {
    return undefined // gone meanwhile
  }
}

function vmRssKb(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8")
      .split("\n")
      .find((entry) => entry.startsWith("VmRSS:"))
    return line ? Number(line.split(/\s+/)[1]) : 0
  } catch {
    return 0
  }
}
