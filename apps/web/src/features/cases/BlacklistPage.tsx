import { Button, Checkbox, Flex, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../../shared/api/client';
import { hasPermission, useCurrentUser } from '../../shared/auth/session';
import { useBlacklist, usePost, type BlacklistEntry } from './cases.api';

/** 黑名单: every entry whose enterprise lies in the scope (联合惩戒: whatever the department supervises); 信用修复 with a reason. */
export default function BlacklistPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [active, setActive] = useState(false);
  const list = useBlacklist(active);
  const post = usePost([['blacklist']]);
  const [repairing, setRepairing] = useState<BlacklistEntry | null>(null);
  const [reason, setReason] = useState('');
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('cases.blacklist.title')}</Typography.Title>
      <Checkbox checked={active} onChange={(e) => setActive(e.target.checked)}>{t('cases.blacklist.active')}</Checkbox>
      <Table rowKey="id" size="middle" loading={list.isLoading} dataSource={list.data ?? []} scroll={{ x: true }} columns={[
        { key: 'e', title: t('cases.blacklist.enterprise'), render: (_, b) => <>{b.enterpriseName}<div style={{ fontSize: 12 }}><Link to={`/cases/${b.caseId}`}>{t('cases.fields.number')}</Link></div></> },
        { key: 'r', title: t('cases.blacklist.reason'), dataIndex: 'reason' },
        { key: 'l', title: t('cases.blacklist.legalBasis'), dataIndex: 'legalBasis', responsive: ['lg'] },
        { key: 'p', title: t('cases.blacklist.period'), render: (_, b) => `${b.fromOn} ~ ${b.toOn}`, responsive: ['sm'] },
        { key: 'i', title: t('cases.blacklist.issuer'), dataIndex: 'issuingOrgName', responsive: ['md'] },
        { key: 's', title: t('cases.fields.status'), render: (_, b) => (b.inForce ? <Tag color="red">{t('cases.blacklist.inForce')}</Tag> : <Tag title={b.removedReason ?? ''}>{b.removedAt ? t('cases.blacklist.removed') : '—'}</Tag>) },
        { key: 'x', title: '', render: (_, b) => (b.inForce && hasPermission(me, 'blacklist.manage') ? <Button size="small" onClick={() => setRepairing(b)}>{t('cases.blacklist.repair')}</Button> : null) },
      ]} />
      {repairing && (
        <Modal open title={`${t('cases.blacklist.repair')} · ${repairing.enterpriseName}`} onCancel={() => setRepairing(null)} confirmLoading={post.isPending} okButtonProps={{ disabled: reason.trim() === '' }}
          onOk={() => post.mutate({ path: `/blacklist/${repairing.id}/repair`, body: { reason } }, { onSuccess: () => { setRepairing(null); setReason(''); } })}>
          {post.error && <Typography.Text type="danger">{errorText(post.error)}</Typography.Text>}
          <Input.TextArea rows={3} placeholder={t('cases.blacklist.repairReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Modal>
      )}
    </Flex>
  );
}
