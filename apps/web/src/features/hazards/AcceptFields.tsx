import { Alert, Descriptions, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../shared/auth/session';
import type { HazardData } from './hazards.api';

/**
 * 验收 is a signature ("谁验收、谁签字、谁负责"): the acceptor sees who signs, for which
 * organisation, re-enters the password, and for a major hazard records 双归零 — the root
 * cause and the management loophole now closed.
 */
export function AcceptFields({ hazard }: { hazard: HazardData }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const major = hazard.level === 'major';
  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });
  return (
    <>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('hazards.signature.warning')} description={t('hazards.signature.warningDetail')} data-testid="accept-warning" />
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'by', label: t('hazards.signature.signedBy'), children: me.displayName },
          { key: 'org', label: t('hazards.signature.org'), children: me.org.name },
          { key: 'what', label: t('hazards.title'), children: `#${hazard.id} ${hazard.title}` },
        ]}
      />
      {major && (
        <>
          <Form.Item name="rootCause" label={t('hazards.acts.rootCause')} required extra={t('hazards.acts.doubleZeroHint')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="loopholeFixed" label={t('hazards.acts.loopholeFixed')} required rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </>
      )}
      <Form.Item name="comment" label={t('hazards.acts.acceptComment')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="password" label={t('hazards.signature.password')} extra={t('hazards.signature.passwordHint')} rules={[required(t('hazards.signature.password'))]}>
        <Input.Password autoComplete="current-password" data-testid="signature-password" />
      </Form.Item>
    </>
  );
}
