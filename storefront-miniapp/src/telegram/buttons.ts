import { useEffect, useRef } from "react"
import { withTelegram } from "./bridge"

export interface MainButtonOptions {
  text: string
  visible?: boolean
  enabled?: boolean
  /** A request is in flight: the button shows progress and takes no taps. */
  loading?: boolean
  onClick: () => void
}

/** Telegram's MainButton carries the screen's one primary action while the screen is shown. */
export function useMainButton({
  text,
  visible = true,
  enabled = true,
  loading = false,
  onClick,
}: MainButtonOptions): void {
  const handler = useRef(onClick)
  handler.current = onClick

  useEffect(() => {
    withTelegram((client) => client.setMainButton({ text, visible, enabled, loading }))
  }, [text, visible, enabled, loading])

  useEffect(() => {
    let off: VoidFunction | undefined
    let unmounted = false
    withTelegram((client) => {
      if (!unmounted) off = client.onMainButtonClick(() => handler.current())
    })
    return () => {
      unmounted = true
      off?.()
      withTelegram((client) => client.setMainButton({ text: "", visible: false, enabled: false, loading: false }))
    }
  }, [])
}

/** Telegram's BackButton for in-app navigation. */
export function useBackButton(visible: boolean, onBack: () => void): void {
  const handler = useRef(onBack)
  handler.current = onBack

  useEffect(() => {
    withTelegram((client) => client.setBackButton(visible))
  }, [visible])

  useEffect(() => {
    let off: VoidFunction | undefined
    let unmounted = false
    withTelegram((client) => {
      if (!unmounted) off = client.onBackButtonClick(() => handler.current())
    })
    return () => {
      unmounted = true
      off?.()
    }
  }, [])
}
