import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126085318 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "click_event" ("id" text not null, "type" text not null, "session_id" text null, "customer_id" text null, "product_id" text null, "category_id" text null, "details" jsonb null, "occurred_at" timestamptz not null, "received_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "click_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_click_event_deleted_at" ON "click_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_click_event_occurred_at" ON "click_event" ("occurred_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_click_event_type_occurred_at" ON "click_event" ("type", "occurred_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_click_event_product_id_type_occurred_at" ON "click_event" ("product_id", "type", "occurred_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_click_event_session_id" ON "click_event" ("session_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "click_event" cascade;`);
  }

}
