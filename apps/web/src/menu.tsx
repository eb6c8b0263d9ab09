import { ApartmentOutlined, AuditOutlined, BranchesOutlined, EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { MenuEntry } from './shared/layout/menu-types';

/**
 * The application's pages, in menu order. A module adds its page with one line: the URL,
 * its label key (layout.menu.*), an icon, the permission that shows it, and the lazily
 * loaded page component. The same table drives the side menu and the routes.
 */
export const MENU: MenuEntry[] = [
  { path: '/regions', labelKey: 'regions', icon: <EnvironmentOutlined />, permission: 'region.read', page: lazy(() => import('./features/regions/RegionsPage')) },
  { path: '/orgs', labelKey: 'orgs', icon: <ApartmentOutlined />, permission: 'org.read', page: lazy(() => import('./features/orgs/OrgsPage')) },
  { path: '/routing', labelKey: 'routing', icon: <BranchesOutlined />, permission: 'routing.read', page: lazy(() => import('./features/routing/RoutingPage')) },
  { path: '/users', labelKey: 'users', icon: <TeamOutlined />, permission: 'user.read', page: lazy(() => import('./features/users/UsersPage')) },
  { path: '/audit', labelKey: 'audit', icon: <AuditOutlined />, permission: 'audit.read', page: lazy(() => import('./features/audit/AuditPage')) },
];
