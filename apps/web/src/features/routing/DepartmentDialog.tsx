import { regionLevel } from '@anjian/domain';
import { Alert, App, Form, Modal, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionData } from '../../shared/api/regions';
import { errorText } from '../../shared/api/client';
import { useDepartmentsOn, useRouteChange, type RoutingRow } from './routing.api';

interface Props {
  region: RegionData;
  /** Root first, the region itself last. */
  path: RegionData[];
  row: RoutingRow;
  industryName: string;
  onClose: () => void;
}

/** Mounted only while open. Departments only exist from province to county, so the candidates are the region and its ancestors at those levels. */
export function DepartmentDialog({ region, path, row, industryName, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [departmentId, setDepartmentId] = useState<string | undefined>(row.department?.id);
  const [error, setError] = useState<string | null>(null);
  const change = useRouteChange(region.code);
  const candidates = path.filter((r) => r.code !== '0' && regionLevel(r.code) <= 3).reverse();
  const results = useDepartmentsOn(candidates.map((r) => r.code), true);

  const loading = results.some((r) => r.isPending);
  const groups = candidates
    .map((r, i) => {
      const items = results[i]?.data?.items.filter((o) => o.status === 'active') ?? [];
      // Departments that already list the industry come first: they are the likely answer.
      const covers = (industries: string[]) => (industries.includes(row.industryCode) ? 0 : 1);
      items.sort((a, b) => covers(a.industries) - covers(b.industries) || a.name.localeCompare(b.name, 'zh-CN'));
      return {
        label: r.name,
        title: r.name,
        // The server accepts only a department that lists the industry; the others are shown, disabled, so the gap is visible.
        options: items.map((o) => ({
          value: o.id,
          label: o.name,
          covers: covers(o.industries) === 0,
          disabled: covers(o.industries) !== 0,
        })),
      };
    })
    .filter((g) => g.options.length > 0);
  const anyCovers = groups.some((g) => g.options.some((o) => o.covers));

  const submit = async () => {
    if (!departmentId) return;
    setError(null);
    try {
      await change.mutateAsync({ industryCode: row.industryCode, departmentId });
      void message.success(t('routing.saved'));
      onClose();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Modal
      open
      title={t('routing.setTitle', { industry: industryName })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !departmentId || (!row.inherited && departmentId === row.department?.id) }}
      confirmLoading={change.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('routing.setFor', { region: region.name, industry: industryName })}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {!loading && !anyCovers && <Alert type="info" showIcon title={t('routing.noDepartments')} style={{ marginBottom: 16 }} />}
      <Form layout="vertical">
        <Form.Item label={t('routing.pickDepartment')} required htmlFor="routing-department">
          <Select
            id="routing-department"
            value={departmentId}
            onChange={setDepartmentId}
            loading={loading}
            placeholder={t('routing.departmentPlaceholder')}
            options={groups}
            showSearch={{ optionFilterProp: 'label' }}
            optionRender={(option) => (
              <span>
                {option.label}
                {(option.data as { covers?: boolean }).covers
                  ? <Tag color="blue" style={{ marginInlineStart: 8 }}>{t('routing.coversIndustry')}</Tag>
                  : <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>{t('routing.notCovering')}</Typography.Text>}
              </span>
            )}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
