import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, isApiError } from '../../shared/api/client';
import { uploadFile } from '../hazards/files.api';
import type { InspectionData, useInspectionMutations } from './inspections.api';
import { SignaturePad } from './SignaturePad';

/** 签字确认: each team member's password, the enterprise's person on site (name, optional hand-written signature). */
export function SignDialog({ inspection, open, onClose, record, failed, major }: {
  inspection: InspectionData; open: boolean; onClose: () => void; record: ReturnType<typeof useInspectionMutations>['record']; failed: number; major: number;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ passwords: Record<string, string>; name: string; title?: string }>();
  const [png, setPng] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const imageFileId = png ? (await uploadFile(png)).id : undefined;
      await record.mutateAsync({
        inspectorSignatures: inspection.team.map((m) => ({ userId: m.userId, password: v.passwords[m.userId] ?? '' })),
        enterpriseSignature: { name: v.name, title: v.title || undefined, imageFileId },
      });
      onClose();
    } catch (e) {
      if (isApiError(e)) {
        const fields = e.details.flatMap((d) => {
          const m = /^body\.inspectorSignatures\.(\d+)\.password$/.exec(d.field);
          const member = m ? inspection.team[Number(m[1])] : undefined;
          return member ? [{ name: ['passwords', member.userId] as ['passwords', string], errors: [d.message] }] : [];
        });
        if (fields.length) form.setFields(fields);
      }
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={t('inspections.record.signTitle')} onCancel={onClose} onOk={() => void submit()} okText={t('inspections.record.confirm')} confirmLoading={busy} okButtonProps={{ size: 'large', danger: major > 0, ...({ 'data-testid': 'confirm-sign' } as Record<string, string>) }} destroyOnHidden>
      <Alert type={major ? 'error' : failed ? 'warning' : 'info'} showIcon style={{ marginBottom: 12 }} message={t('inspections.record.failedSummary', { failed: String(failed), major: String(major) })} description={t('inspections.record.signHint')} />
      <Form form={form} layout="vertical" size="large">
        {inspection.team.map((m) => (
          <Form.Item key={m.userId} name={['passwords', m.userId]} label={t('inspections.record.password', { name: m.name })} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" data-testid="sign-password" />
          </Form.Item>
        ))}
        <Form.Item name="name" label={t('inspections.record.enterpriseName')} rules={[{ required: true, max: 50 }]}>
          <Input data-testid="enterprise-signer" />
        </Form.Item>
        <Form.Item name="title" label={t('inspections.record.enterpriseTitle')} rules={[{ max: 50 }]}>
          <Input />
        </Form.Item>
        <SignaturePad onChange={setPng} />
      </Form>
    </Modal>
  );
}
