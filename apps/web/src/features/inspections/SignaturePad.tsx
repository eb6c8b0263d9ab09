import { Button, Flex, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A hand-written signature on the screen (finger or mouse), handed out as a PNG file when
 * something was drawn. Small on purpose: the server takes signatures up to 200 KB.
 */
export function SignaturePad({ onChange }: { onChange: (png: File | null) => void }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    const c = canvas.current!;
    const ctx = c.getContext('2d')!;
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#111';
  }, []);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return [((e.clientX - r.left) * e.currentTarget.width) / r.width, ((e.clientY - r.top) * e.currentTarget.height) / r.height] as const;
  };
  const finish = () => {
    if (!drawing.current) return;
    drawing.current = false;
    canvas.current!.toBlob((blob) => onChange(blob ? new File([blob], 'signature.png', { type: 'image/png' }) : null), 'image/png');
  };
  const clear = () => {
    const c = canvas.current!;
    c.getContext('2d')!.clearRect(0, 0, c.width, c.height);
    setDrawn(false);
    onChange(null);
  };

  return (
    <div>
      <Flex justify="space-between" align="center"><Typography.Text type="secondary">{t('inspections.record.drawSignature')}</Typography.Text>{drawn && <Button size="small" onClick={clear}>{t('inspections.record.clearSignature')}</Button>}</Flex>
      <canvas
        ref={canvas} width={600} height={200} data-testid="signature-pad"
        style={{ width: '100%', height: 120, border: '1px dashed #bbb', borderRadius: 6, touchAction: 'none', background: '#fff' }}
        onPointerDown={(e) => { drawing.current = true; setDrawn(true); const [x, y] = point(e); const ctx = e.currentTarget.getContext('2d')!; ctx.beginPath(); ctx.moveTo(x, y); }}
        onPointerMove={(e) => { if (!drawing.current) return; const [x, y] = point(e); const ctx = e.currentTarget.getContext('2d')!; ctx.lineTo(x, y); ctx.stroke(); }}
        onPointerUp={finish} onPointerLeave={finish}
      />
    </div>
  );
}
