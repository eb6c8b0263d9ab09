import { ESCALATION_LEVEL_LABELS, ESCALATION_LEVELS, escalationPath, type EscalationLevel } from '@anjian/domain';
import { SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Modal, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../shared/i18n';
import { formatDateTime } from '../../shared/ui/format';
import { placeServerErrors } from '../../shared/ui/form-errors';
import { EmptyState } from '../../shared/ui/states';
import { useEscalate, type AccidentData } from './accidents.api';
import { notFuture, shanghaiNow, toInstant } from './labels';

/** Records when a higher level received the report (逐级上报). */
function EscalationDialog({ accident, onClose }: { accident: AccidentData; onClose: () => void }) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ level: EscalationLevel; receivedAt?: Dayjs }>();
  const [formError, setFormError] = useState<string | null>(null);
  const escalate = useEscalate(accident.id);
  const received = new Set(accident.escalations.map((e) => e.level));
  const due = escalationPath(accident.grade.code).find((level) => !received.has(level));

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setFormError(null);
    try {
      await escalate.mutateAsync({ level: v.level, receivedAt: v.receivedAt ? toInstant(v.receivedAt) : undefined });
      void message.success(t('accidents.escalations.saved'));
      onClose();
    } catch (error) {
      setFormError(placeServerErrors(form, error));
    }
  };

  return (
    <Modal open title={t('accidents.escalations.add')} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => void submit()} onCancel={onClose} confirmLoading={escalate.isPending}>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      <Form form={form} name="accidentEscalation" layout="vertical" initialValues={{ level: due, receivedAt: shanghaiNow() }}>
        <Form.Item name="level" label={t('accidents.escalations.level')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('accidents.escalations.level') }) }]}>
          <Select options={ESCALATION_LEVELS.map((level) => ({ value: level, label: pick(ESCALATION_LEVEL_LABELS[level]), disabled: received.has(level) }))} />
        </Form.Item>
        <Form.Item name="receivedAt" label={t('accidents.escalations.receivedAt')} extra={t('accidents.report.beijingTime')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={notFuture} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 接报回执: which levels above the county have received the report, and when. */
export function EscalationSection({ accident }: { accident: AccidentData }) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const [open, setOpen] = useState(false);
  return (
    <>
      {accident.escalations.length === 0 ? (
        <EmptyState description={t('accidents.escalations.none')} />
      ) : (
        <Table
          rowKey="level"
          size="small"
          pagination={false}
          dataSource={accident.escalations}
          columns={[
            { key: 'level', title: t('accidents.escalations.level'), render: (_, e) => pick(e.label) },
            { key: 'at', title: t('accidents.escalations.receivedAt'), render: (_, e) => formatDateTime(e.receivedAt).slice(0, 16) },
            { key: 'by', title: t('accidents.escalations.recordedBy'), responsive: ['sm'], render: (_, e) => e.recordedBy.name },
          ]}
        />
      )}
      {accident.actions.includes('escalate') && (
        <Button icon={<SendOutlined />} style={{ marginTop: 8 }} onClick={() => setOpen(true)}>{t('accidents.escalations.add')}</Button>
      )}
      {open && <EscalationDialog accident={accident} onClose={() => setOpen(false)} />}
    </>
  );
}
