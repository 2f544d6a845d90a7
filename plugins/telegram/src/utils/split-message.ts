/** The Bot API's limit for one text message (`sendMessage`), in UTF-16 code units. */
export const TELEGRAM_MESSAGE_LIMIT = 4096

export type SplitMessageOptions = {
  /** Longest chunk, counted on the HTML source. Default: {@link TELEGRAM_MESSAGE_LIMIT}. */
  limit?: number
}

/**
 * Splits a message written in Telegram's HTML parse mode into chunks of at most `limit`
 * characters, each of which is valid HTML on its own.
 *
 * - Length is counted on the HTML source (tags and entities included). Telegram counts
 *   the text after parsing, which is never longer, so every chunk fits.
 * - A cut goes, by preference, at a blank line, then at a line break, then at a space,
 *   in the second half of a chunk if possible; only a line with no space at all is cut
 *   between two characters.
 * - Never inside a tag, an entity (`&amp;`) or a surrogate pair. When a cut falls
 *   inside an element (`<b>...</b>` spanning lines), the element is closed at the end of
 *   the chunk and opened again at the start of the next one.
 * - White space at the edges of a chunk is dropped; a text with no content gives `[]`.
 *
 * The input must already be valid Telegram HTML: user-supplied parts escaped with
 * `escapeHtml`, only Telegram's tags, each closed.
 */
export function splitMessage(html: string, options: SplitMessageOptions = {}): string[] {
  const limit = options.limit ?? TELEGRAM_MESSAGE_LIMIT
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`splitMessage: limit must be a positive integer, got ${limit}`)
  }

  const atoms = tokenize(html)
  const chunks: string[] = []
  let index = 0
  let stack: readonly OpenTag[] = []

  while (index < atoms.length) {
    let body = stack.map((tag) => tag.source).join("")
    let open = stack
    let hasContent = false
    const breaks: Break[] = []

    let next = index
    if (!open.some((tag) => PREFORMATTED.has(tag.name))) {
      while (next < atoms.length && (atoms[next].kind === "space" || atoms[next].kind === "newline")) next++
    }
    for (; next < atoms.length; next++) {
      const atom = atoms[next]
      const nextOpen = applyTag(open, atom)
      if (body.length + atom.source.length + closingTags(nextOpen).length > limit) {
        break
      }
      body += atom.source
      open = nextOpen
      hasContent ||= atom.kind === "text"
      if (hasContent && atom.kind !== "open") {
        breaks.push({ end: next + 1, length: body.length, open, weight: breakWeight(atoms, next) })
      }
    }

    if (next >= atoms.length) {
      pushChunk(chunks, body, open, hasContent)
      break
    }

    const cut = chooseBreak(breaks, limit)
    if (!cut) {
      throw new RangeError(
        `splitMessage: cannot cut into chunks of ${limit} characters ` +
          "(a tag, or the tags open around it, are longer than that)"
      )
    }
    pushChunk(chunks, body.slice(0, cut.length), cut.open, true)
    index = cut.end
    stack = cut.open
  }

  return chunks
}

const PREFORMATTED = new Set(["pre", "code"])

type AtomKind = "open" | "close" | "space" | "newline" | "text"

type Atom = { kind: AtomKind; source: string; tagName?: string }

type OpenTag = { name: string; source: string }

type Break = {
  /** Index of the first atom after the cut. */
  end: number
  /** Length of the chunk's source up to the cut. */
  length: number
  /** Elements open at the cut. */
  open: readonly OpenTag[]
  /** 3 blank line, 2 line break, 1 space, 0 anywhere else. */
  weight: number
}

const ATOM = /<\/?[a-zA-Z][^<>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);|[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/g

function tokenize(html: string): Atom[] {
  const atoms: Atom[] = []
  for (const [source] of html.matchAll(ATOM)) {
    if (source.length > 1 && source.startsWith("<")) {
      const tagName = /^<\/?([a-zA-Z][a-zA-Z0-9-]*)/.exec(source)![1].toLowerCase()
      atoms.push({ kind: source.startsWith("</") ? "close" : "open", source, tagName })
    } else if (source === "\n") {
      atoms.push({ kind: "newline", source })
    } else if (/^\s$/.test(source)) {
      atoms.push({ kind: "space", source })
    } else {
      atoms.push({ kind: "text", source })
    }
  }
  return atoms
}

function applyTag(open: readonly OpenTag[], atom: Atom): readonly OpenTag[] {
  if (atom.kind === "open") {
    return [...open, { name: atom.tagName!, source: atom.source }]
  }
  if (atom.kind === "close") {
    const at = open.map((tag) => tag.name).lastIndexOf(atom.tagName!)
    return at === -1 ? open : open.slice(0, at)
  }
  return open
}

function closingTags(open: readonly OpenTag[]): string {
  return open
    .map((tag) => `</${tag.name}>`)
    .reverse()
    .join("")
}

function breakWeight(atoms: Atom[], at: number): number {
  const atom = atoms[at]
  if (atom.kind === "newline") {
    return atoms[at - 1]?.kind === "newline" ? 3 : 2
  }
  return atom.kind === "space" ? 1 : 0
}

/** The strongest break, preferring the second half of the chunk; ties go to the latest. */
function chooseBreak(breaks: Break[], limit: number): Break | undefined {
  const late = breaks.filter((cut) => cut.weight > 0 && cut.length >= limit / 2)
  const natural = breaks.filter((cut) => cut.weight > 0)
  const pool = late.length ? late : natural.length ? natural : breaks
  return pool.reduce<Break | undefined>((best, cut) => (!best || cut.weight >= best.weight ? cut : best), undefined)
}

function pushChunk(chunks: string[], source: string, open: readonly OpenTag[], hasContent: boolean) {
  if (!hasContent) {
    return
  }
  const chunk = source.trimEnd() + closingTags(open)
  if (chunk.replace(/<[^<>]*>/g, "").trim()) {
    chunks.push(chunk)
  }
}
