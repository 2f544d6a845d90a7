import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126102312 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "course_access_config" drop constraint if exists "course_access_config_product_id_unique";`);
    this.addSql(`alter table if exists "course_access" drop constraint if exists "course_access_line_item_id_unique";`);
    this.addSql(`create table if not exists "course_access" ("id" text not null, "customer_id" text not null, "order_id" text not null, "line_item_id" text not null, "product_id" text not null, "status" text check ("status" in ('active', 'revoked')) not null default 'active', "granted_at" timestamptz not null, "revoked_at" timestamptz null, "revoke_reason" text check ("revoke_reason" in ('refund', 'canceled', 'merchant')) null, "telegram_user_id" text null, "telegram_chat_id" text null, "invite_link" text null, "joined_at" timestamptz null, "delivered_at" timestamptz null, "chat_released_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "course_access_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_course_access_deleted_at" ON "course_access" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_course_access_line_item_id_unique" ON "course_access" ("line_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_course_access_customer_id_status" ON "course_access" ("customer_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_course_access_order_id" ON "course_access" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_course_access_telegram_chat_id_telegram_user_id_status" ON "course_access" ("telegram_chat_id", "telegram_user_id", "status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "course_access_config" ("id" text not null, "product_id" text not null, "access_url" text null, "telegram_chat_id" text null, "instructions" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "course_access_config_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_course_access_config_deleted_at" ON "course_access_config" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_course_access_config_product_id_unique" ON "course_access_config" ("product_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "course_access" cascade;`);

    this.addSql(`drop table if exists "course_access_config" cascade;`);
  }

}
