import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { errorResponse } from "../helpers/http"

jest.setTimeout(180_000)

const ADMIN = { email: "merchant@aistore.test", password: "correct horse battery staple" }

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    beforeAll(async () => {
      // What `medusa user -e … -p …` does: an emailpass identity, then the user linked to it.
      const container = getContainer()
      const { authIdentity } = await container.resolve(Modules.AUTH).register("emailpass", { body: ADMIN } as never)
      await createUserAccountWorkflow(container).run({
        input: { authIdentityId: authIdentity!.id, userData: { email: ADMIN.email } },
      })
    })

    it("signs an admin in with e-mail and password while the auth module also has the Telegram provider", async () => {
      const { data } = await api.post("/auth/user/emailpass", ADMIN)
      expect(data.token).toEqual(expect.any(String))

      const me = await api.get("/admin/users/me", { headers: { authorization: `Bearer ${data.token}` } })
      expect(me.data.user.email).toBe(ADMIN.email)

      const products = await api.get("/admin/products?limit=1", {
        headers: { authorization: `Bearer ${data.token}` },
      })
      expect(products.status).toBe(200)
    })

    it("refuses a wrong password with 401 and a message", async () => {
      const response = await api.post("/auth/user/emailpass", { ...ADMIN, password: "wrong" }).catch(errorResponse)
      expect(response.status).toBe(401)
      expect(response.data.message).toEqual(expect.any(String))
    })

    it("never lets the shopper provider sign in an admin", async () => {
      const response = await api.post("/auth/user/telegram", {}).catch(errorResponse)
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.status).toBeLessThan(500)
      expect(response.data.token).toBeUndefined()
    })

    it("keeps admin routes closed without a token", async () => {
      const response = await api.get("/admin/products").catch(errorResponse)
      expect(response.status).toBe(401)
    })
  },
})
