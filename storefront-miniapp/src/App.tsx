import { CataloguePage } from "./pages/CataloguePage"

/**
 * The app shell. The catalogue is the first screen; routing, the Telegram SDK and the
 * cart/checkout (with @medusajs/js-sdk) arrive later as chunks loaded after first paint.
 */
export function App() {
  return (
    <div className="app">
      <CataloguePage />
    </div>
  )
}
