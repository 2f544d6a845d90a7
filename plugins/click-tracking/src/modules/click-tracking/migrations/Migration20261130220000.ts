import { Migration } from "@medusajs/framework/mikro-orm/migrations"
import { CREATE_HOURLY_ROLLUP, DROP_HOURLY_ROLLUP } from "../rollups/hourly-rollup-sql"

/** Hand-written: hourly rollups kept exact by triggers (see rollups/hourly-rollup-sql.ts), and filled from the events so far. */
export class Migration20261130220000 extends Migration {
  override async up(): Promise<void> {
    CREATE_HOURLY_ROLLUP.forEach((sql) => this.addSql(sql))
  }

  override async down(): Promise<void> {
    DROP_HOURLY_ROLLUP.forEach((sql) => this.addSql(sql))
  }
}
