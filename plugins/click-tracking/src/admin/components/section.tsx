import { Container, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** A card of the analytics page: a heading, an optional note or action, and its content. */
export const Section = ({
  title,
  note,
  action,
  children,
}: {
  title: string
  note?: string
  action?: ReactNode
  children: ReactNode
}) => (
  <Container className="divide-y p-0">
    <div className="flex items-center justify-between gap-x-4 px-6 py-4">
      <div>
        <Heading level="h2">{title}</Heading>
        {note ? (
          <Text size="small" className="text-ui-fg-subtle">
            {note}
          </Text>
        ) : null}
      </div>
      {action}
    </div>
    <div className="px-6 py-4">{children}</div>
  </Container>
)
