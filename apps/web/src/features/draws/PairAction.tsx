import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { hasPermission, useCurrentUser } from '../../shared/auth/session';
import type { DrawData } from './draws.api';

type Pair = DrawData['pairs'][number];

/**
 * A drawn pair's link to its inspection: 查看检查 once started; 开始检查 for an inspector drawn
 * for it (the server checks again: one inspection per pair, by its drawn team).
 */
export function PairAction({ drawId, pair }: { drawId: string; pair: Pair }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  if (pair.inspectionId) return <Link to={`/inspections/${pair.inspectionId}`} data-testid="pair-inspection">{t('draws.result.view')}</Link>;
  if (!hasPermission(me, 'inspection.record') || !pair.inspectorIds.includes(me.id)) return null;
  return (
    <Button size="small" type="primary" data-testid="pair-start" onClick={() => void navigate(`/inspections/new?drawId=${drawId}&pairId=${pair.id}`)}>
      {t('draws.result.start')}
    </Button>
  );
}
