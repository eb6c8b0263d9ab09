import { DESK_LANDING, deskOf } from '@anjian/domain';
import { Button, Flex, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLayoutEffect } from 'react';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { handOverFirstView } from '../../first-view/hand-over';
import { ChangePasswordDialog } from '../auth/ChangePasswordDialog';
import { useLogout, useMe } from '../auth/session';
import { ErrorState, LoadingState } from '../ui/states';
import { AppLayout } from './AppLayout';
import type { MenuEntry } from './menu-types';

function ForcedPasswordChange() {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <Flex style={{ minHeight: '100vh', background: '#f0f2f5' }}>
      <ChangePasswordDialog
        forced
        onClose={() => undefined}
        extraFooter={<Button onClick={() => logout.mutate()} loading={logout.isPending}>{t('layout.logout')}</Button>}
      />
    </Flex>
  );
}

function Message({ status, title, hint }: { status: 403 | 404 | 'info'; title: string; hint: string }) {
  const { t } = useTranslation();
  return <Result status={status} title={title} subTitle={hint} extra={status !== 'info' && <Link to="/"><Button type="primary">{t('common.backHome')}</Button></Link>} />;
}

/** Everything behind sign-in: the session check, the forced password change, then the pages the user may open. */
export function SignedIn({ menu }: { menu: MenuEntry[] }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  // The first view stands for the dashboard only: anything else this renders takes over at once.
  const dashboardAhead = me.isPending || (!!me.data && !me.data.mustChangePassword && /^\/dashboard\/?$/.test(location.pathname));
  useLayoutEffect(() => {
    if (!dashboardAhead) handOverFirstView();
  }, [dashboardAhead]);

  if (me.isPending) return <LoadingState />;
  if (me.isError) return <div style={{ padding: 24 }}><ErrorState error={me.error} onRetry={() => void me.refetch()} /></div>;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (me.data.mustChangePassword) return <ForcedPasswordChange />;

  const granted: ReadonlySet<string> = new Set(me.data.permissions);
  const allowed = menu.filter((m) => granted.has(m.permission));
  const listed = allowed.filter((m) => m.menuWhen?.(granted) ?? true);
  // Each desk opens on its own page (我的待办, the dashboard, the report home), else the menu's first.
  const landing = DESK_LANDING[deskOf(granted)];
  const first = listed.find((m) => m.path === landing) ?? listed[0] ?? allowed[0];

  return (
    <Routes>
      <Route element={<AppLayout menu={listed} />}>
        <Route index element={first ? <Navigate to={first.path} replace /> : <Message status="info" title={t('common.appTitle')} hint={t('common.noMenuHint')} />} />
        {menu.map((m) => {
          const Page = m.page;
          const element = granted.has(m.permission) ? <Page /> : <Message status={403} title={t('common.forbiddenTitle')} hint={t('common.forbiddenHint')} />;
          return <Route key={m.path} path={`${m.path.replace(/^\//, '')}/*`} element={element} />;
        })}
        <Route path="*" element={<Message status={404} title={t('common.notFoundTitle')} hint={t('common.notFoundHint')} />} />
      </Route>
    </Routes>
  );
}
