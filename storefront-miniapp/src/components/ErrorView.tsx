import { errorMessage } from "../api/http"
import { t } from "../i18n"
import { Button } from "./Button"
import { StatusView } from "./StatusView"

/** A failed request: what went wrong and a retry, never a blank screen. */
export function ErrorView({
  error,
  onRetry,
  testId = "load-error",
}: {
  error: unknown
  onRetry: () => void
  testId?: string
}) {
  return (
    <StatusView
      tone="error"
      testId={testId}
      title={t("loadErrorTitle")}
      message={errorMessage(error)}
      action={
        <Button onClick={onRetry} data-testid="retry">
          {t("retry")}
        </Button>
      }
    />
  )
}
