import type { Generated } from 'kysely';

export interface LoginThrottleTable {
  login_name: string;
  failed_count: Generated<number>;
  lockout_count: Generated<number>;
  locked_until: Date | null;
  last_failed_at: Date | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}
