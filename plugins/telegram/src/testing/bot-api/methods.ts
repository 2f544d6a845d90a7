import { BotApiError } from "./errors"
import { createStarsState, STARS_METHODS, type StarsState } from "./stars"
import { parseTelegramHtml } from "./telegram-html"

export { BotApiError } from "./errors"

/** A message the double accepted (and, in local mode, logged). */
export type DeliveredMessage = {
  chatId: number | string
  messageId: number
  messageThreadId?: number
  /** What the client sent, HTML included. */
  source: string
  /** What a user would read: tags removed, entities decoded. */
  text: string
  parseMode?: string
  replyMarkup?: unknown
}

export type BotApiState = {
  delivered: DeliveredMessage[]
  webhook: { url: string; secretToken?: string }
  nextMessageId: Map<string, number>
  nextInviteLink: number
  /** The chat of each link createChatInviteLink made: only that chat's link can be revoked. */
  inviteLinks: Map<string, number | string>
  /** Invoices, Star transactions and pre-checkout answers (./stars.ts). */
  stars: StarsState
}

export type MethodContext = {
  token: string
  state: BotApiState
}

/** Answers one Bot API method: returns the `result`, or throws a BotApiError. */
export type MethodHandler = (params: Record<string, unknown>, context: MethodContext) => unknown

export function createState(): BotApiState {
  return {
    delivered: [],
    webhook: { url: "" },
    nextMessageId: new Map(),
    nextInviteLink: 1,
    inviteLinks: new Map(),
    stars: createStarsState(),
  }
}

const MESSAGE_LIMIT = 4096

export function botUser(token: string) {
  const id = Number(/^(\d+):/.exec(token)?.[1] ?? 1)
  return {
    id,
    is_bot: true,
    first_name: "AI Store (Bot API double)",
    username: "aistore_double_bot",
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  }
}

const sendMessage: MethodHandler = (params, { token, state }) => {
  const chatId = readChatId(params.chat_id)
  if (typeof params.text !== "string" || !params.text.trim()) {
    throw new BotApiError(400, "Bad Request: message text is empty")
  }
  const parseMode = typeof params.parse_mode === "string" && params.parse_mode ? params.parse_mode : undefined
  let text = params.text
  if (parseMode?.toLowerCase() === "html") {
    const parsed = parseTelegramHtml(params.text)
    if (!parsed.ok) {
      throw new BotApiError(400, parsed.description)
    }
    text = parsed.text
  } else if (parseMode && !/^markdown(v2)?$/i.test(parseMode)) {
    throw new BotApiError(400, `Bad Request: unsupported parse_mode "${parseMode}"`)
  }
  if (!text.trim()) {
    throw new BotApiError(400, "Bad Request: message text is empty")
  }
  if (text.length > MESSAGE_LIMIT) {
    throw new BotApiError(400, "Bad Request: message is too long")
  }
  const threadId = params.message_thread_id === undefined ? undefined : Number(params.message_thread_id)
  if (threadId !== undefined && (!Number.isSafeInteger(threadId) || threadId <= 0)) {
    throw new BotApiError(400, "Bad Request: message thread not found")
  }

  const key = String(chatId)
  const messageId = state.nextMessageId.get(key) ?? 1
  state.nextMessageId.set(key, messageId + 1)
  state.delivered.push({
    chatId,
    messageId,
    messageThreadId: threadId,
    source: params.text,
    text,
    parseMode,
    replyMarkup: params.reply_markup,
  })
  return {
    message_id: messageId,
    ...(threadId ? { message_thread_id: threadId, is_topic_message: true } : {}),
    from: botUser(token),
    chat: chatFor(chatId),
    date: Math.floor(Date.now() / 1000),
    text,
    ...(params.reply_markup ? { reply_markup: params.reply_markup } : {}),
  }
}

/** Like Telegram: only a link of that chat can be revoked; revoking it again answers the same. */
const revokeChatInviteLink: MethodHandler = (params, { token, state }) => {
  const chatId = readChatId(params.chat_id)
  const inviteLink = typeof params.invite_link === "string" ? params.invite_link : ""
  const linkChat = state.inviteLinks.get(inviteLink)
  if (linkChat === undefined || String(linkChat) !== String(chatId)) {
    throw new BotApiError(400, "Bad Request: INVITE_HASH_EXPIRED")
  }
  return {
    invite_link: inviteLink,
    creator: botUser(token),
    creates_join_request: true,
    is_primary: false,
    is_revoked: true,
  }
}

/** banChatMember and unbanChatMember: a chat and a user id are required; membership is not modelled. */
const memberChange: MethodHandler = (params) => {
  readChatId(params.chat_id)
  readUserId(params.user_id)
  return true
}

function readUserId(value: unknown): number {
  const id = typeof value === "string" && /^\d{1,20}$/.test(value) ? Number(value) : value
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id <= 0) {
    throw new BotApiError(400, "Bad Request: invalid user_id specified")
  }
  return id
}

const accepted: MethodHandler = () => true

/** The methods the store uses; `start({ methods })` adds or replaces any of them. */
export const DEFAULT_METHODS: Record<string, MethodHandler> = {
  getMe: (_params, { token }) => botUser(token),
  sendMessage,
  setWebhook: (params, { state }) => {
    if (typeof params.url !== "string") {
      throw new BotApiError(400, "Bad Request: bad webhook: URL must be a string")
    }
    state.webhook = {
      url: params.url,
      secretToken: typeof params.secret_token === "string" ? params.secret_token : undefined,
    }
    return true
  },
  deleteWebhook: (_params, { state }) => {
    state.webhook = { url: "" }
    return true
  },
  getWebhookInfo: (_params, { state }) => ({
    url: state.webhook.url,
    has_custom_certificate: false,
    pending_update_count: 0,
  }),
  setMyCommands: accepted,
  deleteMyCommands: accepted,
  setChatMenuButton: accepted,
  setMyDescription: accepted,
  setMyShortDescription: accepted,
  sendChatAction: accepted,
  answerCallbackQuery: accepted,
  approveChatJoinRequest: accepted,
  declineChatJoinRequest: accepted,
  revokeChatInviteLink,
  ...STARS_METHODS,
  banChatMember: memberChange,
  unbanChatMember: memberChange,
  createChatInviteLink: (params, { token, state }) => {
    const chatId = readChatId(params.chat_id)
    const number = state.nextInviteLink++
    const inviteLink = `https://t.me/+double${String(number).padStart(6, "0")}`
    state.inviteLinks.set(inviteLink, chatId)
    return {
      invite_link: inviteLink,
      creator: botUser(token),
      creates_join_request: params.creates_join_request === true || params.creates_join_request === "true",
      is_primary: false,
      is_revoked: false,
      ...(params.name !== undefined ? { name: String(params.name) } : {}),
      ...(params.expire_date !== undefined ? { expire_date: Number(params.expire_date) } : {}),
      ...(params.member_limit !== undefined ? { member_limit: Number(params.member_limit) } : {}),
    }
  },
}

function readChatId(value: unknown): number | string {
  if (typeof value === "number" && Number.isSafeInteger(value) && value !== 0) {
    return value
  }
  if (typeof value === "string" && /^-?\d{1,20}$/.test(value) && Number(value) !== 0) {
    return Number(value)
  }
  if (typeof value === "string" && /^@[A-Za-z][A-Za-z0-9_]{3,31}$/.test(value)) {
    return value
  }
  const empty = value === undefined || value === ""
  throw new BotApiError(400, empty ? "Bad Request: chat_id is empty" : "Bad Request: chat not found")
}

function chatFor(chatId: number | string) {
  if (typeof chatId === "string") {
    return { id: -1000000000001, type: "channel", title: chatId.slice(1), username: chatId.slice(1) }
  }
  if (chatId > 0) {
    return { id: chatId, type: "private", first_name: "Test", username: `user${chatId}` }
  }
  return { id: chatId, type: "supergroup", title: "Test group", is_forum: true }
}
