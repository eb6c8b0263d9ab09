import { EnvironmentOutlined, MenuOutlined, SafetyCertificateFilled } from '@ant-design/icons';
import { Breadcrumb, Button, Drawer, Flex, Layout, Menu, theme } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useCurrentUser } from '../auth/session';
import { InboxBell } from '../../features/inbox/InboxBell';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { LoadingState } from '../ui/states';
import { useIsMobile } from '../ui/use-is-mobile';
import type { MenuEntry } from './menu-types';
import { UserMenu } from './UserMenu';

const HEADER_HEIGHT = 56;

function RegionBreadcrumb({ wrap }: { wrap?: boolean }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <nav aria-label={t('layout.regionPath')} title={t('layout.regionPath')} style={{ minWidth: 0, overflow: 'hidden', whiteSpace: wrap ? 'normal' : 'nowrap', display: 'flex', gap: 6, alignItems: 'center' }}>
      <EnvironmentOutlined style={{ opacity: 0.45 }} />
      <Breadcrumb items={me.regionPath.map((r) => ({ key: r.code, title: r.name }))} />
    </nav>
  );
}

export function AppLayout({ menu }: { menu: MenuEntry[] }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const mobile = useIsMobile();
  const location = useLocation();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);

  // The dashboard draws the region path itself, for the region on screen: one breadcrumb, not two.
  const ownPath = !location.pathname.startsWith('/dashboard');
  const selected = menu.find((m) => location.pathname === m.path || location.pathname.startsWith(`${m.path}/`));
  const navigation = (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected.path] : []}
      onClick={() => setDrawerOpen(false)}
      items={menu.map((m) => ({ key: m.path, icon: m.icon, label: <Link to={m.path}>{t(`layout.menu.${m.labelKey}`)}</Link> }))}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  const brand = (
    <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 8, color: 'inherit', flexShrink: 0 }}>
      <SafetyCertificateFilled style={{ fontSize: 22, color: token.colorPrimary }} />
      <span style={{ fontWeight: 600, fontSize: 16 }}>{t('common.appName')}</span>
    </Link>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          position: 'sticky', top: 0, zIndex: 10, height: HEADER_HEIGHT, lineHeight: 'normal', paddingInline: mobile ? 8 : 16,
          background: token.colorBgContainer, borderBottom: `1px solid ${token.colorBorderSecondary}`,
          display: 'flex', alignItems: 'center', gap: mobile ? 4 : 16,
        }}
      >
        {mobile && <Button type="text" icon={<MenuOutlined />} aria-label={t('layout.openMenu')} onClick={() => setDrawerOpen(true)} />}
        {brand}
        <div style={{ flex: 1, minWidth: 0 }}>{!mobile && ownPath && <RegionBreadcrumb />}</div>
        <InboxBell />
        <LanguageSwitch compact={mobile} />
        <UserMenu compact={mobile} />
      </Layout.Header>
      <Layout>
        {!mobile && (
          <Layout.Sider
            width={208}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            theme="light"
            // Sticky, so the menu stays in reach on long lists.
            style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}`, position: 'sticky', top: HEADER_HEIGHT, height: `calc(100vh - ${HEADER_HEIGHT}px)`, overflow: 'auto' }}
            aria-label={t('layout.navigation')}
          >
            {navigation}
          </Layout.Sider>
        )}
        {mobile && (
          <Drawer open={drawerOpen} onClose={() => setDrawerOpen(false)} placement="left" size={240} title={t('common.appTitle')} styles={{ body: { padding: 0 } }}>
            {navigation}
          </Drawer>
        )}
        <Layout.Content style={{ padding: mobile ? 12 : 24, minWidth: 0 }}>
          {mobile && ownPath && (
            <Flex style={{ marginBottom: 8, fontSize: 12 }}>
              <RegionBreadcrumb wrap />
            </Flex>
          )}
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
