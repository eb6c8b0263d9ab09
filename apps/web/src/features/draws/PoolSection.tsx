import { Button, Card, DatePicker, Flex, Form, Input, Modal, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { errorText } from '../../shared/api/client';
import { placeServerErrors } from '../../shared/ui/form-errors';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import { useCandidates, usePlanEdit, type PlanDetailData } from './draws.api';

type Member = PlanDetailData['pool'][number];

function AddMember({ plan }: { plan: PlanDetailData }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ userId: string; certNo: string; certValidUntil: Dayjs }>();
  const candidates = useCandidates(plan.id);
  const { putMember } = usePlanEdit(plan.id);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: { userId: string; certNo: string; certValidUntil: Dayjs }) => {
    setError(null);
    try {
      await putMember.mutateAsync({ userId: v.userId, certNo: v.certNo, certValidUntil: v.certValidUntil.format('YYYY-MM-DD') });
      form.resetFields();
    } catch (e) {
      setError(placeServerErrors(form, e));
    }
  };
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  return (
    <Form form={form} name="poolMember" layout="inline" onFinish={(v) => void submit(v)} style={{ rowGap: 8, marginBottom: 12 }}>
      <Form.Item name="userId" rules={required(t('draws.pool.name'))}>
        <Select style={{ width: 220 }} placeholder={t('draws.pool.pick')} loading={candidates.isPending}
          options={(candidates.data?.items ?? []).filter((c) => !c.inPool).map((c) => ({ value: c.userId, label: `${c.name} · ${c.orgName}` }))} />
      </Form.Item>
      <Form.Item name="certNo" rules={required(t('draws.pool.certNo'))}><Input placeholder={t('draws.pool.certNo')} maxLength={40} style={{ width: 200 }} /></Form.Item>
      <Form.Item name="certValidUntil" rules={required(t('draws.pool.certValidUntil'))}><DatePicker placeholder={t('draws.pool.certValidUntil')} /></Form.Item>
      <Button htmlType="submit" loading={putMember.isPending}>{t('draws.pool.add')}</Button>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Form>
  );
}

function AddAvoidance({ plan, open, onClose }: { plan: PlanDetailData; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ userId: string; enterpriseId: string; reason: string }>();
  const { addAvoidance } = usePlanEdit(plan.id);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: { userId: string; enterpriseId: string; reason: string }) => {
    setError(null);
    try {
      await addAvoidance.mutateAsync(v);
      onClose();
    } catch (e) {
      setError(placeServerErrors(form, e));
    }
  };
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  return (
    <Modal open={open} title={t('draws.pool.avoidTitle')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={addAvoidance.isPending} destroyOnHidden>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Form form={form} layout="vertical" name="avoidance" onFinish={(v) => void submit(v)}>
        <Form.Item name="userId" label={t('draws.pool.inspector')} rules={required(t('draws.pool.inspector'))}>
          <Select options={plan.pool.map((m) => ({ value: m.userId, label: m.name }))} />
        </Form.Item>
        <Form.Item name="enterpriseId" label={t('draws.pool.enterprise')} rules={required(t('draws.pool.enterprise'))}>
          <EnterpriseSelect regionCode={plan.regionCode} />
        </Form.Item>
        <Form.Item name="reason" label={t('draws.pool.reason')} rules={required(t('draws.pool.reason'))}><Input maxLength={200} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** The inspectors' pool: who may be drawn, their 执法证 and the enterprises each must avoid. */
export function PoolSection({ plan, mayManage }: { plan: PlanDetailData; mayManage: boolean }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const { removeMember } = usePlanEdit(plan.id);
  const [avoiding, setAvoiding] = useState(false);
  const avoidances = (m: Member) => (m.avoidances.length ? m.avoidances.map((a) => <Tag key={a.id} title={a.reason}>{a.enterpriseName}</Tag>) : <Typography.Text type="secondary">{t('draws.pool.none')}</Typography.Text>);
  return (
    <Card size="small" title={`${t('draws.pool.title')}（${plan.pool.length}）`} style={{ marginBottom: 12 }}
      extra={mayManage && plan.pool.length > 0 ? <Button size="small" onClick={() => setAvoiding(true)}>{t('draws.pool.avoid')}</Button> : null}>
      {mayManage && <AddMember plan={plan} />}
      {removeMember.isError && <Typography.Text type="danger">{errorText(removeMember.error)}</Typography.Text>}
      {plan.pool.length === 0 ? <Typography.Text type="warning">{t('draws.pool.empty')}</Typography.Text> : (
        <Table<Member> rowKey="userId" size="small" pagination={false} dataSource={plan.pool} scroll={mobile ? { x: 640 } : undefined} columns={[
          { title: t('draws.pool.name'), dataIndex: 'name' },
          { title: t('draws.pool.org'), dataIndex: 'orgName' },
          { title: t('draws.pool.certNo'), dataIndex: 'certNo' },
          { title: t('draws.pool.certValidUntil'), dataIndex: 'certValidUntil', width: 110 },
          { title: t('draws.pool.avoidances'), key: 'avoid', render: (_, m) => <Flex wrap gap={4}>{avoidances(m)}</Flex> },
          ...(mayManage ? [{ title: '', key: 'remove', width: 70, render: (_: unknown, m: Member) => (
            <Popconfirm title={t('draws.pool.removeConfirm')} onConfirm={() => removeMember.mutate(m.userId)}><Button size="small" type="link" danger>{t('draws.pool.remove')}</Button></Popconfirm>
          ) }] : []),
        ]} />
      )}
      <AddAvoidance plan={plan} open={avoiding} onClose={() => setAvoiding(false)} />
    </Card>
  );
}
