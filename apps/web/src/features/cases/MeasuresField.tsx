import { MEASURE_KINDS } from '@anjian/domain';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../shared/i18n';
import { measureLabel } from './labels';

/** The measures of a proposal or a decision: kind, legal basis, and what each kind needs. */
export function MeasuresField() {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  return (
    <Form.List name="measures">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Card key={field.key} size="small" style={{ marginBottom: 8 }} extra={<Button size="small" type="link" danger onClick={() => remove(field.name)}>{t('cases.act.removeMeasure')}</Button>}>
              <Form.Item name={[field.name, 'kind']} label={t('cases.act.kind')} rules={[{ required: true }]}>
                <Select options={MEASURE_KINDS.map((k) => ({ value: k, label: measureLabel(pick, k) }))} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) => {
                  const kind = getFieldValue(['measures', field.name, 'kind']);
                  return (
                    <>
                      {(kind === 'fine' || kind === 'confiscate') && <Form.Item name={[field.name, 'yuan']} label={t('cases.fields.amount')}><InputNumber min={0} precision={2} style={{ width: '100%' }} /></Form.Item>}
                      {(kind === 'rectify_order' || kind === 'suspend') && <Form.Item name={[field.name, 'deadline']} label={t('cases.fields.deadline')}><DatePicker style={{ width: '100%' }} /></Form.Item>}
                      {kind === 'license' && (
                        <>
                          <Form.Item name={[field.name, 'licence']} label="证照"><Input /></Form.Item>
                          <Form.Item name={[field.name, 'licenceAction']} label={t('cases.act.kind')}><Select options={[{ value: 'suspend', label: '暂扣' }, { value: 'revoke', label: '吊销' }]} /></Form.Item>
                        </>
                      )}
                    </>
                  );
                }}
              </Form.Item>
              <Form.Item name={[field.name, 'legalBasis']} label={t('cases.fields.legalBasis')}><Input placeholder="《中华人民共和国安全生产法》第…条" /></Form.Item>
              <Form.Item name={[field.name, 'content']} label={t('cases.fields.content')}><Input /></Form.Item>
            </Card>
          ))}
          <Button onClick={() => add({ kind: 'fine' })} block>{t('cases.act.addMeasure')}</Button>
        </>
      )}
    </Form.List>
  );
}

interface MeasureForm { kind: string; yuan?: number; deadline?: { format(f: string): string }; legalBasis?: string; content?: string; licence?: string; licenceAction?: string }

/** The form's measures as the API takes them: yuan → integer fen, dates as YYYY-MM-DD. */
export function toMeasures(values: MeasureForm[] | undefined) {
  return (values ?? []).map((m) => ({
    kind: m.kind, legalBasis: m.legalBasis ?? '', content: m.content || null,
    ...(m.yuan !== undefined && m.yuan !== null ? { amountFen: Math.round(m.yuan * 100) } : {}),
    ...(m.deadline ? { deadline: m.deadline.format('YYYY-MM-DD') } : {}),
    ...(m.licence ? { licence: m.licence, licenceAction: m.licenceAction ?? null } : {}),
  }));
}
