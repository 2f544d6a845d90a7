import { csvCell, csvRow } from "../csv"

describe("csvCell", () => {
  it("leaves null empty and quotes everything else, doubling quotes", () => {
    expect(csvCell(null)).toBe("")
    expect(csvCell("")).toBe('""')
    expect(csvCell("курс по ИИ")).toBe('"курс по ИИ"')
    expect(csvCell('say "hi", then; go')).toBe('"say ""hi"", then; go"')
  })

  it.each(["=", "+", "-", "@", "\t", "\r"])("defuses a cell starting with %j", (start) => {
    expect(csvCell(`${start}HYPERLINK("x")`)).toBe(`"'${start}HYPERLINK(""x"")"`)
  })

  it("defuses a formula after a comma or semicolon, spaces included", () => {
    expect(csvCell("x;=1+1")).toBe(`"x;'=1+1"`)
    expect(csvCell("x, @SUM(A1)")).toBe(`"x, '@SUM(A1)"`)
    expect(csvCell("a;b,c")).toBe('"a;b,c"')
  })
})

describe("csvRow", () => {
  it("joins cells with commas and ends the record with CRLF", () => {
    expect(csvRow(["a", null, "=b"])).toBe(`"a",,"'=b"\r\n`)
  })
})
