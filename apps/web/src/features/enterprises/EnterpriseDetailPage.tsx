import { ArrowLeftOutlined } from '@ant-design/icons';
import type { EnterpriseStatus } from '@anjian/domain';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { hasPermission, useCurrentUser } from '../../shared/auth/session';
import { formatDateTime } from '../../shared/ui/format';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import { placeServerErrors } from '../../shared/ui/form-errors';
import { PlaceView } from '../../shared/ui/PlaceView';
import { useHazardLabels } from '../hazards/labels';
import { EnterpriseFormDialog } from './EnterpriseFormDialog';
import { STATUS_COLOURS } from './EnterpriseListPage';
import { useEnterprise, useSetEnterpriseStatus, type EnterpriseData } from './enterprises.api';
import { BlacklistTag } from '../cases/BlacklistTag';

const STATUS_OF: Record<string, EnterpriseStatus> = { suspend: 'suspended', resume: 'operating', close: 'closed' };

/** Changing an enterprise's status is an enforcement decision: confirm it, with the reason. */
function StatusDialog({ enterprise, to, onClose }: { enterprise: EnterpriseData; to: EnterpriseStatus; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useHazardLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [formError, setFormError] = useState<string | null>(null);
  const change = useSetEnterpriseStatus();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await change.mutateAsync({ id: enterprise.id, status: to, reason: v.reason.trim() });
      void message.success(t('enterprises.statusChanged'));
      onClose();
    } catch (error) {
      setFormError(placeServerErrors(form, error));
    }
  };
  return (
    <Modal
      open
      title={t('enterprises.statusTitle', { name: enterprise.name, status: labels.enterpriseStatus(to) })}
      okText={t('common.ok')}
      okButtonProps={{ danger: to !== 'operating' }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={change.isPending}
    >
      <Typography.Paragraph>{t(`enterprises.statusContent.${to}`)}</Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" name="enterpriseStatus" onFinish={() => void submit()}>
        <Form.Item name="reason" label={t('enterprises.statusReason')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('enterprises.statusReason') }) }, { max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} placeholder={t('enterprises.statusReasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function EnterpriseDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const labels = useHazardLabels();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const query = useEnterprise(id);
  const [editing, setEditing] = useState<'full' | 'contacts' | null>(null);
  const [changing, setChanging] = useState<EnterpriseStatus | null>(null);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const e = query.data;

  return (
    <div style={{ maxWidth: 1000 }}>
      <Link to="/enterprises" style={{ display: 'inline-block', marginBottom: 8 }}><ArrowLeftOutlined /> {t('enterprises.back')}</Link>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{e.name} <Tag color={STATUS_COLOURS[e.status]} style={{ verticalAlign: 'middle' }} data-testid="enterprise-status">{labels.enterpriseStatus(e.status)}</Tag><BlacklistTag flag={e.blacklist} /></Typography.Title>
        <Flex gap={8} wrap>
          {hasPermission(me, 'hazard.read') && <Button onClick={() => void navigate(`/hazards?enterpriseId=${e.id}`)}>{t('enterprises.hazards')}</Button>}
          {e.actions.includes('update') && <Button onClick={() => setEditing('full')}>{t('enterprises.actions.update')}</Button>}
          {e.actions.includes('update_contacts') && <Button onClick={() => setEditing('contacts')}>{t('enterprises.actions.update_contacts')}</Button>}
          {(['resume', 'suspend', 'close'] as const).filter((a) => e.actions.includes(a)).map((a) => (
            <Button key={a} danger={a !== 'resume'} onClick={() => setChanging(STATUS_OF[a]!)} data-testid={`enterprise-${a}`}>{t(`enterprises.actions.${a}`)}</Button>
          ))}
        </Flex>
      </Flex>
      {e.blacklist && <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="enterprise-blacklist" title={t('cases.blacklist.flagTitle')}
        description={`${t('cases.blacklist.reason')}：${e.blacklist.reason}；${t('cases.blacklist.legalBasis')}：${e.blacklist.legalBasis}；${t('cases.blacklist.period')}：${e.blacklist.fromOn} ~ ${e.blacklist.toOn}；${t('cases.blacklist.issuer')}：${e.blacklist.issuingOrgName}`} />}
      {e.statusReason && e.status !== 'operating' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('hazards.fact', { label: labels.enterpriseStatus(e.status), value: e.statusReason })}
        description={<>{formatDateTime(e.statusChangedAt)}{e.status === 'suspended' && <div data-testid="enterprise-resumption-hint">{t('enterprises.resumptionHint')} <Link to="/enforcement">{t('enterprises.resumptionLink')}</Link></div>}</>} />}
      {e.statusReason && e.status === 'operating' && <Alert type="success" showIcon style={{ marginBottom: 12 }} data-testid="enterprise-resumed" title={t('hazards.fact', { label: labels.enterpriseStatus(e.status), value: e.statusReason })} description={formatDateTime(e.statusChangedAt)} />}
      <Card size="small">
        <Descriptions
          size="small"
          column={mobile ? 1 : 2}
          items={[
            { key: 'uscc', label: t('enterprises.uscc'), children: <Typography.Text code copyable>{e.uscc}</Typography.Text> },
            {
              key: 'address', label: t('enterprises.address'), span: 'filled',
              children: <PlaceView regionCode={e.regionCode} regionName={e.regionName} address={e.address} latitude={e.location?.latitude} longitude={e.location?.longitude} label={e.name} testId="enterprise-place" />,
            },
            { key: 'industries', label: t('enterprises.industries'), children: e.industries.map((c) => <Tag key={c}>{labels.industry(c)}</Tag>) },
            { key: 'scale', label: t('enterprises.scale'), children: labels.scale(e.scale) },
            { key: 'legal', label: t('enterprises.legalRepresentative'), children: e.legalRepresentative },
            { key: 'principal', label: t('enterprises.principal'), children: e.principal },
            { key: 'controller', label: t('enterprises.actualController'), children: e.actualController ?? '—' },
            { key: 'dept', label: t('enterprises.supervisingDepartment'), children: e.supervisingDepartment?.name ?? '—' },
            { key: 'contacts', label: t('enterprises.safetyContacts'), span: 'filled', children: e.safetyContacts.length ? e.safetyContacts.map((c) => `${c.name} ${c.phone}`).join('；') : '—' },
            { key: 'created', label: t('enterprises.createdAt'), children: formatDateTime(e.createdAt) },
          ]}
        />
      </Card>
      {editing && <EnterpriseFormDialog enterprise={e} contactsOnly={editing === 'contacts'} onClose={() => setEditing(null)} />}
      {changing && <StatusDialog enterprise={e} to={changing} onClose={() => setChanging(null)} />}
    </div>
  );
}
