import type { IndicatorMetric } from '@anjian/domain';
import { CheckOutlined, CloseOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, InputNumber, Progress, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../shared/api/client';
import { formatDateTime } from '../../shared/ui/format';
import { useSetIndicator, type IndicatorCellData } from './indicators.api';

const COLORS = { exceeded: '#cf1322', ahead: '#d46b08', ok: '#237804' };

interface Props {
  cell: IndicatorCellData;
  regionCode: string;
  regionName: string;
  metricLabel: string;
  year: number;
  editable: boolean;
}

/** One region's cap and its use for one metric; editable in place by the level above. */
export function IndicatorCell({ cell, regionCode, regionName, metricLabel, year, editable }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const save = useSetIndicator();
  const color = cell.exceeded ? COLORS.exceeded : cell.ahead ? COLORS.ahead : COLORS.ok;
  const label = `${regionName} ${metricLabel}`;

  const commit = async () => {
    if (draft === null) return;
    try {
      await save.mutateAsync({ regionCode, year, metric: cell.metric as IndicatorMetric, cap: draft });
      void message.success(t('indicators.saved', { name: label }));
      setEditing(false);
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  if (editing) {
    return (
      <Space.Compact size="small">
        <InputNumber
          autoFocus
          min={0}
          max={10_000_000}
          precision={0}
          value={draft}
          onChange={(v) => setDraft(v)}
          onPressEnter={() => void commit()}
          aria-label={t('indicators.capOf', { name: label })}
          style={{ width: 90 }}
        />
        <Button type="primary" icon={<CheckOutlined />} loading={save.isPending} disabled={draft === null} onClick={() => void commit()} aria-label={t('common.save')} />
        <Button icon={<CloseOutlined />} onClick={() => setEditing(false)} aria-label={t('common.cancel')} />
      </Space.Compact>
    );
  }

  const setInfo = cell.setBy ? t('indicators.setBy', { org: cell.setBy.orgName, at: formatDateTime(cell.setAt).slice(0, 16) }) : undefined;
  return (
    <div data-testid={`indicator-cell-${cell.metric}`} data-cap={cell.cap ?? ''} data-actual={cell.actual} style={{ minWidth: 120 }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 4, justifyContent: 'space-between' }}>
        <Tooltip title={setInfo}>
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>
            <b style={{ fontSize: 16, color: cell.cap === null ? undefined : color }}>{cell.actual}</b>
            {' / '}
            {cell.cap === null ? <Typography.Text type="secondary">{t('indicators.notSet')}</Typography.Text> : <b>{cell.cap}</b>}
          </span>
        </Tooltip>
        {editable && (
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            aria-label={t('indicators.capOf', { name: label })}
            onClick={() => {
              setDraft(cell.cap);
              setEditing(true);
            }}
          />
        )}
      </div>
      {cell.cap !== null && (
        <Progress
          percent={Math.min(cell.percent ?? (cell.actual > 0 ? 100 : 0), 100)}
          strokeColor={color}
          size="small"
          format={() => <span style={{ color }}>{cell.percentText ?? (cell.exceeded ? t('indicators.exceeded') : '0%')}</span>}
        />
      )}
    </div>
  );
}
