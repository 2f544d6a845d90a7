import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import deliverCourseAccessJob, {
  type CourseAccessJobSummary,
} from "../../plugins/course-access/src/jobs/deliver-course-access"
import { COURSE_ACCESS_MODULE } from "../../plugins/course-access/src/modules/course-access"
import type CourseAccessModuleService from "../../plugins/course-access/src/modules/course-access/service"
import { useEnvironment } from "../helpers/test-environment"

jest.setTimeout(240_000)

/** More than one page of candidates, and more than the 50 the job used to look at. */
const LOST_ORDERS = 120

// A server without background processors: no subscriber grants the orders (their events are
// "lost") and the scheduled run of the job does not race the runs made here.
useEnvironment({ MEDUSA_WORKER_MODE: "server" })

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ getContainer, dbConnection }) => {
    it("grants every order whose event was lost, however many, across runs that each keep to their budget", async () => {
      const container = getContainer()
      const [course] = await container
        .resolve(Modules.PRODUCT)
        .createProducts([{ title: "Бесплатный курс", status: "published" }])
      const [customer] = await container.resolve(Modules.CUSTOMER).createCustomers([{ first_name: "Покупатель" }])
      // Free orders placed a few minutes ago whose order.placed never reached the subscriber: no access.
      const orders = await container.resolve(Modules.ORDER).createOrders(
        Array.from({ length: LOST_ORDERS }, (_, index) => ({
          currency_code: "rub",
          customer_id: customer.id,
          status: "pending" as const,
          items: [{ title: `${course.title} ${index}`, quantity: 1, unit_price: 0, product_id: course.id }],
        }))
      )
      const orderIds = orders.map((order) => order.id)
      await dbConnection.raw(`UPDATE "order" SET created_at = now() - interval '5 minutes' WHERE id = ANY(?)`, [
        orderIds,
      ])
      const accesses = container.resolve<CourseAccessModuleService>(COURSE_ACCESS_MODULE)
      const grantedOrders = async () =>
        new Set(
          (await accesses.listCourseAccesses({ order_id: orderIds }, { select: ["order_id"], take: null })).map(
            (access) => access.order_id
          )
        )
      expect((await grantedOrders()).size).toBe(0)

      // A spent budget: the run grants one order and leaves the rest to the next run.
      const first = await deliverCourseAccessJob(container, { budgetMs: 0 })
      expect(first).toMatchObject({ granted: 1, unfinished: true })
      expect((await grantedOrders()).size).toBe(1)

      // The next runs, with their usual budget, page through every candidate left.
      const runs: CourseAccessJobSummary[] = [first]
      do {
        runs.push(await deliverCourseAccessJob(container))
      } while (runs[runs.length - 1].unfinished && runs.length < 5)
      expect(runs[runs.length - 1].unfinished).toBe(false)
      expect((await grantedOrders()).size).toBe(LOST_ORDERS)
      expect(runs.reduce((sum, run) => sum + run.granted, 0)).toBe(LOST_ORDERS)

      // With its usual budget, a run after that finds nothing left to do.
      expect(await deliverCourseAccessJob(container)).toMatchObject({ granted: 0, unfinished: false })
    })
  },
})
