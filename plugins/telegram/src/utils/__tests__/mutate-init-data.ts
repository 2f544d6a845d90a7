/** Deterministic pseudo-random mutations of an initData string, for rejection tests. */
export function mutateInitData(original: string, seed: number): string {
  let state = seed >>> 0 || 1
  const random = (n: number) => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) % n
  }
  const fields = original.split("&")
  const pick = () => random(fields.length)
  const alphabet = 'abcdef0123456789%&=+{}":,ÿ\u0000é'
  const at = random(original.length)

  switch (random(10)) {
    case 0: // flip one character
      return original.slice(0, at) + alphabet[random(alphabet.length)] + original.slice(at + 1)
    case 1: // drop one character
      return original.slice(0, at) + original.slice(at + 1)
    case 2: // insert a character
      return original.slice(0, at) + alphabet[random(alphabet.length)] + original.slice(at)
    case 3: // drop a field
      return fields.filter((_, i) => i !== pick()).join("&")
    case 4: // repeat a field
      return [...fields, fields[pick()]].join("&")
    case 5: {
      // swap two fields' values
      const [a, b] = [pick(), pick()]
      const [keyA, valueA] = fields[a].split("=")
      const [keyB, valueB] = fields[b].split("=")
      const copy = [...fields]
      copy[a] = `${keyA}=${valueB}`
      copy[b] = `${keyB}=${valueA}`
      return copy.join("&")
    }
    case 6: // truncate
      return original.slice(0, at)
    case 7: // shift auth_date
      return original.replace(/auth_date=(\d+)/, (_, d) => `auth_date=${Number(d) + random(200_000) - 100_000}`)
    case 8: // add an unsigned field
      return `${original}&extra${random(100)}=${random(1_000_000)}`
    default: // percent-encode garbage into a value
      return original.replace(/user=/, `user=%${random(256).toString(16).padStart(2, "0").toUpperCase()}`)
  }
}
