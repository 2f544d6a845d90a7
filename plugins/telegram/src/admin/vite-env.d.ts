/** Defined by Medusa's admin build: the backend's URL ("/" or empty when it serves the admin itself). */
declare const __BACKEND_URL__: string | undefined
