import { CameraOutlined } from '@ant-design/icons';
import { defaultReportSource, HAZARD_LEVELS, HAZARD_SOURCES, canReportFrom, orgAudience, shanghaiDate, type HazardSource, type OrgType } from '@anjian/domain';
import { Alert, App, Button, Card, Collapse, Flex, Form, Input, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../shared/auth/session';
import { useEnterprise, type EnterpriseData } from '../enterprises/enterprises.api';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { placeServerErrors } from '../../shared/ui/form-errors';
import { useReportHazard } from '../hazards/hazards.api';
import { hazardPath } from '../hazards/HazardList';
import { useHazardLabels } from '../hazards/labels';
import { PhotoUpload } from '../hazards/PhotoUpload';
import { UseMyLocation, type Position } from '../hazards/UseMyLocation';

interface Values {
  photos: string[];
  location?: string;
  title: string;
  level: 'general' | 'major';
  source: HazardSource;
  enterpriseId?: string;
  description?: string;
}

/**
 * 上报隐患 from the home screen, camera first: the photo, the place (one tap on 使用我的位置),
 * a short description, 提交 — three taps and the photo. Everything else has a default (today,
 * a general hazard, the source the reporter's desk implies, its own region or enterprise) and
 * waits, collapsed, under 更多信息.
 */
export function QuickReport() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const labels = useHazardLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [position, setPosition] = useState<Position | null>(null);
  const [uploading, setUploading] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<{ id: string; title: string } | null>(null);
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<EnterpriseData | undefined>();
  const report = useReportHazard();
  const isEnterprise = me.org.type === 'enterprise';
  const own = useEnterprise(isEnterprise ? me.org.id : undefined).data;
  const audience = orgAudience(me.org.type as OrgType);
  const sources = HAZARD_SOURCES.filter((s) => canReportFrom(audience, s));
  const defaultSource = defaultReportSource(audience, me.permissions);
  const photos = Form.useWatch('photos', form) ?? [];
  const shown = open || photos.length > 0 || uploading;

  const submit = async (v: Values) => {
    setFormError(null);
    try {
      const created = await report.mutateAsync({
        title: v.title.trim(),
        level: v.level,
        source: v.source,
        enterpriseId: isEnterprise ? undefined : v.enterpriseId,
        // A picked enterprise places the hazard; otherwise the reporter's own region (a grid member's township).
        regionCode: isEnterprise || v.enterpriseId ? undefined : me.org.regionCode,
        industryCode: (isEnterprise ? own?.industries[0] : picked?.industries[0]) ?? undefined,
        foundOn: shanghaiDate(new Date()),
        location: v.location?.trim() || undefined,
        latitude: position?.latitude,
        longitude: position?.longitude,
        description: v.description?.trim() || undefined,
        photos: v.photos,
      });
      void message.success(t('home.done', { id: created.id }));
      setDone({ id: created.id, title: created.title });
      form.resetFields();
      setPosition(null);
      setPicked(undefined);
      setOpen(false);
    } catch (error) {
      setFormError(placeServerErrors(form, error));
    }
  };

  return (
    <Card size="small" data-testid="quick-report" styles={{ body: { padding: 12 } }}>
      {done && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setDone(null)}
          title={<>{t('home.done', { id: done.id })}：{done.title} <Link to={hazardPath(done.id)} data-testid="quick-report-done">{t('home.view')}</Link></>}
          style={{ marginBottom: 12 }}
        />
      )}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        name="quickReport"
        layout="vertical"
        size="large"
        onFinish={(v) => void submit(v)}
        scrollToFirstError
        initialValues={{ photos: [], level: 'general', source: defaultSource }}
      >
        <Form.Item name="photos" style={{ marginBottom: shown ? 12 : 4 }} label={shown ? t('hazards.report.photosBefore') : undefined}>
          <PhotoUpload testId="quick-photos" onBusyChange={setUploading} hero={<span>{t('home.report')}</span>} />
        </Form.Item>
        {!shown && (
          <Flex vertical align="center" gap={2}>
            <Typography.Text type="secondary"><CameraOutlined /> {t('home.reportHint')}</Typography.Text>
            <Typography.Link onClick={() => setOpen(true)} data-testid="quick-report-no-photo">{t('home.noPhoto')}</Typography.Link>
          </Flex>
        )}
        {shown && (
          <>
            <Form.Item label={t('home.location')} style={{ marginBottom: 8 }}>
              <UseMyLocation
                value={position}
                // Located: the short description is next, so the keyboard comes up without another tap.
                onChange={(p) => {
                  setPosition(p);
                  if (p) (form.getFieldInstance('title') as { focus?: () => void } | undefined)?.focus?.();
                }}
              />
            </Form.Item>
            <Form.Item name="location" rules={[{ max: 200 }]}>
              <Input maxLength={200} placeholder={t('home.locationPlaceholder')} aria-label={t('hazards.location')} />
            </Form.Item>
            <Form.Item name="title" label={t('home.summary')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('home.summary') }) }, { max: 100 }]}>
              <Input maxLength={100} placeholder={t('home.summaryPlaceholder')} data-testid="quick-title" />
            </Form.Item>
            <Collapse
              size="small"
              ghost
              style={{ marginBottom: 12 }}
              items={[{
                key: 'more',
                // Mounted while collapsed, so its fields keep their defaults and are sent.
                forceRender: true,
                label: <span data-testid="quick-more">{t('home.more')} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('home.moreHint')}</Typography.Text></span>,
                children: (
                  <>
                    <Form.Item name="level" label={t('hazards.level')} extra={t('hazards.report.levelHint')}>
                      <Radio.Group optionType="button" buttonStyle="solid" options={HAZARD_LEVELS.map((value) => ({ value, label: labels.level(value) }))} />
                    </Form.Item>
                    <Form.Item name="source" label={t('hazards.source')}>
                      <Select options={sources.map((value) => ({ value, label: labels.source(value) }))} disabled={sources.length === 1} data-testid="quick-source" />
                    </Form.Item>
                    {!isEnterprise && (
                      <Form.Item name="enterpriseId" label={t('hazards.enterprise')} extra={t('hazards.report.enterpriseHint')}>
                        <EnterpriseSelect onPick={setPicked} />
                      </Form.Item>
                    )}
                    <Form.Item name="description" label={t('hazards.description')} rules={[{ max: 2000 }]}>
                      <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('hazards.report.descriptionPlaceholder')} />
                    </Form.Item>
                  </>
                ),
              }]}
            />
            <Button type="primary" htmlType="submit" block size="large" loading={report.isPending} disabled={uploading} data-testid="quick-submit">
              {uploading ? t('hazards.photos.waiting') : t('home.submit')}
            </Button>
          </>
        )}
      </Form>
    </Card>
  );
}
