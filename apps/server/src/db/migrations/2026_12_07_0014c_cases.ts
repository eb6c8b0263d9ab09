import { sql, type Kysely } from 'kysely';

/**
 * Issue 12, enforcement cases (modules/cases): 行政执法案件 with their measures, events and
 * 执法文书, 复产验收, the re-checks of closed sites, 黑名单 and 约谈.
 *
 * - cases.inspection_id names the inspection that found the case WITHOUT a foreign key: the
 *   inspections module is built in parallel and adds the key when merged.
 * - case_due_on / case_overdue: THE definition of "case overdue" in SQL — the mirror of
 *   packages/domain/src/cases/clock.ts (both tested against CASE_CLOCK_CASES), built on the
 *   hazard clock's one comparison hazard_past. 90 = CASE_DECISION_DAYS.
 * - case_events and blacklist_events are append-only, like hazard_events.
 * - Money is integer fen (bigint): a fine of ¥50,000.00 is 5000000.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function case_due_on(status text, filed_on date, extension_days integer) returns date
      language sql immutable parallel safe as $$
        select case when status in ('filed', 'investigating', 'reviewing', 'notified') then filed_on + 90 + extension_days end
      $$;
    create function case_overdue(status text, filed_on date, extension_days integer, today date) returns boolean
      language sql immutable parallel safe as $$
        select coalesce(hazard_past(case_due_on(status, filed_on, extension_days), today), false)
      $$;

    create table case_number_seq (
      org_id uuid not null references orgs(id),
      kind text not null,
      year integer not null,
      last integer not null,
      primary key (org_id, kind, year)
    );

    create table cases (
      id uuid primary key default gen_random_uuid(),
      number text not null unique,
      enterprise_id uuid not null references enterprises(org_id),
      enterprise_name text not null,
      region_code text collate "C" not null references regions(code),
      industry_code text,
      org_id uuid not null references orgs(id),
      org_name text not null,
      -- The handling organisation's region: its documents' numbers and the escalation's level.
      org_region_code text collate "C" not null references regions(code),
      cause text not null,
      facts text,
      source text not null,
      inspection_id uuid,
      hazard_ids bigint[] not null default '{}',
      status text not null check (status in ('filed', 'investigating', 'reviewing', 'notified', 'decided', 'served', 'executed', 'closed', 'no_penalty', 'revoked', 'transferred')),
      filed_on date not null,
      extension_days integer not null default 0 check (extension_days >= 0),
      proposed_measures jsonb not null default '[]',
      notified_on date,
      hearing_right boolean not null default false,
      response jsonb not null default '{"waived": false, "hearingRequested": false, "hearingHeld": false}',
      decided_on date,
      served_on date,
      executed_on date,
      closed_on date,
      paid_fen bigint not null default 0 check (paid_fen >= 0),
      outcome_reason text,
      escalated_at timestamptz,
      created_by uuid references users(id),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      version integer not null default 1
    );
    create index cases_region_idx on cases (region_code, filed_on desc);
    create index cases_enterprise_idx on cases (enterprise_id, filed_on desc);
    create index cases_open_clock_idx on cases (filed_on) where status in ('filed', 'investigating', 'reviewing', 'notified');

    create table case_measures (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id),
      position integer not null,
      kind text not null check (kind in ('rectify_order', 'fine', 'confiscate', 'suspend', 'license', 'close')),
      legal_basis text not null check (btrim(legal_basis) <> ''),
      amount_fen bigint check (amount_fen > 0),
      deadline date,
      licence text,
      licence_action text check (licence_action in ('suspend', 'revoke')),
      content text,
      check (kind not in ('fine', 'confiscate') or amount_fen is not null),
      unique (case_id, position)
    );

    create table case_events (
      id bigint generated always as identity primary key,
      case_id uuid not null references cases(id),
      seq integer not null,
      action text not null,
      from_status text,
      to_status text not null,
      actor_id uuid references users(id),
      actor_name text not null,
      actor_org_name text,
      at timestamptz not null,
      comment text,
      data jsonb,
      unique (case_id, seq)
    );

    create table case_documents (
      id uuid primary key default gen_random_uuid(),
      -- The order documents were issued in (several share one instant: a decision issues up to three).
      seq bigint generated always as identity,
      case_id uuid not null references cases(id),
      kind text not null,
      number text not null unique,
      file_id uuid not null references files(id),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      size integer not null,
      generated_at timestamptz not null,
      generated_by uuid references users(id),
      generated_ms integer not null
    );
    create index case_documents_case_idx on case_documents (case_id, generated_at);
    create index case_documents_file_idx on case_documents (file_id);

    create table resumptions (
      id uuid primary key default gen_random_uuid(),
      enterprise_id uuid not null references enterprises(org_id),
      enterprise_name text not null,
      region_code text collate "C" not null references regions(code),
      industry_code text,
      case_id uuid references cases(id),
      status text not null check (status in ('applied', 'accepted', 'refused')),
      statement text not null,
      applied_by uuid not null references users(id),
      applied_at timestamptz not null,
      inspection_id uuid,
      items jsonb not null default '[]',
      summary text,
      decided_by uuid references users(id),
      decided_by_name text,
      decided_at timestamptz,
      reason text
    );
    create unique index resumptions_one_pending_idx on resumptions (enterprise_id) where status = 'applied';
    create index resumptions_region_idx on resumptions (region_code, applied_at desc);

    create table closure_rechecks (
      id uuid primary key default gen_random_uuid(),
      enterprise_id uuid not null references enterprises(org_id),
      enterprise_name text not null,
      region_code text collate "C" not null references regions(code),
      industry_code text,
      case_id uuid references cases(id),
      due_on date not null,
      checked_on date,
      result text check (result in ('still_closed', 'operating_again')),
      note text,
      checked_by uuid references users(id),
      checked_by_name text
    );
    create index closure_rechecks_due_idx on closure_rechecks (due_on, region_code) where result is null;

    create table blacklist_entries (
      id uuid primary key default gen_random_uuid(),
      enterprise_id uuid not null references enterprises(org_id),
      enterprise_name text not null,
      region_code text collate "C" not null references regions(code),
      case_id uuid not null references cases(id),
      reason text not null,
      legal_basis text not null,
      from_on date not null,
      to_on date not null,
      issuing_level smallint not null,
      issuing_org_id uuid not null references orgs(id),
      issuing_org_name text not null,
      created_by uuid references users(id),
      created_at timestamptz not null,
      removed_at timestamptz,
      removed_reason text,
      removed_by_name text,
      check (from_on <= to_on)
    );
    create index blacklist_region_idx on blacklist_entries (region_code);
    create index blacklist_enterprise_idx on blacklist_entries (enterprise_id);

    create table blacklist_events (
      id bigint generated always as identity primary key,
      entry_id uuid not null references blacklist_entries(id),
      action text not null check (action in ('listed', 'repaired')),
      reason text not null,
      actor_id uuid references users(id),
      actor_name text not null,
      at timestamptz not null
    );

    create table interviews (
      id uuid primary key default gen_random_uuid(),
      enterprise_id uuid not null references enterprises(org_id),
      enterprise_name text not null,
      region_code text collate "C" not null references regions(code),
      industry_code text,
      org_id uuid not null references orgs(id),
      org_name text not null,
      held_on date not null,
      principal text not null,
      attendees text[] not null,
      case_ids uuid[] not null default '{}',
      hazard_ids bigint[] not null default '{}',
      reasons text not null,
      commitments text not null,
      follow_up_on date not null,
      follow_up_result text,
      followed_up_at timestamptz,
      created_by uuid references users(id),
      created_at timestamptz not null
    );
    create index interviews_region_idx on interviews (region_code, held_on desc);

    create function case_ledger_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = 'insufficient_privilege';
    end $$;
    create trigger case_events_append_only before update or delete on case_events
      for each row execute function case_ledger_refuse_change();
    create trigger blacklist_events_append_only before update or delete on blacklist_events
      for each row execute function case_ledger_refuse_change();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table blacklist_events, blacklist_entries, interviews, closure_rechecks, resumptions, case_documents, case_events, case_measures, cases, case_number_seq;
    drop function case_ledger_refuse_change();
    drop function case_overdue(text, date, integer, date);
    drop function case_due_on(text, date, integer);
  `.execute(db);
}
