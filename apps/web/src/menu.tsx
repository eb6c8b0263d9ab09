import { AlertOutlined, FileProtectOutlined, SafetyOutlined, StopOutlined, HomeOutlined, ScheduleOutlined, ApartmentOutlined, CarryOutOutlined, AuditOutlined, DashboardOutlined, FundOutlined, BranchesOutlined, EnvironmentOutlined, FileSearchOutlined, InboxOutlined, ProfileOutlined, ShopOutlined, TeamOutlined, WarningOutlined } from '@ant-design/icons';
import { managesAccounts, showsReferencePages, usesReportHome } from '@anjian/domain';
import { lazy } from 'react';
import { dashboardPage } from './preload-route';
import type { MenuEntry } from './shared/layout/menu-types';

/**
 * The application's pages, in menu order. A module adds its page with one line: the URL,
 * its label key (layout.menu.*), an icon, the permission that shows it, and the lazily
 * loaded page component. The same table drives the side menu and the routes.
 */
export const MENU: MenuEntry[] = [
  { path: '/home', labelKey: 'home', icon: <HomeOutlined />, permission: 'hazard.report', menuWhen: usesReportHome, page: lazy(() => import('./features/home/HomePage')) },
  { path: '/dashboard', labelKey: 'dashboard', icon: <DashboardOutlined />, permission: 'stats.read', page: lazy(dashboardPage.factory) },
  { path: '/inbox', labelKey: 'inbox', icon: <InboxOutlined />, permission: 'hazard.read', page: lazy(() => import('./features/inbox/InboxPage')) },
  { path: '/hazards', labelKey: 'hazards', icon: <WarningOutlined />, permission: 'hazard.read', page: lazy(() => import('./features/hazards/HazardsPage')) },
  { path: '/hazard-lists', labelKey: 'hazardLists', icon: <ProfileOutlined />, permission: 'hazard.read', page: lazy(() => import('./features/hazards/ListsPage')) },
  { path: '/hazard-reviews', labelKey: 'hazardReviews', icon: <FileSearchOutlined />, permission: 'hazard.review', page: lazy(() => import('./features/hazards/ReviewsPage')) },
  { path: '/inspections', labelKey: 'inspections', icon: <CarryOutOutlined />, permission: 'inspection.read', page: lazy(() => import('./features/inspections/InspectionsPage')) },
  { path: '/inspection-plans', labelKey: 'draws', icon: <ScheduleOutlined />, permission: 'inspection_plan.read', page: lazy(() => import('./features/draws/DrawsPage')) },
  { path: '/cases', labelKey: 'cases', icon: <FileProtectOutlined />, permission: 'case.read', page: lazy(() => import('./features/cases/CasesPage')) },
  { path: '/enforcement', labelKey: 'enforcement', icon: <SafetyOutlined />, permission: 'case.read', page: lazy(() => import('./features/cases/EnforcementPage')) },
  { path: '/blacklist', labelKey: 'blacklist', icon: <StopOutlined />, permission: 'blacklist.read', page: lazy(() => import('./features/cases/BlacklistPage')) },
  { path: '/enterprises', labelKey: 'enterprises', icon: <ShopOutlined />, permission: 'enterprise.read', page: lazy(() => import('./features/enterprises/EnterprisesPage')) },
  { path: '/accidents', labelKey: 'accidents', icon: <AlertOutlined />, permission: 'accident.read', page: lazy(() => import('./features/accidents/AccidentsPage')) },
  { path: '/indicators', labelKey: 'indicators', icon: <FundOutlined />, permission: 'stats.read', page: lazy(() => import('./features/indicators/IndicatorsPage')) },
  { path: '/regions', labelKey: 'regions', icon: <EnvironmentOutlined />, permission: 'region.read', menuWhen: showsReferencePages, page: lazy(() => import('./features/regions/RegionsPage')) },
  { path: '/orgs', labelKey: 'orgs', icon: <ApartmentOutlined />, permission: 'org.read', menuWhen: showsReferencePages, page: lazy(() => import('./features/orgs/OrgsPage')) },
  { path: '/routing', labelKey: 'routing', icon: <BranchesOutlined />, permission: 'routing.read', menuWhen: showsReferencePages, page: lazy(() => import('./features/routing/RoutingPage')) },
  { path: '/users', labelKey: 'users', icon: <TeamOutlined />, permission: 'user.read', menuWhen: managesAccounts, page: lazy(() => import('./features/users/UsersPage')) },
  { path: '/audit', labelKey: 'audit', icon: <AuditOutlined />, permission: 'audit.read', page: lazy(() => import('./features/audit/AuditPage')) },
];
