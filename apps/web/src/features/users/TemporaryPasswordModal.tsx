import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface TemporaryPassword {
  username: string;
  displayName: string;
  password: string;
}

/** Shows a generated password exactly once; the server never returns it again. */
export function TemporaryPasswordModal({ value, onClose }: { value: TemporaryPassword | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  const copy = async () => {
    if (!value) return;
    try {
      await navigator.clipboard.writeText(value.password);
      void message.success(t('common.copied'));
    } catch {
      void message.warning(t('common.copyFailed'));
    }
  };

  return (
    <Modal
      open={!!value}
      title={t('users.tempPasswordTitle')}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={<Button type="primary" onClick={onClose}>{t('users.tempPasswordDone')}</Button>}
      destroyOnHidden
    >
      {value && (
        <>
          <Typography.Paragraph>{t('users.tempPasswordIntro', { name: value.displayName, username: value.username })}</Typography.Paragraph>
          <Space.Compact style={{ width: '100%', marginBottom: 16 }}>
            <Input
              readOnly
              value={value.password}
              aria-label={t('users.tempPasswordTitle')}
              data-testid="temporary-password"
              style={{ fontFamily: 'monospace', fontSize: 16 }}
              onFocus={(e) => e.target.select()}
            />
            <Button icon={<CopyOutlined />} onClick={() => void copy()}>{t('common.copy')}</Button>
          </Space.Compact>
          <Alert type="warning" showIcon title={t('users.tempPasswordOnce')} />
        </>
      )}
    </Modal>
  );
}
