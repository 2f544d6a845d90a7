/** What every part of the configuration reads the environment with; problems are collected, not thrown. */

export type Env = Record<string, string | undefined>

/** Local mode's stand-in for every secret; production must set its own. */
export const LOCAL_SECRET = "local-development-only-secret"

export type EnvReader = ReturnType<typeof createEnvReader>

export function createEnvReader(env: Env) {
  const isProduction = env.NODE_ENV === "production"
  const problems: string[] = []

  /** The variable's value; empty counts as unset. */
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim()
    return raw ? raw : undefined
  }

  /** A variable production must set; local mode falls back to `localDefault`. */
  const required = (name: string, localDefault: string, why: string): string => {
    const found = value(name)
    if (found) {
      return found
    }
    if (isProduction) {
      problems.push(`${name} is required in production (${why})`)
    }
    return localDefault
  }

  const url = (name: string, raw: string, protocols: string[]): string => {
    try {
      const parsed = new URL(raw)
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} must be a ${protocols.join(" or ")} URL, got "${parsed.protocol}"`)
      }
    } catch {
      problems.push(`${name} is not a valid URL`)
    }
    return raw
  }

  /** A comma-separated list of IP addresses or CIDR ranges. */
  const addressList = (name: string): string[] => {
    const entries = (value(name) ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean)
    for (const range of entries) {
      if (!/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(range)) {
        problems.push(`${name} must be a comma-separated list of IP addresses or CIDR ranges, got "${range}"`)
      }
    }
    return entries
  }

  return { isProduction, problems, value, required, url, addressList }
}
