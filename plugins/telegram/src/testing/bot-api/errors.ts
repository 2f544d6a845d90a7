/** A Bot API error answer: the handler throws it, the double answers `{ ok: false, ... }`. */
export class BotApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number }
  ) {
    super(`${errorCode}: ${description}`)
  }
}
