import { z } from "@medusajs/framework/zod"
import { LEGAL_LANGUAGES } from "../../../utils/legal-pages"

export const AdminSaveLegalPage = z
  .object({
    language: z.enum(LEGAL_LANGUAGES),
    title: z.string().trim().min(1).max(200),
    body: z.string().trim().min(1).max(50_000),
  })
  .strict()

export type AdminSaveLegalPageType = z.infer<typeof AdminSaveLegalPage>
