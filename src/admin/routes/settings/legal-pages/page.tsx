import { defineRouteConfig } from "@medusajs/admin-sdk"
import { DocumentText } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Label, Tabs, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState, type FormEvent } from "react"
import { useTranslation } from "react-i18next"
import type { LegalLanguage, LegalPage, LegalPageSlug } from "../../../../utils/legal-pages"
import { adminApi } from "../../../lib/admin-api"

const SLUGS: LegalPageSlug[] = ["offer", "privacy", "refunds"]
const LANGUAGES: LegalLanguage[] = ["ru", "en"]

/** Settings → Legal pages: the merchant edits the consent pages the Mini App's checkout links to. */
const LegalPagesPage = () => {
  const { t } = useTranslation()
  const [pages, setPages] = useState<LegalPage[]>()

  useEffect(() => {
    adminApi<{ pages: LegalPage[] }>("/admin/legal-pages")
      .then(({ pages }) => setPages(pages))
      .catch((error: Error) => toast.error(t("legalPages.loadError"), { description: error.message }))
  }, [t])

  const replace = (saved: LegalPage) =>
    setPages((current) =>
      current?.map((page) => (page.slug === saved.slug && page.language === saved.language ? saved : page))
    )

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">{t("legalPages.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle mt-1">
          {t("legalPages.description")}
        </Text>
      </div>
      {SLUGS.map((slug) => (
        <div key={slug} className="px-6 py-4">
          <Heading level="h2" className="mb-3">
            {t(`legalPages.pages.${slug}`)}
          </Heading>
          <Tabs defaultValue="ru">
            <Tabs.List>
              {LANGUAGES.map((language) => (
                <Tabs.Trigger key={language} value={language}>
                  {t(`legalPages.languages.${language}`)}
                </Tabs.Trigger>
              ))}
            </Tabs.List>
            {LANGUAGES.map((language) => {
              const page = pages?.find((entry) => entry.slug === slug && entry.language === language)
              return (
                <Tabs.Content key={language} value={language} className="pt-4">
                  {page ? <LegalPageForm page={page} onSaved={replace} /> : <Text size="small">…</Text>}
                </Tabs.Content>
              )
            })}
          </Tabs>
        </div>
      ))}
    </Container>
  )
}

function LegalPageForm({ page, onSaved }: { page: LegalPage; onSaved: (page: LegalPage) => void }) {
  const { t, i18n } = useTranslation()
  const [title, setTitle] = useState(page.title)
  const [body, setBody] = useState(page.body)
  const [saving, setSaving] = useState(false)
  const id = `${page.slug}-${page.language}`

  const save = async (event: FormEvent) => {
    event.preventDefault()
    setSaving(true)
    try {
      const { page: saved } = await adminApi<{ page: LegalPage }>(`/admin/legal-pages/${page.slug}`, {
        method: "POST",
        body: { language: page.language, title, body },
      })
      onSaved(saved)
      toast.success(t("legalPages.saved"))
    } catch (error) {
      toast.error(t("legalPages.saveError"), { description: (error as Error).message })
    } finally {
      setSaving(false)
    }
  }

  return (
    <form className="flex flex-col gap-y-3" onSubmit={save}>
      <div className="flex flex-col gap-y-1">
        <Label htmlFor={`${id}-title`}>{t("legalPages.fields.title")}</Label>
        <Input id={`${id}-title`} value={title} maxLength={200} onChange={(event) => setTitle(event.target.value)} />
      </div>
      <div className="flex flex-col gap-y-1">
        <Label htmlFor={`${id}-body`}>{t("legalPages.fields.body")}</Label>
        <Textarea id={`${id}-body`} rows={12} value={body} onChange={(event) => setBody(event.target.value)} />
        <Text size="xsmall" className="text-ui-fg-subtle">
          {t("legalPages.fields.bodyHint")}
        </Text>
      </div>
      <div className="flex items-center justify-between">
        {page.updated_at ? (
          <Text size="small" className="text-ui-fg-subtle">
            {t("legalPages.updatedAt", { date: new Date(page.updated_at).toLocaleString(i18n.language) })}
          </Text>
        ) : (
          <Badge size="2xsmall">{t("legalPages.default")}</Badge>
        )}
        <Button type="submit" size="small" isLoading={saving} disabled={!title.trim() || !body.trim()}>
          {t("legalPages.save")}
        </Button>
      </div>
    </form>
  )
}

export const config = defineRouteConfig({
  label: "legalPages.menu",
  translationNs: "translation",
  icon: DocumentText,
})

export default LegalPagesPage
