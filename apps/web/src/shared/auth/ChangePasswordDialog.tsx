import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { placeServerErrors } from '../ui/form-errors';
import { usePasswordRules } from './password-rules';
import { useChangePassword, useCurrentUser } from './session';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Mounted only while open, so every opening starts from a fresh form. */
export interface ChangePasswordDialogProps {
  onClose: () => void;
  /** First sign-in or after a reset: the dialog cannot be dismissed, only completed. */
  forced?: boolean;
  /** Shown in the footer when forced, so a user can still leave (sign out). */
  extraFooter?: React.ReactNode;
}

export function ChangePasswordDialog({ onClose, forced = false, extraFooter }: ChangePasswordDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const change = useChangePassword();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const password = usePasswordRules(me.passwordPolicy, () => me.username, t('auth.newPassword'));

  const submit = async () => {
    // Invalid fields show their own messages; nothing more to do here.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setFormError(null);
    try {
      await change.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      void message.success(t('auth.passwordChanged'));
      onClose();
    } catch (error) {
      setFormError(placeServerErrors(form, error));
    }
  };

  return (
    <Modal
      open
      title={forced ? t('auth.forcedChangeTitle') : t('auth.changePasswordTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={forced ? undefined : onClose}
      confirmLoading={change.isPending}
      closable={!forced}
      keyboard={!forced}
      mask={{ closable: !forced }}
      cancelButtonProps={forced ? { style: { display: 'none' } } : undefined}
      footer={forced ? (_, { OkBtn }) => (<>{extraFooter}<OkBtn /></>) : undefined}
    >
      {forced && <Alert type="warning" showIcon title={t('auth.forcedChangeHint')} style={{ marginBottom: 16 }} />}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} name="changePassword" layout="vertical" requiredMark onFinish={() => void submit()}>
        <Form.Item name="currentPassword" label={t('auth.currentPassword')} rules={[{ required: true, message: t('common.required', { field: t('auth.currentPassword') }) }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{password.hint}</Typography.Text>}
          rules={[{ required: true, message: t('common.required', { field: t('auth.newPassword') }) }, password.rule]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required', { field: t('auth.confirmPassword') }) },
            ({ getFieldValue }) => ({
              validator: (_, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
