import { ChartBar } from "@medusajs/icons"
import { Text } from "@medusajs/ui"

/** What a card shows when the range holds nothing for it. */
export const EmptyState = ({ title, hint }: { title: string; hint?: string }) => (
  <div className="flex flex-col items-center justify-center gap-y-2 py-8 text-center">
    <div className="bg-ui-bg-component flex size-10 items-center justify-center rounded-full">
      <ChartBar className="text-ui-fg-subtle" />
    </div>
    <Text size="small" weight="plus">
      {title}
    </Text>
    {hint ? (
      <Text size="small" className="text-ui-fg-subtle max-w-[360px]">
        {hint}
      </Text>
    ) : null}
  </div>
)
