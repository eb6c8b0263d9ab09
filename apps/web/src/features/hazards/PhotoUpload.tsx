import { CameraOutlined, CloseOutlined, ExclamationCircleOutlined, PictureOutlined } from '@ant-design/icons';
import { Button, Flex, Image, Spin, Tooltip, Typography, theme } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../shared/api/client';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import { PHOTO_ACCEPT, uploadFile } from './files.api';

interface Item {
  key: string;
  name: string;
  preview: string;
  id?: string;
  error?: string;
}

export interface PhotoUploadProps {
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** Form.Item's id, so the label points at the first button. */
  id?: string;
  max?: number;
  /** For tests: the hidden inputs are `${testId}-input` and `${testId}-camera`. */
  testId?: string;
  /** True while a photo is still uploading: the form should wait before sending. */
  onBusyChange?: (busy: boolean) => void;
  /**
   * Camera first (the reporter's home): with no photo yet, one large button that opens the
   * rear camera (a file picker on a desktop), labelled with this; `${testId}-hero` for tests.
   */
  hero?: ReactNode;
}

const THUMB = 88;
let counter = 0;

/**
 * Photos as a form value (the uploaded file ids). Each file goes to POST /api/files as soon
 * as it is chosen; the form only ever holds ids the server has accepted. On a phone a second
 * button opens the rear camera directly.
 */
export function PhotoUpload({ value, onChange, id, max = 9, testId = 'photos', onBusyChange, hero }: PhotoUploadProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const mobile = useIsMobile();
  const [items, setItems] = useState<Item[]>([]);
  const pick = useRef<HTMLInputElement>(null);
  const camera = useRef<HTMLInputElement>(null);
  const latest = useRef(items);
  latest.current = items;

  // A form reset (value emptied) clears the thumbnails too.
  useEffect(() => {
    if ((value?.length ?? 0) === 0 && latest.current.some((i) => i.id)) setItems((all) => all.filter((i) => !i.id));
  }, [value]);
  useEffect(() => () => latest.current.forEach((i) => URL.revokeObjectURL(i.preview)), []);
  const busy = items.some((i) => !i.id && !i.error);
  useEffect(() => onBusyChange?.(busy), [busy, onBusyChange]);

  const publish = (next: Item[]) => onChange?.(next.flatMap((i) => (i.id ? [i.id] : [])));

  const add = (files: FileList | null) => {
    const room = max - latest.current.length;
    const chosen = [...(files ?? [])].slice(0, Math.max(0, room));
    for (const file of chosen) {
      const key = `photo-${++counter}`;
      setItems((all) => [...all, { key, name: file.name, preview: URL.createObjectURL(file) }]);
      uploadFile(file)
        .then((stored) => {
          const next = latest.current.map((i) => (i.key === key ? { ...i, id: stored.id } : i));
          setItems(next);
          publish(next);
        })
        .catch((error: unknown) => setItems((all) => all.map((i) => (i.key === key ? { ...i, error: errorText(error) } : i))));
    }
  };

  const remove = (key: string) => {
    const gone = latest.current.find((i) => i.key === key);
    if (gone) URL.revokeObjectURL(gone.preview);
    const next = latest.current.filter((i) => i.key !== key);
    setItems(next);
    publish(next);
  };

  const full = items.length >= max;
  const input = (ref: typeof pick, suffix: string, capture?: 'environment') => (
    <input
      ref={ref}
      type="file"
      style={{ display: 'none' }}
      accept={capture ? 'image/*' : PHOTO_ACCEPT}
      multiple={!capture}
      capture={capture}
      data-testid={`${testId}-${suffix}`}
      onChange={(e) => {
        add(e.target.files);
        e.target.value = '';
      }}
    />
  );

  if (hero && items.length === 0) {
    return (
      <div>
        <Button id={id} type="primary" block icon={<CameraOutlined style={{ fontSize: 32 }} />} onClick={() => camera.current?.click()} data-testid={`${testId}-hero`} style={{ height: 112, fontSize: 22, fontWeight: 600 }}>
          {hero}
        </Button>
        {input(pick, 'input')}
        {input(camera, 'camera', 'environment')}
      </div>
    );
  }

  return (
    <div>
      <Flex wrap gap={8}>
        {items.map((item) => (
          <div key={item.key} data-testid={`${testId}-thumb`} data-uploaded={item.id ? 'true' : 'false'} style={{ position: 'relative', width: THUMB, height: THUMB, borderRadius: 6, overflow: 'hidden', border: `1px solid ${item.error ? token.colorError : token.colorBorder}` }}>
            <Image src={item.preview} alt={item.name} width={THUMB} height={THUMB} style={{ objectFit: 'cover' }} />
            {!item.id && !item.error && (
              <Flex align="center" justify="center" style={{ position: 'absolute', inset: 0, background: 'rgba(255,255,255,0.6)' }}>
                <Spin size="small" />
              </Flex>
            )}
            {item.error && (
              <Tooltip title={item.error}>
                <Flex align="center" justify="center" style={{ position: 'absolute', inset: 0, background: 'rgba(255,255,255,0.7)', color: token.colorError }} aria-label={item.error}>
                  <ExclamationCircleOutlined style={{ fontSize: 22 }} />
                </Flex>
              </Tooltip>
            )}
            <Button size="small" shape="circle" icon={<CloseOutlined />} aria-label={t('hazards.photos.remove', { name: item.name })} onClick={() => remove(item.key)} style={{ position: 'absolute', top: 2, right: 2 }} />
          </div>
        ))}
      </Flex>
      <Flex gap={8} wrap style={{ marginTop: items.length ? 8 : 0 }}>
        <Button id={id} icon={<PictureOutlined />} disabled={full} onClick={() => pick.current?.click()}>{t('hazards.photos.add')}</Button>
        {mobile && <Button icon={<CameraOutlined />} disabled={full} onClick={() => camera.current?.click()}>{t('hazards.photos.camera')}</Button>}
        {input(pick, 'input')}
        {input(camera, 'camera', 'environment')}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>{t('hazards.photos.hint', { max: String(max) })}</Typography.Text>
      {items.some((i) => i.error) && <Typography.Text type="danger" role="alert" style={{ display: 'block', fontSize: 12 }}>{items.find((i) => i.error)?.error}</Typography.Text>}
    </div>
  );
}
