// Each suite boots its own Medusa app: forget the entity metadata of the previous one.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()
