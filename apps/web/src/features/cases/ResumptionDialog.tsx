import { INSPECTION_TYPE_LABELS } from '@anjian/domain';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Flex, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { useLanguage } from '../../shared/i18n';
import { placeServerErrors } from '../../shared/ui/form-errors';
import { usePost, type Resumption } from './cases.api';

interface InspectionRow { id: string; type: keyof typeof INSPECTION_TYPE_LABELS; status: string; inspectedOn: string }

/**
 * 复产验收: the re-inspection's checklist (or its conclusion), and the acceptor's signature —
 * their own password (谁验收谁签字). The server refuses while a 重大 hazard is open, and says so.
 */
export function ResumptionDialog({ resumption, onClose }: { resumption: Resumption; onClose: () => void }) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const [form] = Form.useForm();
  const [formError, setFormError] = useState<string | null>(null);
  const post = usePost([['resumptions'], ['cases'], ['enterprises']]);
  // The re-inspection is one of the enterprise's recorded inspections (a 复查 usually), picked by date and type.
  const inspections = useQuery({
    queryKey: ['inspections', 'of-enterprise', resumption.enterpriseId],
    queryFn: () => api.get<{ items: InspectionRow[] }>('/inspections', { query: { enterpriseId: resumption.enterpriseId, limit: 50 } }).then((r) => r.items.filter((i) => i.status !== 'draft')),
  });
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setFormError(null);
    const items = (v.items ?? []).filter((i: { item?: string }) => i.item).map((i: { item: string; passed?: boolean }) => ({ item: i.item, passed: i.passed === true }));
    post.mutate({ path: `/resumptions/${resumption.id}/accept`, body: { password: v.password, items, ...(v.summary ? { summary: v.summary } : {}), ...(v.inspectionId ? { inspectionId: v.inspectionId } : {}) } }, { onSuccess: onClose, onError: (error) => setFormError(placeServerErrors(form, error)) });
  };
  return (
    <Modal open title={`${t('cases.enforcement.accept')} · ${resumption.enterpriseName}`} onCancel={onClose} onOk={() => void submit()} confirmLoading={post.isPending} okText={t('cases.act.submit')} cancelText={t('cases.act.cancel')} destroyOnHidden>
      <p style={{ color: '#595959' }}>{t('cases.enforcement.statement')}：{resumption.statement}</p>
      {formError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={formError} data-testid="resumption-error" />}
      <Form form={form} layout="vertical" initialValues={{ items: [{ item: '重大事故隐患已整改销号', passed: true }, { item: '停产整顿决定所列问题已整改', passed: true }] }}>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Form.Item label={t('cases.enforcement.items')}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="center" style={{ marginBottom: 8 }}>
                  <Form.Item name={[f.name, 'item']} noStyle><Input placeholder={t('cases.enforcement.item')} /></Form.Item>
                  <Form.Item name={[f.name, 'passed']} valuePropName="checked" noStyle><Checkbox>{t('cases.enforcement.passed')}</Checkbox></Form.Item>
                  <Button type="link" danger size="small" onClick={() => remove(f.name)}>×</Button>
                </Flex>
              ))}
              <Button size="small" onClick={() => add({ item: '', passed: true })}>{t('cases.enforcement.addItem')}</Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="summary" label={t('cases.enforcement.summary')}><Input.TextArea rows={2} /></Form.Item>
        <Form.Item name="inspectionId" label={t('cases.enforcement.inspectionId')}>
          <Select allowClear loading={inspections.isLoading} notFoundContent={t('cases.enforcement.noInspections')}
            options={(inspections.data ?? []).map((i) => ({ value: i.id, label: `${i.inspectedOn} · ${pick(INSPECTION_TYPE_LABELS[i.type])}` }))} />
        </Form.Item>
        <Form.Item name="password" label={t('cases.enforcement.password')} rules={[{ required: true }]}><Input.Password autoComplete="current-password" /></Form.Item>
      </Form>
    </Modal>
  );
}

/** 企业申请复产验收: a suspended enterprise says what it rectified; the department then re-inspects. */
export function ApplyResumptionDialog({ enterpriseId, onClose }: { enterpriseId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [formError, setFormError] = useState<string | null>(null);
  const post = usePost([['resumptions']]);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setFormError(null);
    post.mutate({ path: '/resumptions', body: { enterpriseId, statement: v.statement } }, { onSuccess: onClose, onError: (error) => setFormError(placeServerErrors(form, error, { enterpriseId: 'statement' })) });
  };
  return (
    <Modal open title={t('cases.enforcement.apply')} onCancel={onClose} onOk={() => void submit()} confirmLoading={post.isPending} okText={t('cases.act.submit')} cancelText={t('cases.act.cancel')} destroyOnHidden>
      {formError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={formError} />}
      <Form form={form} layout="vertical">
        <Form.Item name="statement" label={t('cases.enforcement.applyStatement')} extra={t('cases.enforcement.applyHint')} rules={[{ required: true, whitespace: true, message: t('cases.enforcement.applyRequired') }]}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
