import { CASE_SOURCE_LABELS, CASE_SOURCES, HAZARD_LEVEL_LABELS, type CaseSource } from '@anjian/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api/client';
import { useLanguage } from '../../shared/i18n';
import { placeServerErrors } from '../../shared/ui/form-errors';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';

interface OpenHazard { id: string; title: string; level: 'general' | 'major'; status: string; criterionClause?: string | null }

/**
 * 立案: the party, the 案由 and facts, where it came from, and the enterprise's open hazards it
 * concerns (a 重大 hazard found by an inspection is the usual reason). Opens the new case.
 */
export function FileCaseDialog({ onClose, initialEnterpriseId }: { onClose: () => void; initialEnterpriseId?: string }) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const [formError, setFormError] = useState<string | null>(null);
  const enterpriseId = Form.useWatch('enterpriseId', form) as string | undefined;
  const hazards = useQuery({
    queryKey: ['hazards', 'of-enterprise', enterpriseId],
    queryFn: () => api.get<{ items: OpenHazard[] }>('/hazards', { query: { enterpriseId, limit: 100 } }).then((r) => r.items.filter((h) => !['closed', 'rejected'].includes(h.status))),
    enabled: Boolean(enterpriseId),
  });
  const file = useMutation({
    mutationFn: (body: object) => api.post<{ id: string }>('/cases', body),
    onSuccess: (c) => {
      void client.invalidateQueries({ queryKey: ['cases'] });
      onClose();
      void navigate(`/cases/${c.id}`);
    },
  });

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setFormError(null);
    const body = { enterpriseId: v.enterpriseId, cause: v.cause, source: v.source, hazardIds: v.hazardIds ?? [], ...(v.facts ? { facts: v.facts } : {}) };
    file.mutate(body, { onError: (error) => setFormError(placeServerErrors(form, error)) });
  };

  return (
    <Modal open title={t('cases.file.title')} onCancel={onClose} onOk={() => void submit()} okText={t('cases.file.submit')} cancelText={t('cases.act.cancel')} confirmLoading={file.isPending} destroyOnHidden width={600}>
      {formError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={formError} />}
      <Form form={form} layout="vertical" initialValues={{ source: 'inspection' satisfies CaseSource, enterpriseId: initialEnterpriseId, hazardIds: [] }}
        onValuesChange={(changed) => { if ('enterpriseId' in changed) form.setFieldValue('hazardIds', []); }}>
        <Form.Item name="enterpriseId" label={t('cases.fields.enterprise')} rules={[{ required: true, message: t('cases.file.enterpriseRequired') }]}>
          <EnterpriseSelect />
        </Form.Item>
        <Form.Item name="cause" label={t('cases.fields.cause')} rules={[{ required: true, message: t('cases.file.causeRequired') }]} extra={t('cases.file.causeHint')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="facts" label={t('cases.file.facts')}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
        <Form.Item name="source" label={t('cases.file.source')}>
          <Select options={CASE_SOURCES.map((s) => ({ value: s, label: pick(CASE_SOURCE_LABELS[s]) }))} />
        </Form.Item>
        <Form.Item name="hazardIds" label={t('cases.file.hazards')} extra={enterpriseId && hazards.data?.length === 0 ? t('cases.file.noHazards') : undefined}>
          <Select mode="multiple" disabled={!enterpriseId} loading={hazards.isFetching} placeholder={enterpriseId ? undefined : t('cases.file.pickEnterpriseFirst')}
            options={(hazards.data ?? []).map((h) => ({ value: h.id, label: h.title, level: h.level }))}
            optionRender={(o) => <span data-testid="case-hazard-option">{o.data.level === 'major' && <Tag color="red">{pick(HAZARD_LEVEL_LABELS.major)}</Tag>}{o.label}</span>} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
