import { USERNAME_PATTERN } from '@anjian/domain';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePasswordRules } from '../../shared/auth/password-rules';
import { useCurrentUser } from '../../shared/auth/session';
import { placeServerErrors } from '../../shared/ui/form-errors';
import { OrgSelect, type OrgOption } from '../../shared/ui/OrgSelect';
import { useGrantableRoles, withSeparation } from './role-options';
import type { TemporaryPassword } from './TemporaryPasswordModal';
import { useCreateUser } from './users.api';

interface Values {
  username: string;
  displayName: string;
  phone?: string;
  orgId?: string;
  roles: string[];
  password?: string;
}

/** Mounted only while open, so every opening starts from a fresh form. */
export function UserCreateDialog(props: { onClose: () => void; onTemporaryPassword: (value: TemporaryPassword) => void }) {
  const { onClose, onTemporaryPassword } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [org, setOrg] = useState<OrgOption | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const create = useCreateUser();
  const { options: roleOptions, loading: rolesLoading } = useGrantableRoles(org?.id);
  const chosen = Form.useWatch('roles', form) ?? [];
  const me = useCurrentUser();
  // A password given here is held to the policy the server applies (with the username typed above).
  const password = usePasswordRules(me.passwordPolicy, () => (form.getFieldValue('username') as string | undefined) ?? '', t('users.password'));

  // Roles that do not fit the newly chosen organisation are dropped, not sent to be refused.
  useEffect(() => {
    const current = (form.getFieldValue('roles') as string[] | undefined) ?? [];
    const fitting = current.filter((r) => roleOptions.some((o) => o.value === r));
    if (fitting.length !== current.length) form.setFieldValue('roles', fitting);
  }, [roleOptions, form]);

  const submit = async () => {
    // Invalid fields show their own messages; nothing more to do here.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setFormError(null);
    try {
      const result = await create.mutateAsync({
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        phone: v.phone?.trim() || undefined,
        orgId: v.orgId!,
        roles: v.roles,
        password: v.password || undefined,
      });
      void message.success(t('users.created'));
      onClose();
      if (result.temporaryPassword) {
        onTemporaryPassword({ username: result.user.username, displayName: result.user.displayName, password: result.temporaryPassword });
      }
    } catch (error) {
      setFormError(placeServerErrors(form, error));
    }
  };

  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });

  return (
    <Modal
      open
      title={t('users.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} name="userCreate" layout="vertical" onFinish={() => void submit()} initialValues={{ roles: [] }}>
        <Form.Item name="username" label={t('users.username')} extra={t('users.usernameHint')} rules={[required(t('users.username')), { min: 3, max: 32, message: t('users.usernameLength') }, { pattern: USERNAME_PATTERN, message: t('users.usernameInvalid') }]}>
          <Input autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[required(t('users.displayName')), { max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label={t('users.phone')} rules={[{ pattern: /^1\d{10}$/, message: t('users.phoneInvalid') }]}>
          <Input inputMode="tel" maxLength={11} />
        </Form.Item>
        <Form.Item name="orgId" label={t('users.org')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('users.org') }) }]}>
          <OrgSelect onPick={setOrg} activeOnly />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('users.roles')}
          extra={org && !rolesLoading && roleOptions.length === 0 ? t('users.noRolesForOrg') : t('users.rolesHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('common.requiredSelect', { field: t('users.roles') }) }]}
        >
          <Select mode="multiple" disabled={!org || rolesLoading} loading={rolesLoading} placeholder={org ? undefined : t('users.pickOrgFirst')} options={withSeparation(roleOptions, chosen)} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="password" label={t('users.password')} extra={<>{t('users.passwordHint')}<br />{password.hint}</>} dependencies={['username']} rules={[password.rule]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
