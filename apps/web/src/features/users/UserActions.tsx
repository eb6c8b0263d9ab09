import { MoreOutlined } from '@ant-design/icons';
import { isOutOfBandRole } from '@anjian/domain';
import { App, Button, Dropdown, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../shared/api/client';
import type { TemporaryPassword } from './TemporaryPasswordModal';
import { useResetPassword, useSetStatus, type UserData } from './users.api';

interface Props {
  user: UserData;
  compact: boolean;
  onEdit: (mode: 'profile' | 'roles') => void;
  onTemporaryPassword: (value: TemporaryPassword) => void;
}

/** The row's buttons: only what the server lists in `actions`; destructive ones ask first. */
export function UserActions({ user, compact, onEdit, onTemporaryPassword }: Props) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const setStatus = useSetStatus();
  const reset = useResetPassword();
  const name = user.displayName;

  const confirmStatus = (action: 'disable' | 'enable') =>
    modal.confirm({
      title: action === 'disable' ? t('users.disableTitle', { name }) : t('users.enableTitle', { name }),
      content: action === 'disable' ? t('users.disableContent') : t('users.enableContent'),
      okText: action === 'disable' ? t('users.disable') : t('users.enable'),
      okButtonProps: { danger: action === 'disable' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await setStatus.mutateAsync({ id: user.id, action });
          void message.success(action === 'disable' ? t('users.disabled') : t('users.enabled'));
        } catch (e) {
          void message.error(errorText(e));
        }
      },
    });

  const confirmReset = () =>
    modal.confirm({
      title: t('users.resetTitle', { name }),
      content: t('users.resetContent'),
      okText: t('users.resetPassword'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const { temporaryPassword } = await reset.mutateAsync(user.id);
          onTemporaryPassword({ username: user.username, displayName: user.displayName, password: temporaryPassword });
        } catch (e) {
          void message.error(errorText(e));
        }
      },
    });

  const items = [
    user.actions.includes('update') && { key: 'edit', label: t('common.edit'), onClick: () => onEdit('profile') },
    user.actions.includes('assign_roles') && { key: 'roles', label: t('users.setRoles'), onClick: () => onEdit('roles') },
    user.actions.includes('disable') && { key: 'disable', label: t('users.disable'), danger: true, onClick: () => confirmStatus('disable') },
    user.actions.includes('enable') && { key: 'enable', label: t('users.enable'), onClick: () => confirmStatus('enable') },
    user.actions.includes('reset_password') && { key: 'reset', label: t('users.resetPassword'), danger: true, onClick: confirmReset },
  ].filter((item) => !!item);

  if (items.length === 0) {
    // 三权分立: say why a system or audit administrator offers nothing here.
    return user.roles.some(isOutOfBandRole) ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('users.outOfBand')}</Typography.Text> : null;
  }
  if (compact) {
    return (
      <Dropdown trigger={['click']} menu={{ items: items.map(({ key, label, danger, onClick }) => ({ key, label, danger, onClick })) }}>
        <Button type="text" icon={<MoreOutlined />} aria-label={t('common.more')} />
      </Dropdown>
    );
  }
  return (
    <Space size={0} wrap>
      {items.map((item) => (
        <Button key={item.key} type="link" size="small" danger={'danger' in item && item.danger} onClick={item.onClick}>
          {item.label}
        </Button>
      ))}
    </Space>
  );
}
