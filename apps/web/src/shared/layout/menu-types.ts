import type { Permission } from '@anjian/domain';
import type { ComponentType, ReactNode } from 'react';
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
  /**
   * Listed in the menu only when this also holds (a rule of @anjian/domain's desk.ts over
   * the server-sent permissions); the page stays routable with `permission` alone.
   */
  menuWhen?: (granted: ReadonlySet<string>) => boolean;
  page: ComponentType;
}
