import type { CourseAccessConfigRow } from "../course-access-configs"
import { toMyCourses, type MyCourseRow } from "../my-courses"

const row = (overrides: Partial<MyCourseRow> = {}): MyCourseRow => ({
  id: "cacc_1",
  product_id: "prod_1",
  order_id: "order_1",
  granted_at: "2026-11-30T10:00:00.000Z",
  invite_link: null,
  joined_at: null,
  product: { title: "Prompts", handle: "prompts", thumbnail: null },
  ...overrides,
})

const config = (overrides: Partial<CourseAccessConfigRow> = {}): CourseAccessConfigRow => ({
  product_id: "prod_1",
  access_url: "https://example.com/course",
  telegram_chat_id: null,
  instructions: "Start with lesson 1",
  ...overrides,
})

describe("toMyCourses", () => {
  it("lists a course bought twice once, with its newest access (rows come newest first)", () => {
    const courses = toMyCourses(
      [
        row({ id: "cacc_new", order_id: "order_2" }),
        row({ id: "cacc_old" }),
        row({ id: "cacc_other", product_id: "prod_2" }),
      ],
      new Map()
    )
    expect(courses.map((course) => course.id)).toEqual(["cacc_new", "cacc_other"])
  })

  it("adds the course's access data", () => {
    const [course] = toMyCourses([row()], new Map([["prod_1", config()]]))
    expect(course).toEqual({
      id: "cacc_1",
      product_id: "prod_1",
      order_id: "order_1",
      granted_at: "2026-11-30T10:00:00.000Z",
      title: "Prompts",
      handle: "prompts",
      thumbnail: null,
      access_url: "https://example.com/course",
      instructions: "Start with lesson 1",
      telegram: null,
    })
  })

  it("shows the course chat, without a link until the buyer's own is made", () => {
    const [waiting] = toMyCourses([row()], new Map([["prod_1", config({ telegram_chat_id: "-1001234567890" })]]))
    expect(waiting.telegram).toEqual({ join_link: null, joined: false })
    const [joined] = toMyCourses([row({ invite_link: "https://t.me/+abc", joined_at: new Date() })], new Map())
    expect(joined.telegram).toEqual({ join_link: "https://t.me/+abc", joined: true })
  })

  it("has empty access data and title for a course with neither", () => {
    const [course] = toMyCourses([row({ product: null })], new Map())
    expect(course).toMatchObject({ title: "", handle: null, access_url: null, instructions: null, telegram: null })
  })
})
