import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130212325 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "yookassa_dashboard_refund" ("id" text not null, "payment_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "yookassa_dashboard_refund_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_yookassa_dashboard_refund_deleted_at" ON "yookassa_dashboard_refund" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "yookassa_dashboard_refund" cascade;`);
  }

}
