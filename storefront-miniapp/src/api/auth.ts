import { CustomerSession, type TokenStore } from "./customer-session"
import { requestJson } from "./http"

/** `POST /auth/customer/telegram` with `Authorization: tma <initData>`: one request, one customer token. */
async function login(initDataRaw: string): Promise<string> {
  const { token } = await requestJson<{ token: string }>("/auth/customer/telegram", {
    method: "POST",
    headers: { authorization: `tma ${initDataRaw}` },
  })
  return token
}

/** The token lives for the session (sessionStorage), per Telegram user. */
export function sessionTokenStore(userId: string): TokenStore {
  const key = `aistore:token:${userId}`
  return {
    read: () => {
      try {
        return sessionStorage.getItem(key)
      } catch {
        return null
      }
    },
    write: (token) => {
      try {
        if (token) sessionStorage.setItem(key, token)
        else sessionStorage.removeItem(key)
      } catch {
        // kept in memory only by the caller's next login
      }
    },
  }
}

export function createCustomerSession(initDataRaw: string, tokens: TokenStore): CustomerSession {
  return new CustomerSession(() => login(initDataRaw), tokens)
}
