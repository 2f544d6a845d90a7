/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Medusa backend origin, e.g. `https://api.example.com`. Unset = same origin. */
  readonly VITE_MEDUSA_BACKEND_URL?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
