import fc from "fast-check"

/** Strings a hostile client sends: NUL and control characters, prototype keys, broken UTF-16, injections, long text. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "course\u0000",
    "\u0001\u0007\u001b[2J\u007f",
    "__proto__",
    "constructor",
    "toString",
    "hasOwnProperty",
    "prototype",
    "\ud800",
    "x\udc00",
    "../../../etc/passwd",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "${7*7}{{7*7}}",
    "NaN",
    "-1",
    "1e309",
    "0x7fffffff",
    " ",
    "",
    "😀".repeat(300),
    "я".repeat(2_000),
    "9".repeat(400)
  ),
  fc.string({ unit: "binary", maxLength: 24 }),
  fc.string({ unit: fc.constantFrom("\u0000", "\ud800", "a", "%", "/", "."), maxLength: 12 })
)

/** Numbers at and past the limits of the types behind them (PostgreSQL integer and numeric, JS safe integers). */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, 1.5, -0.001, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, -(2 ** 63), 1e21, 1e308, Number.MIN_VALUE),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true })
)

/** Any JSON value a client may put where another type is expected, prototype keys included. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 3 })
)

/** Keys a hostile client adds to an object. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "id", "customer_id", "metadata", "\u0000", "a\ud800"),
  fc.string({ maxLength: 12 })
)

/**
 * Percent-encodes a string the way a client that encodes everything would, byte by byte of its UTF-8
 * (a half of a UTF-16 pair goes as U+FFFD, which is what a client can send).
 */
export function percentEncode(text: string): string {
  return [...Buffer.from(text, "utf8")].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`).join("")
}

/** A path segment or query value a client sends: encoded, or raw bytes that are not valid encoding. */
export const hostileUrlPart: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileString.map((text) => percentEncode(text.slice(0, 1_000))) },
  fc.constantFrom("%00", "%", "%zz", "%E0%A4%A", "%ED%A0%80", "%C0%AF", "..%2F..%2F", "%2e%2e", "a%20b", "%25")
)
