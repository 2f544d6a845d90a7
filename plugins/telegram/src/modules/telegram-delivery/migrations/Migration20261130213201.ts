import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130213201 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "undeliverable_telegram_message" drop constraint if exists "undeliverable_telegram_message_notification_id_unique";`);
    this.addSql(`create table if not exists "undeliverable_telegram_message" ("id" text not null, "notification_id" text not null, "idempotency_key" text null, "reason" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "undeliverable_telegram_message_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_undeliverable_telegram_message_deleted_at" ON "undeliverable_telegram_message" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_undeliverable_telegram_message_notification_id_unique" ON "undeliverable_telegram_message" ("notification_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "undeliverable_telegram_message" cascade;`);
  }

}
