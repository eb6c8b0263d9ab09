import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../shared/api/reference';
import { hasPermission, useCurrentUser } from '../../shared/auth/session';
import { formatDateTime } from '../../shared/ui/format';
import { OrgSelect } from '../../shared/ui/OrgSelect';
import { RegionPicker } from '../../shared/ui/RegionPicker';
import { PagedTable } from '../../shared/ui/PagedTable';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import { TemporaryPasswordModal, type TemporaryPassword } from './TemporaryPasswordModal';
import { UserActions } from './UserActions';
import { UserCreateDialog } from './UserCreateDialog';
import { UserEditDialog } from './UserEditDialog';
import { useUserList, type UserData, type UserFilters } from './users.api';

export default function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const labels = useLabels();
  const mobile = useIsMobile();
  const [filters, setFilters] = useState<UserFilters>({ regionCode: me.org.regionCode });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<{ user: UserData; mode: 'profile' | 'roles' } | null>(null);
  const [secret, setSecret] = useState<TemporaryPassword | null>(null);
  const list = useUserList(filters);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canCreate = hasPermission(me, 'user.create');

  const columns: TableColumnsType<UserData> = [
    { key: 'user', title: t('users.displayName'), render: (_, u) => (
      <>
        <div>{u.displayName}{u.id === me.id && <Tag style={{ marginInlineStart: 6 }}>{t('users.self')}</Tag>}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{u.username}</Typography.Text>
      </>
    ) },
    { key: 'org', title: t('users.org'), render: (_, u) => u.org.name, responsive: ['sm'] },
    { key: 'roles', title: t('users.roles'), responsive: ['md'], render: (_, u) => u.roles.map((r) => <Tag key={r}>{labels.role(r)}</Tag>) },
    { key: 'status', title: t('users.status'), width: 100, render: (_, u) => (
      <Flex vertical gap={4} align="flex-start">
        <Tag color={u.status === 'active' ? 'green' : 'red'}>{t(`common.status.${u.status === 'active' ? 'active' : 'disabled'}`)}</Tag>
        {u.mustChangePassword && <Tag color="orange">{t('users.mustChange')}</Tag>}
      </Flex>
    ) },
    { key: 'created', title: t('users.createdAt'), width: 170, responsive: ['xl'], render: (_, u) => formatDateTime(u.createdAt) },
  ];
  // Read-only viewers get no empty actions column.
  if (rows.some((u) => u.actions.length > 0)) {
    columns.push({ key: 'actions', title: t('common.actions'), width: mobile ? 56 : undefined, render: (_, u) => (
      <UserActions user={u} compact={mobile} onEdit={(mode) => setEditing({ user: u, mode })} onTemporaryPassword={setSecret} />
    ) });
  }

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('users.title')}</Typography.Title>
        {canCreate && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('users.create')}</Button>}
      </Flex>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={12}>
          <RegionPicker
            value={filters.regionCode}
            onChange={(regionCode) => setFilters((f) => ({ ...f, regionCode: regionCode ?? me.org.regionCode }))}
            className="anjian-filter" style={{ width: 240, maxWidth: '100%' }}
          />
          <OrgSelect
            allowClear
            value={filters.orgId}
            regionCode={filters.regionCode}
            onChange={(orgId) => setFilters((f) => ({ ...f, orgId }))}
            className="anjian-filter" style={{ width: 260, maxWidth: '100%' }}
          />
          <Select<'active' | 'disabled'>
            allowClear
            placeholder={t('users.status')}
            aria-label={t('users.status')}
            value={filters.status}
            onChange={(status) => setFilters((f) => ({ ...f, status }))}
            options={[
              { value: 'active', label: t('common.status.active') },
              { value: 'disabled', label: t('common.status.disabled') },
            ]}
            className="anjian-filter" style={{ width: 130 }}
          />
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            aria-label={t('users.searchLabel')}
            onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined }))}
            className="anjian-filter" style={{ width: 240, maxWidth: '100%' }}
          />
        </Flex>
      </Card>
      <PagedTable<UserData> query={list} rows={rows} columns={columns} empty={canCreate ? t('users.empty') : t('users.emptyReadOnly')} />
      {creating && <UserCreateDialog onClose={() => setCreating(false)} onTemporaryPassword={setSecret} />}
      {editing && <UserEditDialog user={editing.user} mode={editing.mode} onClose={() => setEditing(null)} />}
      <TemporaryPasswordModal value={secret} onClose={() => setSecret(null)} />
    </>
  );
}
