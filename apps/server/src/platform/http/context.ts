import type { Locale } from '@anjian/domain';

/** The signed-in account as every request sees it (loaded from the session in one query). */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  orgType: string;
  orgName: string;
  regionCode: string;
  /** The organisation's industries; they narrow a department's scope. */
  orgIndustries: string[];
  roles: string[];
  permissions: ReadonlySet<string>;
  mustChangePassword: boolean;
  sessionId: string;
  /** The session's absolute end (ANJIAN_SESSION_ABSOLUTE_HOURS after sign-in). */
  sessionExpiresAt: Date;
}

export interface RequestContext {
  requestId: string;
  ip: string;
  userAgent: string | null;
  locale: Locale;
  user: SessionUser | null;
  /** Why a presented session was not accepted, so the client can say "expired". */
  sessionRejected: 'expired' | 'invalid' | null;
  /** Set once the request's outcome is in the audit log (inside its transaction). */
  audited: boolean;
}

/** For work done outside a request (CLI, jobs, demo seeding). */
export function systemContext(requestId = 'system'): RequestContext {
  return { requestId, ip: '127.0.0.1', userAgent: null, locale: 'zh-CN', user: null, sessionRejected: null, audited: false };
}
