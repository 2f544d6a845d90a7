import { getStorefrontConfig } from "../api/config"
import { requestJson } from "../api/http"
import { useServices } from "../app/services"
import { ErrorView } from "../components/ErrorView"
import { t } from "../i18n"
import { useAsync } from "../lib/use-async"

type LegalPageBody = { page: { slug: string; title: string; body: string } }

/** A consent page the merchant edits in the admin (public offer, personal data policy, refund terms). */
export default function LegalPage({ slug }: { slug: string }) {
  const { locale } = useServices()
  const page = useAsync(
    async (signal) => {
      const config = await getStorefrontConfig()
      return requestJson<LegalPageBody>(`/store/legal-pages/${encodeURIComponent(slug)}`, {
        headers: { "x-publishable-api-key": config.publishable_key, "x-medusa-locale": locale },
        signal,
      })
    },
    [slug, locale]
  )

  if (page.status === "error") return <ErrorView error={page.error} onRetry={page.retry} testId="legal-error" />
  if (page.status === "loading") {
    return (
      <main className="screen" aria-busy="true" aria-label={t("loading")}>
        <section className="card">
          <span className="skeleton-line" />
          <span className="skeleton-line skeleton-line--short" />
        </section>
      </main>
    )
  }
  return (
    <main className="screen legal" data-testid="legal-page" data-slug={slug}>
      <article className="card">
        <h1 className="screen__title">{page.value.page.title}</h1>
        {page.value.page.body.split(/\n{2,}/).map((paragraph, index) => (
          <p className="prose" key={index}>
            {paragraph}
          </p>
        ))}
      </article>
    </main>
  )
}
