/** `@aistore/medusa-course-access/workflows`: the plugin's workflows, for apps and other plugins. */
export * from "./deliver-course-access"
export * from "./grant-course-access"
export * from "./release-course-chats"
export * from "./revoke-course-access"
export * from "./save-course-access-config"
export { grantAndDeliverCourseAccess } from "../delivery/grant-and-deliver"
