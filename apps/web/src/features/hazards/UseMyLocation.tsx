import { AimOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface Position {
  latitude: number;
  longitude: number;
}

// The server keeps points inside China's bounding box; anything else is a bad fix.
const inChina = (p: Position) => p.latitude >= 3 && p.latitude <= 54 && p.longitude >= 73 && p.longitude <= 136;
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * "使用我的位置": the browser's geolocation, asked only when the user taps. A refusal, a
 * timeout or an insecure page (geolocation needs HTTPS) is explained, never fatal — the
 * location text still describes the place.
 */
export function UseMyLocation({ value, onChange }: { value: Position | null; onChange: (p: Position | null) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const locate = () => {
    if (!('geolocation' in navigator)) {
      void message.warning(t('hazards.report.geoUnavailable'));
      return;
    }
    setBusy(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setBusy(false);
        const p = { latitude: round(pos.coords.latitude), longitude: round(pos.coords.longitude) };
        if (!inChina(p)) {
          void message.warning(t('hazards.report.geoOutside'));
          return;
        }
        onChange(p);
      },
      (error) => {
        setBusy(false);
        void message.warning(error.code === error.PERMISSION_DENIED ? t('hazards.report.geoDenied') : t('hazards.report.geoFailed'));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <Flex align="center" gap={8} wrap>
      <Button icon={<AimOutlined />} loading={busy} onClick={locate} data-testid="use-my-location">{t('hazards.report.useLocation')}</Button>
      {value && (
        <>
          <Typography.Text type="secondary" data-testid="location-coords">{t('hazards.report.located', { lat: value.latitude.toFixed(5), lng: value.longitude.toFixed(5) })}</Typography.Text>
          <Button type="text" size="small" icon={<CloseCircleOutlined />} aria-label={t('hazards.report.clearLocation')} onClick={() => onChange(null)} />
        </>
      )}
    </Flex>
  );
}
