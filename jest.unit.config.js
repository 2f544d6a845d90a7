const base = require("./jest.config")

/**
 * `npm run test:unit`: the tests that need neither a database nor a build, in seconds.
 * The plugins are imported from their sources instead of their built `.medusa/server`.
 */
module.exports = {
  ...base,
  testMatch: [
    "<rootDir>/plugins/*/src/**/__tests__/**/*.spec.[jt]s",
    "<rootDir>/storefront-miniapp/src/**/__tests__/**/*.spec.ts",
    "<rootDir>/integration-tests/unit/**/*.spec.[jt]s",
  ],
  moduleNameMapper: {
    // Public entry points whose source sits elsewhere than their name says.
    "^@aistore/medusa-course-access/ownership$": "<rootDir>/plugins/course-access/src/delivery/ownership",
    "^@aistore/medusa-([a-z-]+)/(.*)$": "<rootDir>/plugins/$1/src/$2",
  },
  setupFiles: [],
  testTimeout: 30000,
}
