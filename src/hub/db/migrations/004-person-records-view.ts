import { sql, type Kysely, type Migration, type RawBuilder } from "kysely";
import type { Dialect } from "../dialect";

/**
 * The person records are stored once, in the submission's canonical payload, and `person_records` becomes a
 * view over it with the same columns (the employee flags, which the payload does not carry, are kept per
 * submission in submission_keys.employee_flags, one '0'/'1' character per record).
 *
 * Why: the table held a second copy of every record; its 300 inserted rows per submission were more than
 * half of the hub's write work and, under load, the longest wait of a submission. The view answers the same
 * SQL queries (retention, statistics) without that cost; the records are read by nothing on the hot path.
 */
export function personRecordsViewMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("submission_keys")
        .addColumn("employee_flags", "text", (c) => c.notNull().defaultTo(""))
        .execute();
      const flags: RawBuilder<unknown> =
        dialect === "sqlite"
          ? sql`group_concat(p.employee, '' order by p.idx)`
          : sql`string_agg(p.employee::text, '' order by p.idx)`;
      await sql`update submission_keys set employee_flags = coalesce((select ${flags} from person_records p where p.submission_id = submission_keys.submission_id), '')`.execute(
        db,
      );
      await db.schema.dropTable("person_records").execute();
      await personRecordsView(dialect).execute(db);
    },
    async down(db: Kysely<unknown>) {
      await db.schema
        .createTable("person_records_table")
        .addColumn("submission_id", "integer", (c) =>
          c.notNull().references("submissions.id").onDelete("cascade"),
        )
        .addColumn("idx", "integer", (c) => c.notNull())
        .addColumn("key", "text")
        .addColumn("employee", "integer", (c) => c.notNull())
        .addColumn("sex", "text")
        .addColumn("birth_year", "integer")
        .addColumn("qpv", "integer")
        .addColumn("zrr", "integer")
        .addColumn("rsa", "text")
        .addColumn("ass", "integer")
        .addColumn("aah", "integer")
        .addColumn("rqth", "integer")
        .addColumn("ft_duration", "text")
        .addColumn("education_level", "text")
        .addColumn("hire_date", "text")
        .addColumn("exit_date", "text")
        .addColumn("exit_motif", "text")
        .addColumn("hours_worked", "double precision")
        .addColumn("hours_since_hire", "double precision")
        .addPrimaryKeyConstraint("person_records_pk", ["submission_id", "idx"])
        .execute();
      await sql`insert into person_records_table select * from person_records`.execute(db);
      await db.schema.dropView("person_records").execute();
      await db.schema.alterTable("person_records_table").renameTo("person_records").execute();
      await db.schema.alterTable("submission_keys").dropColumn("employee_flags").execute();
    },
  };
}

/** The view: one row per record of each stored submission, the columns of the former table. */
function personRecordsView(dialect: Dialect): RawBuilder<unknown> {
  if (dialect === "sqlite") {
    // json_each's key is the index in the array; ->> gives SQL values (true → 1, null → NULL).
    return sql`create view person_records as
      select b.submission_id as submission_id, r.key as idx, r.value ->> 'key' as key,
        case when substr(k.employee_flags, r.key + 1, 1) = '1' then 1 else 0 end as employee,
        r.value ->> 'sex' as sex, r.value ->> 'birthYear' as birth_year, r.value ->> 'qpv' as qpv, r.value ->> 'zrr' as zrr,
        r.value ->> 'rsa' as rsa, r.value ->> 'ass' as ass, r.value ->> 'aah' as aah, r.value ->> 'rqth' as rqth,
        r.value ->> 'ftDuration' as ft_duration, r.value ->> 'educationLevel' as education_level,
        r.value ->> 'hireDate' as hire_date, r.value ->> 'exitDate' as exit_date, r.value ->> 'exitMotif' as exit_motif,
        cast(r.value ->> 'hoursWorked' as real) as hours_worked, cast(r.value ->> 'hoursSinceHire' as real) as hours_since_hire
      from submission_blobs b
      join submission_keys k on k.submission_id = b.submission_id
      join json_each(b.payload, '$.records') r`;
  }
  return sql`create view person_records as
    select b.submission_id as submission_id, (r.ord - 1)::integer as idx, r.v ->> 'key' as key,
      case when substr(k.employee_flags, r.ord::integer, 1) = '1' then 1 else 0 end as employee,
      r.v ->> 'sex' as sex, (r.v ->> 'birthYear')::integer as birth_year, (r.v ->> 'qpv')::boolean::integer as qpv,
      (r.v ->> 'zrr')::boolean::integer as zrr, r.v ->> 'rsa' as rsa, (r.v ->> 'ass')::boolean::integer as ass,
      (r.v ->> 'aah')::boolean::integer as aah, (r.v ->> 'rqth')::boolean::integer as rqth,
      r.v ->> 'ftDuration' as ft_duration, r.v ->> 'educationLevel' as education_level,
      r.v ->> 'hireDate' as hire_date, r.v ->> 'exitDate' as exit_date, r.v ->> 'exitMotif' as exit_motif,
      (r.v ->> 'hoursWorked')::double precision as hours_worked, (r.v ->> 'hoursSinceHire')::double precision as hours_since_hire
    from submission_blobs b
    join submission_keys k on k.submission_id = b.submission_id
    cross join lateral json_array_elements(b.payload::json -> 'records') with ordinality as r(v, ord)`;
}
