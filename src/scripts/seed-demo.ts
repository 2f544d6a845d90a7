import fs from "fs"
import path from "path"
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, FeatureFlag, Modules, ProductStatus } from "@medusajs/framework/utils"
import { STORE_LOCALE } from "../catalog/locale"
import {
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createTranslationsWorkflow,
  updateProductsWorkflow,
  updateStoresWorkflow,
  uploadFilesWorkflow,
} from "@medusajs/medusa/core-flows"

/** Store metadata key set when the demo catalogue has been seeded completely. */
export const DEMO_SEEDED_MARKER = "demo_catalogue_seeded_at"
/** The store's primary content is Russian; English lives in the translation module. */
export const PRIMARY_LOCALE = STORE_LOCALE
export const ENGLISH_LOCALE = "en-US"
export const ACCESS_OPTION_TITLE = "Доступ"
export const ACCESS_OPTION_VALUE = "Полный доступ"

interface LocalizedText {
  ru: string
  en: string
}

interface LocalizedList {
  ru: string[]
  en: string[]
}

export interface DemoCategory {
  handle: string
  name: LocalizedText
  description: LocalizedText
}

export interface DemoCourse {
  handle: string
  category: string
  title: LocalizedText
  subtitle: LocalizedText
  description: LocalizedText
  price_rub: number
  level: string
  duration_hours: number
  lessons: number
  /** What the shopper will learn: the course page's list. */
  outcomes: LocalizedList
  cover: string
}

export interface DemoCatalogue {
  categories: DemoCategory[]
  courses: DemoCourse[]
}

export interface SeedDemoResult {
  /** Categories and products created by this run. */
  created: number
  /** True when the store was already marked as seeded and nothing was done. */
  skipped: boolean
}

type TranslationInput = {
  reference: "product" | "product_category"
  reference_id: string
  locale_code: string
  translations: Record<string, string>
}

/** The catalogue (catalogue.json + covers/) sits next to this file; the app build copies it there. */
export function resolveCatalogueDir(): string {
  return path.join(__dirname, "demo-catalogue")
}

export function loadDemoCatalogue(dir: string = resolveCatalogueDir()): DemoCatalogue {
  const catalogue = JSON.parse(fs.readFileSync(path.join(dir, "catalogue.json"), "utf8")) as DemoCatalogue
  if (!Array.isArray(catalogue.categories) || !Array.isArray(catalogue.courses)) {
    throw new Error(`${dir}/catalogue.json must have "categories" and "courses" arrays`)
  }
  const categoryHandles = new Set(catalogue.categories.map((category) => category.handle))
  for (const course of catalogue.courses) {
    if (!categoryHandles.has(course.category)) {
      throw new Error(`Course "${course.handle}" has an unknown category "${course.category}"`)
    }
    if (!Number.isFinite(course.price_rub) || course.price_rub < 0) {
      throw new Error(`Course "${course.handle}" has an invalid price_rub`)
    }
    if (!Array.isArray(course.outcomes?.ru) || !Array.isArray(course.outcomes?.en)) {
      throw new Error(`Course "${course.handle}" needs "outcomes" with "ru" and "en" lists`)
    }
  }
  return catalogue
}

function translationsEnabled(container: MedusaContainer): boolean {
  return FeatureFlag.isFeatureEnabled("translation") && container.hasRegistration(Modules.TRANSLATION)
}

/**
 * Seeds the demo catalogue: 4 categories and 15 published courses priced in RUB, covers
 * uploaded through the file module, English as en-US translations.
 *
 * Idempotent: a store already marked with `metadata.demo_catalogue_seeded_at` is skipped as a
 * whole; otherwise categories and products whose handle exists are left alone (so an
 * interrupted run resumes), missing English translations are added, and the marker is set last.
 * A store seeded before courses had outcomes gets them on the next run (courses that have some keep theirs).
 */
export async function seedDemoCatalogue(container: MedusaContainer): Promise<SeedDemoResult> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const storeModule = container.resolve(Modules.STORE)

  const [store] = await storeModule.listStores({}, { take: 1, relations: ["supported_locales"] })
  if (!store) {
    throw new Error("No store found: run `medusa db:migrate` first (it creates the store)")
  }
  if (store.metadata?.[DEMO_SEEDED_MARKER]) {
    await ensureOutcomes(container, loadDemoCatalogue())
    logger.info(`Demo catalogue: already seeded at ${String(store.metadata[DEMO_SEEDED_MARKER])}, skipping`)
    return { created: 0, skipped: true }
  }
  if (!store.default_sales_channel_id) {
    throw new Error("The store has no default sales channel: run `medusa db:migrate` first")
  }

  const catalogueDir = resolveCatalogueDir()
  const catalogue = loadDemoCatalogue(catalogueDir)
  const withTranslations = translationsEnabled(container)

  const categories = await ensureCategories(container, catalogue)
  const courses = await ensureCourses(container, catalogue, catalogueDir, {
    categoryIdByHandle: categories.idByHandle,
    salesChannelId: store.default_sales_channel_id,
  })

  // English translations (translation module, feature flag `translation`)
  if (withTranslations) {
    await ensureLocales(
      container,
      store.id,
      (store.supported_locales ?? []).map((l) => l.locale_code)
    )
    await ensureEnglishTranslations(container, catalogue, categories.idByHandle, courses.idByHandle)
  } else {
    logger.warn(
      "Demo catalogue: the translation feature flag is off, English content was not created " +
        "(enable `featureFlags.translation` and the translation module, then seed a fresh store)"
    )
  }

  // Marker last: only a complete seed is marked.
  await markSeeded(container, store.id)

  const created = categories.created + courses.created
  logger.info(
    `Demo catalogue: ${created} created (${catalogue.categories.length} categories, ` +
      `${catalogue.courses.length} courses in the catalogue)` +
      (withTranslations ? `, English as ${ENGLISH_LOCALE}` : "")
  )
  return { created, skipped: false }
}

type Ensured = { idByHandle: Map<string, string>; created: number }

/** Creates the categories whose handle does not exist yet. */
async function ensureCategories(container: MedusaContainer, catalogue: DemoCatalogue): Promise<Ensured> {
  const existing = await container
    .resolve(Modules.PRODUCT)
    .listProductCategories(
      { handle: catalogue.categories.map((category) => category.handle) },
      { select: ["id", "handle"] }
    )
  const idByHandle = new Map(existing.map((category) => [category.handle, category.id]))
  const missing = catalogue.categories.filter((category) => !idByHandle.has(category.handle))
  if (!missing.length) {
    return { idByHandle, created: 0 }
  }
  const { result } = await createProductCategoriesWorkflow(container).run({
    input: {
      product_categories: missing.map((category) => ({
        handle: category.handle,
        name: category.name.ru,
        description: category.description.ru,
        is_active: true,
        is_internal: false,
      })),
    },
  })
  for (const category of result) {
    idByHandle.set(category.handle, category.id)
  }
  return { idByHandle, created: result.length }
}

/** Creates the courses whose handle does not exist yet, with their covers uploaded through the file module. */
async function ensureCourses(
  container: MedusaContainer,
  catalogue: DemoCatalogue,
  catalogueDir: string,
  placement: { categoryIdByHandle: Map<string, string>; salesChannelId: string }
): Promise<Ensured> {
  const existing = await container
    .resolve(Modules.PRODUCT)
    .listProducts(
      { handle: catalogue.courses.map((course) => course.handle) },
      { select: ["id", "handle"], withDeleted: false }
    )
  const idByHandle = new Map(existing.map((product) => [product.handle, product.id]))
  const missing = catalogue.courses.filter((course) => !idByHandle.has(course.handle))
  if (!missing.length) {
    return { idByHandle, created: 0 }
  }
  const { result: files } = await uploadFilesWorkflow(container).run({
    input: {
      files: missing.map((course) => ({
        filename: course.cover,
        mimeType: "image/png",
        content: fs.readFileSync(path.join(catalogueDir, "covers", course.cover)).toString("base64"),
        access: "public" as const,
      })),
    },
  })
  const { result: products } = await createProductsWorkflow(container).run({
    input: {
      products: missing.map((course, index) => {
        // The local provider keys files as `<timestamp>-<filename>`; match by name, not order alone.
        const coverUrl = (files.find((file) => file.url.endsWith(`-${course.cover}`)) ?? files[index]).url
        return courseProduct(course, coverUrl, placement)
      }),
    },
  })
  for (const product of products) {
    idByHandle.set(product.handle, product.id)
  }
  return { idByHandle, created: products.length }
}

/** One published course: a single "full access" variant priced in roubles. */
function courseProduct(
  course: DemoCourse,
  coverUrl: string,
  { categoryIdByHandle, salesChannelId }: { categoryIdByHandle: Map<string, string>; salesChannelId: string }
) {
  return {
    title: course.title.ru,
    subtitle: course.subtitle.ru,
    description: course.description.ru,
    handle: course.handle,
    status: ProductStatus.PUBLISHED,
    // Digital goods: no shipping profile, so line items don't require shipping.
    thumbnail: coverUrl,
    images: [{ url: coverUrl }],
    category_ids: [categoryIdByHandle.get(course.category)!],
    sales_channels: [{ id: salesChannelId }],
    options: [{ title: ACCESS_OPTION_TITLE, values: [ACCESS_OPTION_VALUE] }],
    variants: [
      {
        title: ACCESS_OPTION_VALUE,
        sku: course.handle.toUpperCase(),
        manage_inventory: false,
        options: { [ACCESS_OPTION_TITLE]: ACCESS_OPTION_VALUE },
        prices: [{ currency_code: "rub", amount: course.price_rub }],
      },
    ],
    metadata: {
      level: course.level,
      duration_hours: course.duration_hours,
      lessons: course.lessons,
      outcomes: outcomesMetadata(course),
    },
  }
}

/** Sets the store's seeded marker, keeping its other metadata. */
async function markSeeded(container: MedusaContainer, storeId: string): Promise<void> {
  const [current] = await container.resolve(Modules.STORE).listStores({ id: storeId }, { select: ["id", "metadata"] })
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: storeId },
      update: {
        metadata: { ...(current?.metadata ?? {}), [DEMO_SEEDED_MARKER]: new Date().toISOString() },
      },
    },
  })
}

/** `metadata.outcomes`: one list per locale, as the catalogue reads them (Medusa's translations cover text fields only). */
function outcomesMetadata(course: DemoCourse): Record<string, string[]> {
  return { [PRIMARY_LOCALE]: course.outcomes.ru, [ENGLISH_LOCALE]: course.outcomes.en }
}

/** Gives demo courses seeded before outcomes existed their outcomes; a course that has any keeps its own. */
async function ensureOutcomes(container: MedusaContainer, catalogue: DemoCatalogue): Promise<void> {
  const products = await container
    .resolve(Modules.PRODUCT)
    .listProducts(
      { handle: catalogue.courses.map((course) => course.handle) },
      { select: ["id", "handle", "metadata"] }
    )
  const courseByHandle = new Map(catalogue.courses.map((course) => [course.handle, course]))
  const missing = products.filter((product) => !product.metadata?.outcomes && courseByHandle.has(product.handle))
  if (!missing.length) {
    return
  }
  await updateProductsWorkflow(container).run({
    input: {
      products: missing.map((product) => ({
        id: product.id,
        metadata: { ...(product.metadata ?? {}), outcomes: outcomesMetadata(courseByHandle.get(product.handle)!) },
      })),
    },
  })
}

/** The store offers Russian (primary content) and English; keeps any locale already configured. */
async function ensureLocales(container: MedusaContainer, storeId: string, current: string[]): Promise<void> {
  const wanted = [PRIMARY_LOCALE, ENGLISH_LOCALE].filter((code) => !current.includes(code))
  if (!wanted.length) {
    return
  }
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: storeId },
      update: {
        supported_locales: [...current, ...wanted].map((locale_code) => ({ locale_code })),
      },
    },
  })
}

async function ensureEnglishTranslations(
  container: MedusaContainer,
  catalogue: DemoCatalogue,
  categoryIdByHandle: Map<string, string>,
  productIdByHandle: Map<string, string>
): Promise<void> {
  const translationModule = container.resolve(Modules.TRANSLATION)

  const wanted: TranslationInput[] = [
    ...catalogue.categories.map((category) => ({
      reference: "product_category" as const,
      reference_id: categoryIdByHandle.get(category.handle)!,
      locale_code: ENGLISH_LOCALE,
      translations: { name: category.name.en, description: category.description.en },
    })),
    ...catalogue.courses.map((course) => ({
      reference: "product" as const,
      reference_id: productIdByHandle.get(course.handle)!,
      locale_code: ENGLISH_LOCALE,
      translations: {
        title: course.title.en,
        subtitle: course.subtitle.en,
        description: course.description.en,
      },
    })),
  ]

  const existing = await translationModule.listTranslations(
    { reference_id: wanted.map((t) => t.reference_id), locale_code: ENGLISH_LOCALE },
    { select: ["id", "reference_id"] }
  )
  const translated = new Set(existing.map((t) => t.reference_id))
  const missing = wanted.filter((t) => !translated.has(t.reference_id))
  if (missing.length) {
    await createTranslationsWorkflow(container).run({ input: { translations: missing } })
  }
}

export default async function seedDemo({ container }: ExecArgs): Promise<void> {
  const started = Date.now()
  const result = await seedDemoCatalogue(container)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  logger.info(
    `Demo catalogue: ${result.skipped ? "skipped" : `${result.created} created`} in ${Date.now() - started} ms`
  )
}
