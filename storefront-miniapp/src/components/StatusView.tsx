import type { ReactNode } from "react"

interface StatusViewProps {
  title: string
  message?: string
  action?: ReactNode
  tone?: "neutral" | "error"
  testId?: string
}

/** A centred message for the empty and error states. */
export function StatusView({ title, message, action, tone = "neutral", testId }: StatusViewProps) {
  return (
    <div
      className={`status-view status-view--${tone}`}
      role={tone === "error" ? "alert" : "status"}
      data-testid={testId}
    >
      <p className="status-view__title">{title}</p>
      {message ? <p className="status-view__message">{message}</p> : null}
      {action}
    </div>
  )
}
