import { MedusaService } from "@medusajs/framework/utils"
import CourseAccess from "./models/course-access"
import CourseAccessConfig from "./models/course-access-config"

/** Courses' private access data and customers' accesses; Telegram and orders are the workflows' business. */
class CourseAccessModuleService extends MedusaService({ CourseAccessConfig, CourseAccess }) {}

export default CourseAccessModuleService
