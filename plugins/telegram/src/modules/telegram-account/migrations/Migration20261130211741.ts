import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130211741 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "telegram_account" drop constraint if exists "telegram_account_customer_id_unique";`);
    this.addSql(`alter table if exists "telegram_account" drop constraint if exists "telegram_account_telegram_user_id_unique";`);
    this.addSql(`create table if not exists "telegram_account" ("id" text not null, "telegram_user_id" text not null, "customer_id" text not null, "first_name" text not null, "last_name" text null, "username" text null, "language_code" text null, "photo_url" text null, "is_premium" boolean not null default false, "allows_write_to_pm" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "telegram_account_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_telegram_account_deleted_at" ON "telegram_account" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_telegram_account_telegram_user_id_unique" ON "telegram_account" ("telegram_user_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_telegram_account_customer_id_unique" ON "telegram_account" ("customer_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "telegram_account" cascade;`);
  }

}
