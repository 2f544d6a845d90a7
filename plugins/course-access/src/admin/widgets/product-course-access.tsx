import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Input, Label, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState, type FormEvent } from "react"
import { useTranslation } from "react-i18next"
import type { AdminCourseAccessConfig } from "../../types"
import { adminApi } from "../lib/admin-api"

const EMPTY: AdminCourseAccessConfig = { access_url: null, telegram_chat_id: null, instructions: null }

/**
 * The course's private access data on the product page: what a buyer receives once paid.
 * Kept by the course-access module, never in the product's metadata (which the store shows).
 */
const ProductCourseAccessWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const { t } = useTranslation()
  const path = `/admin/products/${product.id}/course-access`
  const [form, setForm] = useState<AdminCourseAccessConfig>(EMPTY)
  const [loading, setLoading] = useState(true)
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    adminApi<{ course_access: AdminCourseAccessConfig | null }>(path)
      .then(({ course_access }) => setForm(course_access ?? EMPTY))
      .catch((error: Error) => toast.error(t("aistoreCourseAccess.loadFailed"), { description: error.message }))
      .finally(() => setLoading(false))
  }, [path, t])

  const field = (name: keyof AdminCourseAccessConfig) => ({
    value: form[name] ?? "",
    disabled: loading || saving,
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value }),
  })

  const save = async (event: FormEvent) => {
    event.preventDefault()
    setSaving(true)
    try {
      const { course_access } = await adminApi<{ course_access: AdminCourseAccessConfig | null }>(path, {
        method: "POST",
        body: form,
      })
      setForm(course_access ?? EMPTY)
      toast.success(t("aistoreCourseAccess.saved"))
    } catch (error) {
      toast.error(t("aistoreCourseAccess.notSaved"), { description: (error as Error).message })
    } finally {
      setSaving(false)
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">{t("aistoreCourseAccess.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("aistoreCourseAccess.productHint")}
        </Text>
      </div>
      <form onSubmit={save} className="flex flex-col gap-y-4 px-6 py-4">
        <div className="flex flex-col gap-y-2">
          <Label htmlFor="course-access-url">{t("aistoreCourseAccess.accessUrl")}</Label>
          <Input id="course-access-url" type="url" placeholder="https://…" {...field("access_url")} />
        </div>
        <div className="flex flex-col gap-y-2">
          <Label htmlFor="course-access-chat">{t("aistoreCourseAccess.chatId")}</Label>
          <Input id="course-access-chat" placeholder="-1001234567890" {...field("telegram_chat_id")} />
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t("aistoreCourseAccess.chatHint")}
          </Text>
        </div>
        <div className="flex flex-col gap-y-2">
          <Label htmlFor="course-access-instructions">{t("aistoreCourseAccess.instructions")}</Label>
          <Textarea id="course-access-instructions" rows={4} {...field("instructions")} />
        </div>
        <div className="flex justify-end">
          <Button type="submit" size="small" isLoading={saving} disabled={loading}>
            {t("aistoreCourseAccess.save")}
          </Button>
        </div>
      </form>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "product.details.after",
})

export default ProductCourseAccessWidget
