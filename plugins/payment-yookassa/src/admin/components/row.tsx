import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** One labelled line of the widget. */
export const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="grid grid-cols-2 items-center gap-x-2 px-6 py-3">
    <Text size="small" weight="plus" leading="compact">
      {label}
    </Text>
    <div className="text-ui-fg-subtle txt-compact-small break-all">{children}</div>
  </div>
)
