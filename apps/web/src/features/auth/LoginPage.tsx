import { LockOutlined, SafetyCertificateFilled, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { errorText } from '../../shared/api/client';
import { peekSessionNotice, useLogin, useMe, type LoginInput } from '../../shared/auth/session';
import { LanguageSwitch } from '../../shared/i18n/LanguageSwitch';

export function LoginPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const notice = peekSessionNotice();

  if (me.data) return <Navigate to={from} replace />;

  const submit = (values: LoginInput) => {
    setError(null);
    login.mutate(values, {
      onSuccess: () => void navigate(from, { replace: true }),
      // INVALID_CREDENTIALS, LOGIN_LOCKED, ACCOUNT_DISABLED: the server's words say it best.
      onError: (e) => setError(errorText(e)),
    });
  };

  return (
    <Flex vertical style={{ minHeight: '100vh', background: `linear-gradient(160deg, ${token.colorPrimaryBg} 0%, ${token.colorBgLayout} 60%)` }}>
      <Flex justify="flex-end" style={{ padding: 12 }}>
        <LanguageSwitch />
      </Flex>
      <Flex flex={1} justify="center" align="flex-start" style={{ padding: '4vh 16px 48px' }}>
        {/* A plain panel rather than antd's Card, which brings its tabs along to the first page anyone opens. */}
        <div style={{ width: '100%', maxWidth: 400, padding: 'clamp(20px, 6vw, 32px)', background: token.colorBgContainer, borderRadius: token.borderRadiusLG, border: `1px solid ${token.colorBorderSecondary}` }}>
          <Flex vertical align="center" gap={8} style={{ marginBottom: 24 }}>
            <SafetyCertificateFilled style={{ fontSize: 44, color: token.colorPrimary }} />
            <Typography.Title level={3} style={{ margin: 0, textAlign: 'center' }}>
              {t('common.appTitle')}
            </Typography.Title>
            <Typography.Text type="secondary" style={{ textAlign: 'center' }}>{t('auth.loginHint')}</Typography.Text>
          </Flex>
          {notice === 'SESSION_EXPIRED' && !error && <Alert type="warning" showIcon title={t('auth.sessionExpired')} style={{ marginBottom: 16 }} />}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
          <Form<LoginInput> name="login" layout="vertical" onFinish={submit} requiredMark={false} size="large">
            <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('auth.username') }) }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('common.required', { field: t('auth.password') }) }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              {t('auth.login')}
            </Button>
          </Form>
        </div>
      </Flex>
    </Flex>
  );
}
