import { EnvironmentOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAncestors } from '../api/regions';

export interface PlaceViewProps {
  regionCode: string;
  /** The region's own name, shown until the path has loaded. */
  regionName: string;
  /** The address as typed (具体位置); may be empty. */
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  /** What the map app labels the point with. */
  label?: string;
  testId?: string;
}

/**
 * A place as people read it: the region path (河北省 石家庄市 长安区 …) and the typed address,
 * with the coordinates below in small print. No map is drawn: the platform ships no map data
 * and calls no external tile server; a geo: link hands the point to the device's map app.
 */
export function PlaceView({ regionCode, regionName, address, latitude, longitude, label, testId = 'place' }: PlaceViewProps) {
  const { t } = useTranslation();
  const ancestors = useAncestors(regionCode);
  // Root first; the platform root (level 0) names no place.
  const path = ancestors.data?.filter((r) => r.level >= 1).map((r) => r.name).join(' ') || regionName;
  const located = typeof latitude === 'number' && typeof longitude === 'number';
  const typed = address?.trim();
  return (
    <div data-testid={testId}>
      <div data-testid={`${testId}-text`}>
        <span>{path}</span>
        {typed ? <span> {typed}</span> : null}
      </div>
      {located && (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
          <span data-testid={`${testId}-coords`}>{t('common.place.coordinates', { lat: latitude.toFixed(5), lng: longitude.toFixed(5) })}</span>
          {' · '}
          <a href={geoUri(latitude, longitude, label ?? typed ?? path)} data-testid={`${testId}-map`}>
            <EnvironmentOutlined /> {t('common.place.openInMap')}
          </a>
        </Typography.Text>
      )}
    </div>
  );
}

/** RFC 5870 geo: URI, with the Android/iOS "q" query so the map app drops a labelled pin. */
export function geoUri(latitude: number, longitude: number, label: string): string {
  const point = `${latitude.toFixed(6)},${longitude.toFixed(6)}`;
  return `geo:${point}?q=${point}(${encodeURIComponent(label)})`;
}
