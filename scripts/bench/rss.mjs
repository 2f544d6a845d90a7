import { readdirSync, readFileSync } from "node:fs"

/**
 * Resident memory (MB) of a process and every process under it, from /proc: now (VmRSS) and at its
 * peak so far (VmHWM, which does not depend on when V8 last collected).
 */
export function processTreeRssMb(rootPid) {
  const pids = descendants(rootPid)
  const total = (field) => pids.reduce((sum, pid) => sum + statusKb(pid, field), 0) / 1024
  return { mb: total("VmRSS"), peakMb: total("VmHWM"), processes: pids.length }
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

function statusKb(pid, field) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8")
      .split("\n")
      .find((entry) => entry.startsWith(`${field}:`))
    return line ? Number(line.split(/\s+/)[1]) : 0
  } catch {
    return 0
  }
}
