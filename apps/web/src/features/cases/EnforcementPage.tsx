import { Button, Form, Input, Modal, Select, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../../shared/api/client';
import { hasPermission, useCurrentUser } from '../../shared/auth/session';
import { formatDateTime } from '../../shared/ui/format';
import { useInterviews, usePost, useRechecks, useResumptions, type Recheck, type Resumption } from './cases.api';
import { ApplyResumptionDialog, ResumptionDialog } from './ResumptionDialog';

const STATUS_COLOR = { applied: 'gold', accepted: 'green', refused: 'red' } as const;

/** 复产验收, the re-checks of closed sites (严防死灰复燃) and the 约谈 records of the scope. */
export default function EnforcementPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const resumptions = useResumptions();
  const rechecks = useRechecks();
  const interviews = useInterviews();
  const [accepting, setAccepting] = useState<Resumption | null>(null);
  const [recording, setRecording] = useState<Recheck | null>(null);
  const mayAccept = hasPermission(me, 'case.resumption_accept');
  const mayRecheck = hasPermission(me, 'case.recheck');
  // An enterprise's own accounts apply for their enterprise; the department never applies for it.
  // One pending application at a time (the server says so too): no button while one waits.
  const mayApply = hasPermission(me, 'case.resumption_apply') && me.org.type === 'enterprise' && !(resumptions.data ?? []).some((r) => r.status === 'applied' && r.enterpriseId === me.org.id);
  const [applying, setApplying] = useState(false);
  const post = usePost([['resumptions'], ['rechecks']]);
  const [form] = Form.useForm();

  const tabs = [
    {
      key: 'resumptions', label: t('cases.enforcement.resumptions'),
      children: (
        <>
        {mayApply && <Button type="primary" style={{ marginBottom: 12 }} data-testid="apply-resumption" onClick={() => setApplying(true)}>{t('cases.enforcement.apply')}</Button>}
        <Table rowKey="id" size="middle" loading={resumptions.isLoading} dataSource={resumptions.data ?? []} scroll={{ x: true }} columns={[
          { key: 'e', title: t('cases.fields.enterprise'), render: (_, r) => <>{r.enterpriseName}{r.caseId && <div style={{ fontSize: 12 }}><Link to={`/cases/${r.caseId}`}>{r.caseNumber ?? t('cases.fields.number')}</Link></div>}</> },
          { key: 's', title: t('cases.fields.status'), render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`cases.enforcement.${r.status}`)}</Tag> },
          { key: 'a', title: t('cases.enforcement.appliedAt'), render: (_, r) => formatDateTime(r.appliedAt).slice(0, 16), responsive: ['sm'] },
          { key: 'st', title: t('cases.enforcement.statement'), dataIndex: 'statement', responsive: ['md'] },
          { key: 'd', title: t('cases.enforcement.decidedBy'), render: (_, r) => (r.decidedByName ? `${r.decidedByName} ${formatDateTime(r.decidedAt).slice(0, 10)}` : '—'), responsive: ['lg'] },
          { key: 'x', title: '', render: (_, r) => (r.status === 'applied' && mayAccept ? <Button type="primary" size="small" data-testid="accept-resumption" onClick={() => setAccepting(r)}>{t('cases.enforcement.accept')}</Button> : null) },
        ]} />
        </>
      ),
    },
    {
      key: 'rechecks', label: t('cases.enforcement.rechecks'),
      children: (
        <Table rowKey="id" size="middle" loading={rechecks.isLoading} dataSource={rechecks.data ?? []} scroll={{ x: true }} columns={[
          { key: 'e', title: t('cases.fields.enterprise'), dataIndex: 'enterpriseName' },
          { key: 'd', title: t('cases.enforcement.dueOn'), render: (_, k) => <>{k.dueOn} {k.due && <Tag color="red">{t('cases.enforcement.due')}</Tag>}</> },
          { key: 'r', title: t('cases.enforcement.result'), render: (_, k) => (k.resultLabel ? `${k.resultLabel}（${k.checkedOn}，${k.checkedByName}）` : '—') },
          { key: 'x', title: '', render: (_, k) => (k.result === null && mayRecheck ? <Button size="small" onClick={() => setRecording(k)}>{t('cases.enforcement.record')}</Button> : null) },
        ]} />
      ),
    },
    {
      key: 'interviews', label: t('cases.enforcement.interviews'),
      children: (
        <Table rowKey="id" size="middle" loading={interviews.isLoading} dataSource={interviews.data ?? []} scroll={{ x: true }} columns={[
          { key: 'h', title: t('cases.enforcement.heldOn'), dataIndex: 'heldOn' },
          { key: 'e', title: t('cases.fields.enterprise'), dataIndex: 'enterpriseName' },
          { key: 'r', title: t('cases.enforcement.reasons'), dataIndex: 'reasons', responsive: ['md'] },
          { key: 'c', title: t('cases.enforcement.commitments'), dataIndex: 'commitments', responsive: ['lg'] },
          { key: 'f', title: t('cases.enforcement.followUp'), render: (_, i) => i.followUpResult ?? `${t('cases.enforcement.followUpOn')} ${i.followUpOn}` },
        ]} />
      ),
    },
  ];

  return (
    <>
      <Typography.Title level={3}>{t('cases.enforcement.title')}</Typography.Title>
      <Tabs items={tabs} />
      {applying && <ApplyResumptionDialog enterpriseId={me.org.id} onClose={() => setApplying(false)} />}
      {accepting && <ResumptionDialog resumption={accepting} onClose={() => setAccepting(null)} />}
      {recording && (
        <Modal open title={`${t('cases.enforcement.record')} · ${recording.enterpriseName}`} onCancel={() => setRecording(null)} confirmLoading={post.isPending} destroyOnHidden
          onOk={() => void form.validateFields().then((v) => post.mutate({ path: `/closure-rechecks/${recording.id}`, body: v }, { onSuccess: () => setRecording(null) }))}>
          {post.error && <Typography.Text type="danger">{errorText(post.error)}</Typography.Text>}
          <Form form={form} layout="vertical" initialValues={{ result: 'still_closed' }}>
            <Form.Item name="result" label={t('cases.enforcement.result')}><Select options={(['still_closed', 'operating_again'] as const).map((r) => ({ value: r, label: t(`cases.enforcement.resultOptions.${r}`) }))} /></Form.Item>
            <Form.Item name="note" label={t('cases.act.note')} rules={[{ required: true }]}><Input.TextArea rows={3} /></Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
