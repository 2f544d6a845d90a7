import { readEnvironment } from "../../src/config/environment"
import { signInitData } from "./telegram-init-data"

type Poster = { post: (url: string, body?: object, config?: object) => Promise<{ data: any }> }

/**
 * Signs a Telegram user in as the Mini App does: initData signed with the store's bot token,
 * sent to `/auth/customer/telegram`. Returns the customer's token.
 */
export async function signInShopper(
  api: Poster,
  user: { id: number; first_name: string } & Record<string, unknown>
): Promise<string> {
  const initData = signInitData({ user }, readEnvironment().telegram.botToken, new Date())
  const { data } = await api.post("/auth/customer/telegram", {}, { headers: { authorization: `tma ${initData}` } })
  return data.token
}
