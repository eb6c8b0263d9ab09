import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Tooltip } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../shared/api/client';
import css from './dashboard.module.css';

export interface ExportSpec {
  /** xlsx: the server's workbook; csv: built here until the server offers a workbook. */
  format: 'xlsx' | 'csv';
  run: () => Promise<void> | void;
}

/** The button that exports the figures behind a chart. */
export function ExportButton({ spec, testId }: { spec: ExportSpec; testId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const click = async () => {
    setBusy(true);
    try {
      await spec.run();
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  const button = (
    <Button size="small" icon={<DownloadOutlined />} loading={busy} onClick={() => void click()} data-testid={testId}>
      {spec.format === 'xlsx' ? t('dashboard.exportExcel') : t('dashboard.exportCsv')}
    </Button>
  );
  return spec.format === 'csv' ? <Tooltip title={t('dashboard.exportCsvHint')}>{button}</Tooltip> : button;
}

export function ChartCard(props: { title: ReactNode; extra?: ReactNode; exportSpec?: ExportSpec; exportTestId?: string; children: ReactNode; testId?: string }) {
  const { title, extra, exportSpec, exportTestId, children, testId } = props;
  return (
    <Card
      size="small"
      data-testid={testId}
      style={{ height: '100%' }}
      // Long titles wrap on a phone instead of being cut off by the export button.
      styles={{ title: { whiteSpace: 'normal', overflow: 'visible' }, header: { paddingBlock: 8 } }}
      title={<h3 className={css.sectionTitle}>{title}</h3>}
      extra={
        (extra || exportSpec) && (
          <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', justifyContent: 'flex-end' }}>
            {extra}
            {exportSpec && <ExportButton spec={exportSpec} testId={exportTestId} />}
          </span>
        )
      }
    >
      {children}
    </Card>
  );
}
