import { InfoCircleOutlined } from '@ant-design/icons';
import { Flex, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { ChartCard } from './ChartCard';
import { CoverageTable } from './CoverageTable';
import { useEnforcementFigures } from './enforcement.api';
import { CaseCards, InspectionCards } from './EnforcementCards';

const K = 'dashboardEnforcement';

const subTitle = { margin: '4px 0 8px', fontSize: 15 } as const;

/**
 * The dashboard's 执法 section (loaded on its own chunk, below the other sections): inspections by
 * type and the hazards they found, cases and fines, and inspection coverage against the year's
 * plans, for the dashboard's region and period. DashboardView shows it only to users who may read
 * inspections; the case cards come only when the server sent case figures (case.read).
 */
export default function EnforcementSection({ regionCode, from, to, regionPath }: { regionCode: string; from: string; to: string; regionPath: (code: string) => string }) {
  const { t } = useTranslation();
  const figures = useEnforcementFigures(regionCode, from, to);
  const title = (
    <Flex gap={8} align="center">
      {t(`${K}.title`)}
      <Tooltip title={t(`${K}.basis`)}>
        <InfoCircleOutlined tabIndex={0} aria-label={t(`${K}.basis`)} style={{ color: '#595959', fontSize: 14 }} />
      </Tooltip>
    </Flex>
  );
  return (
    <ChartCard title={title} testId="section-enforcement">
      {figures.isError ? (
        <ErrorState error={figures.error} onRetry={() => void figures.refetch()} />
      ) : !figures.data ? (
        <LoadingState />
      ) : (
        <Flex vertical gap={12} data-testid="enforcement" data-ready="true" data-region={regionCode} data-from={from} data-to={to}>
          <InspectionCards data={figures.data} />
          {figures.data.cases && (
            <div>
              <h4 style={subTitle}>{t(`${K}.cases.title`)}</h4>
              <CaseCards cases={figures.data.cases} />
            </div>
          )}
          <div>
            <h4 style={subTitle}>{t(`${K}.coverage.title`)}</h4>
            <CoverageTable data={figures.data} regionPath={regionPath} />
          </div>
        </Flex>
      )}
    </ChartCard>
  );
}
