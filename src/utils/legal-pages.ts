import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { updateStoresWorkflow } from "@medusajs/medusa/core-flows"
import { DEFAULT_LEGAL_PAGES } from "./legal-pages-defaults"

/**
 * The consent pages the checkout links to, edited by the merchant in the admin. They live in the
 * store's metadata (admin-writable only; no store route exposes it) under one key, per page and
 * language; a page the merchant has not edited yet shows the default text.
 */
export const LEGAL_PAGE_SLUGS = ["offer", "privacy", "refunds"] as const
export type LegalPageSlug = (typeof LEGAL_PAGE_SLUGS)[number]
export const LEGAL_LANGUAGES = ["ru", "en"] as const
export type LegalLanguage = (typeof LEGAL_LANGUAGES)[number]

export type LegalText = { title: string; body: string }
export type LegalPage = LegalText & { slug: LegalPageSlug; language: LegalLanguage; updated_at: string | null }

type StoredText = LegalText & { updated_at: string }
type Stored = Partial<Record<LegalPageSlug, Partial<Record<LegalLanguage, StoredText>>>>

const METADATA_KEY = "legal_pages"

/** `en-US` → en, anything else (and nothing) → ru, the store's own language. */
export function legalLanguage(locale: string | undefined): LegalLanguage {
  return locale?.toLowerCase().startsWith("en") ? "en" : "ru"
}

async function readStore(container: MedusaContainer) {
  const [store] = await container.resolve(Modules.STORE).listStores({}, { take: 1, select: ["id", "metadata"] })
  if (!store) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "The store is not set up yet: run the database migrations")
  }
  return store
}

function storedPages(metadata: Record<string, unknown> | null | undefined): Stored {
  const value = metadata?.[METADATA_KEY]
  return value && typeof value === "object" ? (value as Stored) : {}
}

export async function getLegalPage(
  container: MedusaContainer,
  slug: LegalPageSlug,
  language: LegalLanguage
): Promise<LegalPage> {
  const stored = storedPages((await readStore(container)).metadata)[slug]?.[language]
  const text = stored ?? DEFAULT_LEGAL_PAGES[slug][language]
  return { slug, language, title: text.title, body: text.body, updated_at: stored?.updated_at ?? null }
}

export async function listLegalPages(container: MedusaContainer): Promise<LegalPage[]> {
  const stored = storedPages((await readStore(container)).metadata)
  return LEGAL_PAGE_SLUGS.flatMap((slug) =>
    LEGAL_LANGUAGES.map((language) => {
      const saved = stored[slug]?.[language]
      const text = saved ?? DEFAULT_LEGAL_PAGES[slug][language]
      return { slug, language, title: text.title, body: text.body, updated_at: saved?.updated_at ?? null }
    })
  )
}

/** Saves one page in one language; the other pages and the rest of the metadata are kept. */
export async function saveLegalPage(
  container: MedusaContainer,
  slug: LegalPageSlug,
  language: LegalLanguage,
  text: LegalText
): Promise<LegalPage> {
  const store = await readStore(container)
  const pages = storedPages(store.metadata)
  const updated_at = new Date().toISOString()
  const next: Stored = { ...pages, [slug]: { ...pages[slug], [language]: { ...text, updated_at } } }
  await updateStoresWorkflow(container).run({
    input: { selector: { id: store.id }, update: { metadata: { ...(store.metadata ?? {}), [METADATA_KEY]: next } } },
  })
  return { slug, language, ...text, updated_at }
}
