import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { COURSE_ACCESS_MODULE } from "../../../../../modules/course-access"
import type CourseAccessModuleService from "../../../../../modules/course-access/service"
import { saveCourseAccessConfigWorkflow } from "../../../../../workflows/save-course-access-config"
import type { AdminCourseAccessConfig } from "../../../../../types"
import type { AdminSaveCourseAccessConfigType } from "./validators"

type Response = { course_access: AdminCourseAccessConfig | null }

async function assertProduct(container: MedusaContainer, productId: string) {
  const [product] = await container
    .resolve(Modules.PRODUCT)
    .listProducts({ id: productId }, { select: ["id"], take: 1 })
  if (!product) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id "${productId}" not found`)
  }
}

const view = (data: AdminCourseAccessConfig | null | undefined): AdminCourseAccessConfig | null =>
  data
    ? { access_url: data.access_url, telegram_chat_id: data.telegram_chat_id, instructions: data.instructions }
    : null

/** GET /admin/products/:id/course-access: the course's private access data (the product page widget). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<Response>) {
  await assertProduct(req.scope, req.params.id)
  const [data] = await req.scope
    .resolve<CourseAccessModuleService>(COURSE_ACCESS_MODULE)
    .listCourseAccessConfigs({ product_id: req.params.id }, { take: 1 })
  res.json({ course_access: view(data) })
}

/** POST /admin/products/:id/course-access: saves it; every field empty removes it. */
export async function POST(
  req: AuthenticatedMedusaRequest<AdminSaveCourseAccessConfigType>,
  res: MedusaResponse<Response>
) {
  await assertProduct(req.scope, req.params.id)
  const body = req.validatedBody
  const { result } = await saveCourseAccessConfigWorkflow(req.scope).run({
    input: {
      product_id: req.params.id,
      access_url: body.access_url ?? null,
      telegram_chat_id: body.telegram_chat_id ?? null,
      instructions: body.instructions ?? null,
    },
  })
  res.json({ course_access: view(result) })
}
