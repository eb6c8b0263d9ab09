import { AUDIT_ACTION_LABELS, AUDIT_FAMILIES, AUDIT_FAMILY_KEYS, auditFamilyOf, type AuditFamily } from '@anjian/domain';
import { Button, Card, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../shared/i18n';
import { shanghaiWallClockToIso } from '../../shared/ui/format';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import type { AuditFilters } from './audit.api';

interface Values {
  from?: Dayjs | null;
  to?: Dayjs | null;
  username?: string;
  action?: string;
  family?: AuditFamily;
  result?: 'success' | 'failure' | 'denied';
}

export function AuditFilterBar({ onApply }: { onApply: (filters: AuditFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const mobile = useIsMobile();
  const { pick } = useLanguage();
  const family = Form.useWatch('family', form);
  // The operations of the chosen family, in words (every action the server writes has a label).
  const actions = Object.entries(AUDIT_ACTION_LABELS)
    .filter(([action]) => !family || auditFamilyOf(action) === family)
    .map(([value, label]) => ({ value, label: pick(label) }));

  const apply = (v: Values) => {
    const { from, to } = v;
    onApply({
      from: from ? shanghaiWallClockToIso(from.format('YYYY-MM-DDTHH:mm:ss')) : undefined,
      to: to ? shanghaiWallClockToIso(to.format('YYYY-MM-DDTHH:mm:ss')) : undefined,
      username: v.username?.trim() || undefined,
      action: v.action || undefined,
      family: v.family,
      result: v.result,
    });
  };

  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form form={form} name="auditFilter" layout={mobile ? 'vertical' : 'inline'} onFinish={apply} style={{ rowGap: 12 }}>
        {/* Two pickers rather than a range picker: its double calendar does not fit a phone. */}
        <Form.Item name="from" label={t('audit.startTime')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" className="anjian-filter" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="to" label={t('audit.endTime')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" className="anjian-filter" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="username" label={t('audit.username')}>
          <Input allowClear className="anjian-filter" style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="family" label={t('audit.family')}>
          <Select
            allowClear
            className="anjian-filter"
            style={{ width: 170 }}
            placeholder={t('common.all')}
            options={AUDIT_FAMILY_KEYS.map((f) => ({ value: f, label: pick(AUDIT_FAMILIES[f].label) }))}
            onChange={() => form.setFieldValue('action', undefined)}
            data-testid="audit-family"
          />
        </Form.Item>
        <Form.Item name="action" label={t('audit.action')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            className="anjian-filter"
            style={{ width: 200 }}
            placeholder={t('common.all')}
            options={actions}
          />
        </Form.Item>
        <Form.Item name="result" label={t('audit.result')}>
          <Select
            allowClear
            className="anjian-filter"
            style={{ width: 110 }}
            placeholder={t('common.all')}
            options={(['success', 'failure', 'denied'] as const).map((value) => ({ value, label: t(`audit.results.${value}`) }))}
          />
        </Form.Item>
        <Form.Item style={{ marginBottom: 0 }}>
          <Space>
            <Button type="primary" htmlType="submit">{t('audit.query')}</Button>
            <Button onClick={() => { form.resetFields(); onApply({}); }}>{t('common.reset')}</Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}
