import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126101618 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "click_event" drop constraint if exists "click_event_order_id_product_id_unique";`);
    this.addSql(`alter table if exists "click_event" add column if not exists "order_id" text null;`);
    // Hand-written: purchases recorded before this migration kept their order in details;
    // move it to the column and drop repeats so the unique index can be built.
    this.addSql(`update "click_event" set "order_id" = "details"->>'order_id', "details" = "details" - 'order_id' where "type" = 'purchase' and "order_id" is null and "details"->>'order_id' is not null;`);
    this.addSql(`delete from "click_event" as "later" using "click_event" as "first" where "later"."type" = 'purchase' and "first"."type" = 'purchase' and "later"."order_id" = "first"."order_id" and "later"."product_id" = "first"."product_id" and "later"."deleted_at" is null and "first"."deleted_at" is null and "later"."id" > "first"."id";`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_click_event_order_id_product_id_unique" ON "click_event" ("order_id", "product_id") WHERE type = 'purchase' AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_click_event_order_id_product_id_unique";`);
    this.addSql(`alter table if exists "click_event" drop column if exists "order_id";`);
  }

}
