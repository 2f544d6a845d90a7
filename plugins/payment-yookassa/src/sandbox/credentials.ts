/** The shop id the sandbox plays in local mode and tests: shaped like Yookassa's, owned by nobody. */
export const SANDBOX_SHOP_ID = "100500"
