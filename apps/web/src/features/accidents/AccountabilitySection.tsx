import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/ui/format';
import { placeServerErrors } from '../../shared/ui/form-errors';
import { EmptyState } from '../../shared/ui/states';
import { useAddAccountability, type AccidentData, type AccountabilityInput } from './accidents.api';

function AccountabilityDialog({ accident, onClose }: { accident: AccidentData; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AccountabilityInput>();
  const [formError, setFormError] = useState<string | null>(null);
  const add = useAddAccountability(accident.id);
  const required = (field: string, max: number) => [{ required: true, whitespace: true, message: t('common.required', { field }) }, { max }];

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setFormError(null);
    try {
      await add.mutateAsync({ person: v.person.trim(), position: v.position?.trim() || undefined, org: v.org?.trim() || undefined, failure: v.failure.trim(), decision: v.decision.trim() });
      void message.success(t('accidents.accountability.saved'));
      onClose();
    } catch (error) {
      setFormError(placeServerErrors(form, error));
    }
  };

  return (
    <Modal open title={t('accidents.accountability.add')} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => void submit()} onCancel={onClose} confirmLoading={add.isPending}>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      <Form form={form} name="accidentAccountability" layout="vertical">
        <Form.Item name="person" label={t('accidents.accountability.person')} rules={required(t('accidents.accountability.person'), 50)}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="position" label={t('accidents.accountability.position')} rules={[{ max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="org" label={t('accidents.accountability.org')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="failure" label={t('accidents.accountability.failure')} rules={required(t('accidents.accountability.failure'), 1000)}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="decision" label={t('accidents.accountability.decision')} extra={t('accidents.accountability.decisionHint')} rules={required(t('accidents.accountability.decision'), 1000)}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 追责问责: who failed in what, and what was decided about them. */
export function AccountabilitySection({ accident }: { accident: AccidentData }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      {accident.accountability.length === 0 ? (
        <EmptyState description={t('accidents.accountability.none')} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={accident.accountability}
          columns={[
            { key: 'person', title: t('accidents.accountability.person'), render: (_, a) => <><b>{a.person}</b><div style={{ fontSize: 12, color: '#595959' }}>{[a.position, a.org].filter(Boolean).join(' · ')}</div></> },
            { key: 'failure', title: t('accidents.accountability.failure'), dataIndex: 'failure' },
            { key: 'decision', title: t('accidents.accountability.decision'), dataIndex: 'decision' },
            { key: 'at', title: t('accidents.accountability.recordedAt'), responsive: ['md'], render: (_, a) => `${formatDateTime(a.recordedAt).slice(0, 16)} ${a.recordedBy.name}` },
          ]}
        />
      )}
      {accident.actions.includes('add_accountability') && (
        <Button icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => setOpen(true)}>{t('accidents.accountability.add')}</Button>
      )}
      {open && <AccountabilityDialog accident={accident} onClose={() => setOpen(false)} />}
    </>
  );
}
