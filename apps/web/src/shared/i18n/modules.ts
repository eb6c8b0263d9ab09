import { accidentsMessages } from '../../features/accidents/accidents.messages';
import { auditMessages } from '../../features/audit/audit.messages';
import { casesMessages } from '../../features/cases/cases.messages';
import { dashboardMessages } from '../../features/dashboard/dashboard.messages';
import { dashboardEnforcementMessages } from '../../features/dashboard/enforcement.messages';
import { enterprisesMessages } from '../../features/enterprises/enterprises.messages';
import { hazardListsMessages } from '../../features/hazards/hazard-lists.messages';
import { hazardsMessages } from '../../features/hazards/hazards.messages';
import { homeMessages } from '../../features/home/home.messages';
import { inboxMessages } from '../../features/inbox/inbox.messages';
import { indicatorsMessages } from '../../features/indicators/indicators.messages';
import { inspectionsMessages } from '../../features/inspections/inspections.messages';
import { authMessages } from '../../features/auth/auth.messages';
import { orgsMessages } from '../../features/orgs/orgs.messages';
import { regionsMessages } from '../../features/regions/regions.messages';
import { routingMessages } from '../../features/routing/routing.messages';
import { usersMessages } from '../../features/users/users.messages';
import { drawsMessages } from '../../features/draws/draws.messages';
import { layoutMessages } from '../layout/layout.messages';
import { commonMessages } from './common.messages';
import type { Language } from './define';

/**
 * Every module's strings, one line each; a module's keys live under its name
 * (t('users.create')). A new module adds its messages file and one line here.
 */
const modules = {
  common: commonMessages,
  layout: layoutMessages,
  auth: authMessages,
  regions: regionsMessages,
  orgs: orgsMessages,
  routing: routingMessages,
  users: usersMessages,
  audit: auditMessages,
  hazards: hazardsMessages,
  hazardLists: hazardListsMessages,
  inbox: inboxMessages,
  enterprises: enterprisesMessages,
  dashboard: dashboardMessages,
  accidents: accidentsMessages,
  indicators: indicatorsMessages,
  draws: drawsMessages,
  inspections: inspectionsMessages,
  home: homeMessages,
  cases: casesMessages,
  dashboardEnforcement: dashboardEnforcementMessages,
};

type Modules = typeof modules;
export type Translation = { [K in keyof Modules]: Modules[K]['zh-CN'] };

/** The whole table for a language, for the signed-in app (see all-messages.ts). */
export function translation(language: Language): Translation {
  const entries = Object.entries(modules).map(([name, messages]) => [name, messages[language]]);
  // The English tables are checked against the Chinese shape in defineMessages.
  return Object.fromEntries(entries) as Translation;
}
