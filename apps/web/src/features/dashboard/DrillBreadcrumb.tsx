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
 * The one breadcrumb of the dashboard (the layout's own region path is hidden here, so the two
 * never disagree): the region's whole path from the top. Above the user's own region the names
 * are plain text (those figures are not the user's to see); from it down each is a way back.
 * The last item is the region on screen.
 */
export function DrillBreadcrumb({ code, ownRegion, search, dark }: { code: string; ownRegion: string; search: string; dark?: boolean }) {
  const { t } = useTranslation();
  const ancestors = useAncestors(code);
  const path = ancestors.data ?? [];
  if (path.length === 0) return null;
  const plain = dark ? 'rgba(255,255,255,0.65)' : '#595959';
  return (
    <nav aria-label={t('dashboard.drillPath')} data-testid="drill-breadcrumb">
      <Breadcrumb
        style={{ fontSize: 15 }}
        items={path.map((r, i) => ({
          key: r.code,
          title:
            i === path.length - 1 ? (
              <span data-testid={`crumb-${r.code}`} aria-current="page" style={{ color: dark ? '#fff' : '#141414', fontWeight: 600 }}>{r.name}</span>
            ) : isWithinRegion(r.code, ownRegion) ? (
              <Link data-testid={`crumb-${r.code}`} to={dashboardPath(r.code, ownRegion, search)}>{r.name}</Link>
            ) : (
              <span style={{ color: plain }}>{r.name}</span>
            ),
        }))}
      />
    </nav>
  );
}
