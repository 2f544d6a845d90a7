/** `@aistore/medusa-telegram/testing`: a local Bot API double for tests and local mode (never production). */
export * from "./bot-api-double"
