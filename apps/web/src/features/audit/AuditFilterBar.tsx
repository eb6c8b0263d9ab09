import { AutoComplete, Button, Card, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { shanghaiWallClockToIso } from '../../shared/ui/format';
import type { AuditFilters } from './audit.api';

interface Values {
  range?: [Dayjs | null, Dayjs | null] | null;
  username?: string;
  action?: string;
  result?: 'success' | 'failure' | 'denied';
}

// Prefixes of the actions the platform records today; any other prefix can still be typed.
const ACTION_PREFIXES = ['auth.', 'user.', 'role.', 'org.', 'routing.', 'industry.', 'region.'];

export function AuditFilterBar({ onApply }: { onApply: (filters: AuditFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();

  const apply = (v: Values) => {
    const [from, to] = v.range ?? [];
    onApply({
      from: from ? shanghaiWallClockToIso(from.format('YYYY-MM-DDTHH:mm:ss')) : undefined,
      to: to ? shanghaiWallClockToIso(to.format('YYYY-MM-DDTHH:mm:ss')) : undefined,
      username: v.username?.trim() || undefined,
      action: v.action?.trim() || undefined,
      result: v.result,
    });
  };

  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form form={form} layout="inline" onFinish={apply} style={{ rowGap: 12 }}>
        <Form.Item name="range" label={t('audit.timeRange')}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" placeholder={[t('audit.startTime'), t('audit.endTime')]} allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item name="username" label={t('audit.username')}>
          <Input allowClear style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="action" label={t('audit.action')}>
          <AutoComplete
            allowClear
            style={{ width: 180 }}
            placeholder={t('audit.actionPlaceholder')}
            options={ACTION_PREFIXES.map((value) => ({ value }))}
            showSearch={{ filterOption: (input, option) => !!option?.value.startsWith(input) }}
          />
        </Form.Item>
        <Form.Item name="result" label={t('audit.result')}>
          <Select
            allowClear
            style={{ width: 110 }}
            placeholder={t('common.all')}
            options={(['success', 'failure', 'denied'] as const).map((value) => ({ value, label: t(`audit.results.${value}`) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">{t('audit.query')}</Button>
        </Form.Item>
        <Form.Item>
          <Button onClick={() => { form.resetFields(); onApply({}); }}>{t('common.reset')}</Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
