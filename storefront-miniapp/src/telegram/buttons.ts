import { useEffect, useRef } from "react"
import { backButton, mainButton } from "@telegram-apps/sdk-react"

export interface MainButtonOptions {
  text: string
  visible?: boolean
  enabled?: boolean
  /** A request is in flight: the button shows progress and takes no taps. */
  loading?: boolean
  onClick: () => void
}

function safely(step: () => void): void {
  try {
    step()
  } catch {
    // Not mounted (older client): the screen's own controls remain.
  }
}

/** Telegram's MainButton carries the screen's one primary action while the screen is shown. */
export function useMainButton({ text, visible = true, enabled = true, loading = false, onClick }: MainButtonOptions): void {
  const handler = useRef(onClick)
  handler.current = onClick

  useEffect(() => {
    safely(() =>
      mainButton.setParams({ text, isVisible: visible && Boolean(text), isEnabled: enabled && !loading, isLoaderVisible: loading })
    )
  }, [text, visible, enabled, loading])

  useEffect(() => {
    let off: VoidFunction | undefined
    safely(() => {
      off = mainButton.onClick(() => handler.current())
    })
    return () => {
      off?.()
      safely(() => mainButton.setParams({ isVisible: false, isLoaderVisible: false }))
    }
  }, [])
}

/** Telegram's BackButton for in-app navigation. */
export function useBackButton(visible: boolean, onBack: () => void): void {
  const handler = useRef(onBack)
  handler.current = onBack

  useEffect(() => {
    safely(() => (visible ? backButton.show() : backButton.hide()))
  }, [visible])

  useEffect(() => {
    let off: VoidFunction | undefined
    safely(() => {
      off = backButton.onClick(() => handler.current())
    })
    return () => off?.()
  }, [])
}
