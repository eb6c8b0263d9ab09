import { App, Button, Card, Flex, Input, Radio, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../shared/api/client';
import { PhotoUpload } from '../hazards/PhotoUpload';
import { useInspectionMutations, type InspectionData } from './inspections.api';
import { StatusTag, TypeTag } from './labels';
import { SignDialog } from './SignDialog';

type Result = 'pass' | 'fail' | 'na';
interface Answer { result?: Result; note?: string; photos: string[] }

/**
 * 现场检查 (phone-first): each item a card with big 合格 / 不合格 / 不适用 buttons; a failed item
 * asks what was seen and a photo. Saved as a draft any time; signed at the end.
 */
export function RecordPage({ inspection }: { inspection: InspectionData }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mutations = useInspectionMutations(inspection.id);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [signing, setSigning] = useState(false);
  useEffect(() => {
    setAnswers(Object.fromEntries(inspection.items.map((i) => [i.key, { result: i.result ?? undefined, note: i.note ?? undefined, photos: i.photos }])));
  // The server's answers seed the form once per record; later refetches must not wipe what is being typed.
  }, [inspection.id]);
  const set = (key: string, patch: Partial<Answer>) => setAnswers((all) => ({ ...all, [key]: { ...all[key]!, ...patch } }));
  const done = Object.values(answers).filter((a) => a.result).length;
  const failed = inspection.items.filter((i) => answers[i.key]?.result === 'fail');
  const major = failed.filter((i) => i.clauseId).length;
  const body = useMemo(() => ({
    results: inspection.items.flatMap((i) => {
      const a = answers[i.key];
      return a?.result ? [{ itemKey: i.key, result: a.result, note: a.note?.trim() || undefined, photos: a.result === 'fail' ? a.photos : [] }] : [];
    }),
  }), [answers, inspection.items]);

  const save = async (quiet = false) => {
    try {
      await mutations.save.mutateAsync(body);
      if (!quiet) void message.success(t('inspections.record.saved'));
      return true;
    } catch (e) {
      void message.error(errorText(e));
      return false;
    }
  };

  return (
    <div style={{ maxWidth: 760, margin: '0 auto', paddingBottom: 88 }}>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{inspection.enterprise.name}</Typography.Title>
        <Flex gap={4} wrap style={{ marginTop: 6 }}><TypeTag type={inspection.type} /><StatusTag status={inspection.status} /><Typography.Text type="secondary">{inspection.inspectedOn} · {inspection.checklist.title}</Typography.Text></Flex>
      </Card>
      {inspection.items.map((item, n) => {
        const a = answers[item.key] ?? { photos: [] };
        return (
          <Card key={item.key} size="small" style={{ marginBottom: 10, borderColor: a.result === 'fail' ? (item.clauseId ? '#ff4d4f' : '#faad14') : undefined }} data-testid="check-item" data-item-key={item.key}>
            <Typography.Paragraph style={{ marginBottom: 4, fontSize: 15 }}>
              <Typography.Text type="secondary">{n + 1}. </Typography.Text>{item.text}
            </Typography.Paragraph>
            {item.clauseCitation && <Tag color="red" style={{ whiteSpace: 'normal', marginBottom: 4 }}>{t('inspections.record.major')}：{item.clauseCitation}</Tag>}
            {!item.clauseCitation && <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginBottom: 4 }}>{t('inspections.record.basis')}：{item.basis}</Typography.Text>}
            <Radio.Group
              value={a.result} onChange={(e) => set(item.key, { result: e.target.value as Result })} optionType="button" buttonStyle="solid" size="large"
              style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', marginTop: 6 }}
              options={[
                { value: 'pass', label: '合格', style: { textAlign: 'center', height: 48, lineHeight: '46px' } },
                { value: 'fail', label: '不合格', style: { textAlign: 'center', height: 48, lineHeight: '46px', ...(a.result === 'fail' ? { background: '#ff4d4f', borderColor: '#ff4d4f', color: '#fff' } : {}) } },
                { value: 'na', label: '不适用', style: { textAlign: 'center', height: 48, lineHeight: '46px' } },
              ]}
            />
            {a.result === 'fail' && (
              <div style={{ marginTop: 10 }}>
                <Input.TextArea value={a.note} onChange={(e) => set(item.key, { note: e.target.value })} placeholder={t('inspections.record.notePlaceholder')} autoSize={{ minRows: 2 }} maxLength={1000} data-testid="item-note" status={a.note?.trim() ? undefined : 'warning'} />
                <div style={{ marginTop: 8 }}><PhotoUpload value={a.photos} onChange={(photos) => set(item.key, { photos })} max={3} testId={`photo-${n}`} /></div>
              </div>
            )}
          </Card>
        );
      })}
      <div style={{ position: 'fixed', left: 0, right: 0, bottom: 0, background: '#fff', borderTop: '1px solid #eee', padding: '10px 16px', zIndex: 10 }}>
        <Flex gap={8} align="center" style={{ maxWidth: 760, margin: '0 auto' }}>
          <Typography.Text strong style={{ flex: 1 }} data-testid="progress">{t('inspections.record.progress', { done: String(done), total: String(inspection.items.length) })}</Typography.Text>
          <Button size="large" loading={mutations.save.isPending} onClick={() => void save()} data-testid="save-results">{t('inspections.record.save')}</Button>
          <Button size="large" type="primary" danger={major > 0} disabled={done < inspection.items.length || !inspection.actions.includes('record')} onClick={() => void save(true).then((ok) => ok && setSigning(true))} data-testid="sign">{t('inspections.record.sign')}</Button>
        </Flex>
      </div>
      <SignDialog inspection={inspection} open={signing} onClose={() => setSigning(false)} record={mutations.record} failed={failed.length} major={major} />
    </div>
  );
}
