import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../shared/api/reference';
import { placeServerErrors } from '../../shared/ui/form-errors';
import { useGrantableRoles, withSeparation } from './role-options';
import { useSetRoles, useUpdateUser, type UserData } from './users.api';

/** Name and phone, or the roles: two small dialogs on one frame, since both edit one account. */
/** Mounted only while open, so every opening starts from a fresh form. */
export function UserEditDialog({ user, mode, onClose }: { user: UserData; mode: 'profile' | 'roles'; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ displayName: string; phone: string; roles: string[] }>();
  const [formError, setFormError] = useState<string | null>(null);
  const update = useUpdateUser();
  const setRoles = useSetRoles();
  const { options: roleOptions, loading: rolesLoading } = useGrantableRoles(mode === 'roles' ? user.org.id : undefined);
  const labels = useLabels();
  const chosen: string[] = Form.useWatch('roles', form) ?? user.roles;
  // A role the account holds that the viewer could not grant stays visible, so it can be removed.
  const options = withSeparation([...roleOptions, ...user.roles.filter((r) => !roleOptions.some((o) => o.value === r)).map((r) => ({ value: r, label: labels.role(r) }))], chosen);

  const submit = async () => {
    // Invalid fields show their own messages; nothing more to do here.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setFormError(null);
    try {
      if (mode === 'profile') {
        await update.mutateAsync({ id: user.id, patch: { displayName: v.displayName.trim(), phone: v.phone?.trim() ? v.phone.trim() : null } });
        void message.success(t('users.updated'));
      } else {
        await setRoles.mutateAsync({ id: user.id, roles: v.roles });
        void message.success(t('users.rolesSaved'));
      }
      onClose();
    } catch (error) {
      setFormError(placeServerErrors(form, error));
    }
  };

  return (
    <Modal
      open
      title={mode === 'profile' ? t('users.editTitle', { name: user.displayName }) : t('users.rolesTitle', { name: user.displayName })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={update.isPending || setRoles.isPending}
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} name="userEdit" layout="vertical" onFinish={() => void submit()} initialValues={{ displayName: user.displayName, phone: user.phone ?? '', roles: user.roles }}>
        {mode === 'profile' ? (
          <>
            <Form.Item label={t('users.username')} htmlFor="userEdit_username">
              <Input id="userEdit_username" value={user.username} disabled />
            </Form.Item>
            <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('users.displayName') }) }, { max: 50 }]}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="phone" label={t('users.phone')} rules={[{ pattern: /^1\d{10}$/, message: t('users.phoneInvalid') }]}>
              <Input inputMode="tel" maxLength={11} allowClear />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="roles"
            label={t('users.roles')}
            extra={t('users.rolesHint')}
            rules={[{ required: true, type: 'array', min: 1, message: t('common.requiredSelect', { field: t('users.roles') }) }]}
          >
            <Select mode="multiple" disabled={rolesLoading} loading={rolesLoading} options={options} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        )}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
