// @telegram-apps/init-data-node publishes ESM-only type declarations; at runtime jest loads its
// CommonJS build, so it is required here with the one signature the tests use.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const initDataNode = require("@telegram-apps/init-data-node") as {
  sign: (data: Record<string, unknown>, token: string, authDate: Date) => string
}

/** Signs initData the way Telegram does, for a bot token the tests know. */
export const signInitData = initDataNode.sign
