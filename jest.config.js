const { loadEnv } = require("@medusajs/framework/utils")

loadEnv("test", process.cwd())

/** One run for the whole workspace: plugins' unit tests and the store's integration tests. */
module.exports = {
  transform: {
    // The topology specs drive scripts/topology/*.mjs (ES modules) in process: keep their import() native.
    "/integration-tests/topology/.+\\.ts$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript" } }, module: { type: "commonjs", ignoreDynamic: true } },
    ],
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true, tsx: true },
          transform: { react: { runtime: "automatic" } },
        },
      },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: [
    "<rootDir>/.medusa/",
    "<rootDir>/plugins/.*/\\.medusa/",
    "<rootDir>/storefront-miniapp/dist/",
    "<rootDir>/.local/",
  ],
  testMatch: [
    "<rootDir>/plugins/*/src/**/__tests__/**/*.spec.[jt]s",
    "<rootDir>/integration-tests/**/*.spec.[jt]s",
    "<rootDir>/storefront-miniapp/src/**/__tests__/**/*.spec.ts",
  ],
  setupFiles: ["<rootDir>/integration-tests/setup.js"],
  testTimeout: 120000,
}
