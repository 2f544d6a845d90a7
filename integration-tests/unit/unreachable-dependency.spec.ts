import { MedusaError } from "@medusajs/framework/utils"
import { isUnreachableDependency } from "../../src/api/errors/unreachable-dependency"

/** Errors shaped as pg, knex and MikroORM raise them when PostgreSQL cannot be reached. */
const socketError = (code: string, message: string) => Object.assign(new Error(message), { code, syscall: "connect" })

const withCause = (error: Error, cause: unknown) => Object.assign(error, { cause })

describe("isUnreachableDependency", () => {
  it.each([
    ["pg: connection refused", socketError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432")],
    ["pg: connection reset", socketError("ECONNRESET", "read ECONNRESET")],
    ["pg: the connection ended mid-query", new Error("Connection terminated unexpectedly")],
    [
      "knex: no connection from the pool",
      Object.assign(new Error("Knex: Timeout acquiring a connection. The pool is probably full."), {
        name: "KnexTimeoutError",
      }),
    ],
    [
      "PostgreSQL shutting down",
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
    ],
    ["PostgreSQL starting up", Object.assign(new Error("the database system is starting up"), { code: "57P03" })],
    ["MikroORM's wrapper", Object.assign(new Error("connect failed"), { name: "ConnectionException" })],
    [
      "ioredis giving a command up while Redis is down",
      Object.assign(
        new Error(
          'Reached the max retries per request limit (which is 20). Refer to "maxRetriesPerRequest" option for details.'
        ),
        { name: "MaxRetriesPerRequestError" }
      ),
    ],
    [
      "a wrapped cause",
      withCause(
        new Error("step failed"),
        withCause(new Error("wrapper"), socketError("ECONNREFUSED", "connect ECONNREFUSED"))
      ),
    ],
  ])("recognises %s", (_, error) => {
    expect(isUnreachableDependency(error)).toBe(true)
  })

  it.each([
    ["a missing record", new MedusaError(MedusaError.Types.NOT_FOUND, "Cart with id: cart_1 was not found")],
    ["invalid input", new MedusaError(MedusaError.Types.INVALID_DATA, "quantity must be 1")],
    [
      "a unique violation",
      Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" }),
    ],
    ["a plain bug", new TypeError("Cannot read properties of undefined (reading 'id')")],
    ["not an error", "ECONNREFUSED"],
    ["nothing", undefined],
  ])("leaves %s to Medusa's handler", (_, error) => {
    expect(isUnreachableDependency(error)).toBe(false)
  })
})
