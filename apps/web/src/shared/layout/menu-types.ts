import type { Permission } from '@anjian/domain';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Translation } from '../i18n/resources';

/** One line of the application's menu table (see src/menu.tsx). */
export interface MenuEntry {
  /** The URL the entry opens; the page also owns everything below it (path/*). */
  path: string;
  /** A key of layout.menu in the message tables. */
  labelKey: keyof Translation['layout']['menu'];
  icon: ReactNode;
  /** Shown, and routable, only when Me.permissions holds this. */
  permission: Permission;
  page: LazyPage;
}

/** A page loaded on demand, whose chunk can also be fetched ahead (preload). */
export type LazyPage = LazyExoticComponent<ComponentType> & { preload: () => Promise<unknown> };

export function lazyPage(load: () => Promise<{ default: ComponentType }>): LazyPage {
  return Object.assign(lazy(load), { preload: load });
}
