import type { ReactNode } from "react"

interface StatusViewProps {
  title: string
  message?: string
  action?: ReactNode
  tone?: "neutral" | "error" | "success"
  icon?: string
  testId?: string
}

/** A centred message for the empty, error and result states. */
export function StatusView({ title, message, action, tone = "neutral", icon, testId }: StatusViewProps) {
  return (
    <div
      className={`status-view status-view--${tone}`}
      role={tone === "error" ? "alert" : "status"}
      data-testid={testId}
    >
      {icon ? (
        <span className="status-view__icon" aria-hidden="true">
          {icon}
        </span>
      ) : null}
      <p className="status-view__title">{title}</p>
      {message ? <p className="status-view__message">{message}</p> : null}
      {action}
    </div>
  )
}
