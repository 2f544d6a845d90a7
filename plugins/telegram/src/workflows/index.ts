export * from "./login-telegram-customer"
