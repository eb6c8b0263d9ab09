import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ChangePasswordDialog } from '../auth/ChangePasswordDialog';
import { useCurrentUser, useLogout } from '../auth/session';

export function UserMenu({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [changing, setChanging] = useState(false);

  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: () => {
        void message.success(t('layout.loggedOut'));
        void navigate('/login', { replace: true });
      },
    });

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'who',
              disabled: true,
              label: (
                <div style={{ maxWidth: 260 }}>
                  <Typography.Text strong>{me.displayName}</Typography.Text>
                  <div style={{ fontSize: 12 }}>
                    <Typography.Text type="secondary">{me.username} · {me.org.name}</Typography.Text>
                  </div>
                </div>
              ),
            },
            { type: 'divider' },
            { key: 'password', icon: <KeyOutlined />, label: t('layout.changePassword'), onClick: () => setChanging(true) },
            { key: 'logout', icon: <LogoutOutlined />, label: t('layout.logout'), onClick: signOut },
          ],
        }}
      >
        <Button type="text" aria-label={t('layout.userMenu')} data-testid="user-menu" style={{ paddingInline: compact ? 4 : 8 }}>
          <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1677ff' }} />
          {!compact && <span style={{ maxWidth: 160, overflow: 'hidden', textOverflow: 'ellipsis' }}>{me.displayName}</span>}
        </Button>
      </Dropdown>
      {changing && <ChangePasswordDialog onClose={() => setChanging(false)} />}
    </>
  );
}
