import { isLoopbackUrl } from "../loopback"

describe("the local sandbox's API URL", () => {
  it("is on loopback", () => {
    for (const url of [
      "http://127.0.0.1:19501/v3",
      "http://127.8.9.10/v3",
      "http://localhost:9000/v3",
      "http://[::1]:9000/v3",
    ]) {
      expect(isLoopbackUrl(url)).toBe(true)
    }
  })

  it("is never a real or look-alike host", () => {
    for (const url of [
      "https://api.yookassa.ru/v3",
      "http://127.0.0.1.example.com/v3",
      "http://localhost.example.com",
      "http://10.0.0.1/v3",
      "not a url",
    ]) {
      expect(isLoopbackUrl(url)).toBe(false)
    }
  })
})
