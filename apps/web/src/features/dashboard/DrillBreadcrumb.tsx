import { isWithinRegion } from '@anjian/domain';
import { Breadcrumb } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAncestors } from '../../shared/api/regions';

/** Where a drill-down leads: the user's own region opens as /dashboard, any other as /dashboard/<code>. */
export function dashboardPath(code: string, ownRegion: string, search: string): string {
  const path = code === ownRegion ? '/dashboard' : `/dashboard/${code}`;
  return search ? `${path}?${search}` : path;
}

/**
 * The way back up: the region's ancestors, clipped at the user's own region (figures above it
 * are not the user's to see). The last item is the region on screen.
 */
export function DrillBreadcrumb({ code, ownRegion, search }: { code: string; ownRegion: string; search: string }) {
  const { t } = useTranslation();
  const ancestors = useAncestors(code);
  const path = (ancestors.data ?? []).filter((r) => isWithinRegion(r.code, ownRegion));
  // At one's own region there is nowhere to go back to.
  if (path.length <= 1) return null;
  return (
    <nav aria-label={t('dashboard.drillPath')} data-testid="drill-breadcrumb">
      <Breadcrumb
        style={{ fontSize: 15 }}
        items={path.map((r, i) => ({
          key: r.code,
          title:
            i === path.length - 1 ? (
              <span data-testid={`crumb-${r.code}`} aria-current="page" style={{ color: '#141414', fontWeight: 600 }}>{r.name}</span>
            ) : (
              <Link data-testid={`crumb-${r.code}`} to={dashboardPath(r.code, ownRegion, search)}>{r.name}</Link>
            ),
        }))}
      />
    </nav>
  );
}
