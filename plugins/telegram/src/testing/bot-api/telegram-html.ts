/**
 * A strict-enough reading of Telegram's HTML parse mode, for the Bot API double:
 * returns the text a user would see (tags removed, entities decoded) or the Bot API's
 * "can't parse entities" description. Like Telegram: `<` must open a supported tag, end
 * tags must match, `&` that is not a known entity stays literal.
 */
export type ParsedHtml = { ok: true; text: string } | { ok: false; description: string }

const SUPPORTED_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "tg-emoji",
  "code",
  "pre",
  "blockquote",
])

const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*)?>$/

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' }

export function parseTelegramHtml(html: string): ParsedHtml {
  const open: string[] = []
  let text = ""
  let index = 0
  while (index < html.length) {
    const char = html[index]
    if (char === "<") {
      const end = html.indexOf(">", index)
      const tag = end === -1 ? undefined : TAG.exec(html.slice(index, end + 1))
      if (!tag) {
        return fail(`Unexpected end of name token at byte offset ${byteOffset(html, index)}`)
      }
      const [, closing, rawName] = tag
      const name = rawName.toLowerCase()
      if (!closing) {
        if (!SUPPORTED_TAGS.has(name)) {
          return fail(`Unsupported start tag "${name}" at byte offset ${byteOffset(html, index)}`)
        }
        open.push(name)
      } else {
        const expected = open.pop()
        if (expected === undefined) {
          return fail(`Unexpected end tag at byte offset ${byteOffset(html, index)}`)
        }
        if (expected !== name) {
          return fail(
            `Unmatched end tag at byte offset ${byteOffset(html, index)}, expected "</${expected}>", found "</${name}>"`
          )
        }
      }
      index = end + 1
      continue
    }
    if (char === "&") {
      const entity = /^&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]+);/.exec(html.slice(index, index + 12))
      const decoded = entity ? decodeEntity(entity[1]) : undefined
      if (entity && decoded !== undefined) {
        text += decoded
        index += entity[0].length
        continue
      }
    }
    text += char
    index++
  }
  if (open.length) {
    return fail(`Can't find end tag corresponding to start tag "${open[open.length - 1]}"`)
  }
  return { ok: true, text }
}

function decodeEntity(body: string): string | undefined {
  if (body.startsWith("#x")) {
    return safeCodePoint(parseInt(body.slice(2), 16))
  }
  if (body.startsWith("#")) {
    return safeCodePoint(parseInt(body.slice(1), 10))
  }
  return NAMED_ENTITIES[body]
}

function safeCodePoint(code: number): string | undefined {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined
}

function byteOffset(text: string, index: number): number {
  return Buffer.byteLength(text.slice(0, index))
}

function fail(detail: string): ParsedHtml {
  return { ok: false, description: `Bad Request: can't parse entities: ${detail}` }
}
