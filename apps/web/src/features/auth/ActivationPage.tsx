import { SafetyCertificateFilled } from '@ant-design/icons';
import { ActivationInfo, DENGBAO_POLICY } from '@anjian/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Result, Spin, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, isApiError } from '../../shared/api/client';
import { LanguageSwitch } from '../../shared/i18n/LanguageSwitch';
import { useLanguage } from '../../shared/i18n';
import { placeServerErrors } from '../../shared/ui/form-errors';
import { usePasswordRules } from '../../shared/auth/password-rules';
import { formatDateTime } from '../../shared/ui/format';

/**
 * The token sits in the link's fragment (/activate#<token>), which browsers never send to a
 * server; it is read once and the address bar cleared, so it does not linger in the history.
 */
function takeToken(): string {
  const token = window.location.hash.replace(/^#/, '');
  if (token) window.history.replaceState(null, '', window.location.pathname);
  return token;
}

interface Values {
  newPassword: string;
  confirmPassword: string;
}

/** 首次激活: a system or audit administrator, granted on the server, sets its own password here. */
export function ActivationPage() {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const { token: theme_ } = theme.useToken();
  const [token] = useState(takeToken);
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const info = useQuery({
    queryKey: ['activation', token],
    queryFn: () => api.post('/activation', { token }, { schema: ActivationInfo, ignoreSessionLoss: true }),
    enabled: token !== '',
    retry: false,
    staleTime: Infinity,
  });
  const password = usePasswordRules(info.data?.passwordPolicy ?? DENGBAO_POLICY, () => info.data?.username ?? '', t('auth.newPassword'));
  const activate = useMutation({ mutationFn: (newPassword: string) => api.post('/activation/password', { token, newPassword }, { ignoreSessionLoss: true }) });

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setFormError(null);
    try {
      await activate.mutateAsync(values.newPassword);
    } catch (error) {
      setFormError(placeServerErrors(form, error));
    }
  };

  const invalid = token === '' || (info.isError && isApiError(info.error) && info.error.status === 410) || (activate.isError && isApiError(activate.error) && activate.error.status === 410);
  let body: React.ReactNode;
  if (activate.isSuccess && info.data) {
    body = <Result status="success" title={t('auth.activationDone')} subTitle={t('auth.activationDoneHint', { username: info.data.username })} extra={<Link to="/login"><Button type="primary">{t('auth.goLogin')}</Button></Link>} />;
  } else if (invalid) {
    body = <Result status="warning" title={t('auth.activationInvalid')} subTitle={token === '' ? t('auth.activationNoToken') : t('auth.activationInvalidHint')} />;
  } else if (info.isPending) {
    body = <Flex justify="center" style={{ padding: 48 }}><Spin /></Flex>;
  } else if (info.isError || !info.data) {
    body = <Alert type="error" showIcon title={isApiError(info.error) ? info.error.message : t('common.unexpectedError')} />;
  } else {
    const a = info.data;
    body = (
      <>
        <Typography.Paragraph type="secondary">{t('auth.activationIntro')}</Typography.Paragraph>
        <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }} items={[
          { key: 'account', label: t('auth.activationAccount'), children: <span data-testid="activation-username">{`${a.displayName}（${a.username}）`}</span> },
          { key: 'role', label: t('auth.activationRole'), children: pick({ zh: a.role.nameZh, en: a.role.nameEn }) },
          { key: 'org', label: t('auth.activationOrg'), children: a.org.name },
          { key: 'expires', label: t('auth.activationExpires'), children: formatDateTime(a.expiresAt) },
        ]} />
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} name="activation" layout="vertical" requiredMark onFinish={() => void submit()}>
          <input type="text" name="username" autoComplete="username" value={a.username} readOnly hidden />
          <Form.Item name="newPassword" label={t('auth.newPassword')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{password.hint}</Typography.Text>}
            rules={[{ required: true, message: t('common.required', { field: t('auth.newPassword') }) }, password.rule]}>
            <Input.Password autoComplete="new-password" autoFocus />
          </Form.Item>
          <Form.Item name="confirmPassword" label={t('auth.confirmPassword')} dependencies={['newPassword']} rules={[
            { required: true, message: t('common.required', { field: t('auth.confirmPassword') }) },
            ({ getFieldValue }) => ({ validator: (_, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch')))) }),
          ]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('auth.activationOnce')}</Typography.Paragraph>
          <Button type="primary" htmlType="submit" block loading={activate.isPending}>{t('auth.activationSubmit')}</Button>
        </Form>
      </>
    );
  }

  return (
    <Flex vertical style={{ minHeight: '100vh', background: `linear-gradient(160deg, ${theme_.colorPrimaryBg} 0%, ${theme_.colorBgLayout} 60%)` }}>
      <Flex justify="flex-end" style={{ padding: 12 }}>
        <LanguageSwitch />
      </Flex>
      <Flex flex={1} justify="center" align="flex-start" style={{ padding: '4vh 16px 48px' }}>
        <Card style={{ width: '100%', maxWidth: 480 }} styles={{ body: { padding: 'clamp(20px, 6vw, 32px)' } }}>
          <Flex vertical align="center" gap={8} style={{ marginBottom: 20 }}>
            <SafetyCertificateFilled style={{ fontSize: 40, color: theme_.colorPrimary }} />
            <Typography.Title level={3} style={{ margin: 0, textAlign: 'center' }}>{t('auth.activationTitle')}</Typography.Title>
          </Flex>
          {body}
        </Card>
      </Flex>
    </Flex>
  );
}
