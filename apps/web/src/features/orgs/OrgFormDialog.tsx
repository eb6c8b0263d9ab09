import { ORG_TYPE_LEVELS, ORG_TYPES, regionLevel, type OrgType } from '@anjian/domain';
import { Alert, App, Descriptions, Form, Input, Modal, Radio, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIndustries, useLabels } from '../../shared/api/reference';
import { useLanguage } from '../../shared/i18n';
import { placeServerErrors } from '../../shared/ui/form-errors';
import { RegionPicker } from '../../shared/ui/RegionPicker';
import { useSaveOrg, type OrgData } from './orgs.api';

interface Values {
  regionCode?: string;
  type?: OrgType;
  name: string;
  industries: string[];
  status: 'active' | 'inactive';
}

/** Types that may sit at the level of the chosen region (public is created by the platform only). */
function typesForRegion(code: string | undefined): OrgType[] {
  if (!code) return [];
  const level = regionLevel(code);
  return ORG_TYPES.filter((type) => type !== 'public' && ORG_TYPE_LEVELS[type].includes(level));
}

/** Mounted only while open, so every opening starts from a fresh form. */
export function OrgFormDialog(props: { org: OrgData | null; defaultRegion?: string; onClose: () => void }) {
  const { org, defaultRegion, onClose } = props;
  const { t } = useTranslation();
  const { language } = useLanguage();
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const save = useSaveOrg();
  const industries = useIndustries();
  const regionCode = Form.useWatch('regionCode', form);
  const type = Form.useWatch('type', form) ?? org?.type;
  const allowedTypes = useMemo(() => typesForRegion(regionCode), [regionCode]);

  // A type that does not fit the newly chosen region is cleared rather than silently sent.
  useEffect(() => {
    const current = form.getFieldValue('type') as OrgType | undefined;
    if (!org && current && !allowedTypes.includes(current)) form.setFieldValue('type', undefined);
  }, [allowedTypes, org, form]);

  const submit = async () => {
    // Invalid fields show their own messages; nothing more to do here.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setFormError(null);
    const industryCodes = type === 'department' ? v.industries ?? [] : [];
    try {
      if (org) {
        await save.mutateAsync({ id: org.id, patch: { name: v.name, status: v.status, ...(org.type === 'department' ? { industries: industryCodes } : {}) } });
        void message.success(t('orgs.updated'));
      } else {
        await save.mutateAsync({ create: { regionCode: v.regionCode!, type: v.type!, name: v.name, industries: industryCodes } });
        void message.success(t('orgs.created'));
      }
      onClose();
    } catch (error) {
      setFormError(placeServerErrors(form, error));
    }
  };

  const industryOptions = (industries.data ?? [])
    .filter((i) => i.active || org?.industries.includes(i.code))
    .map((i) => ({ value: i.code, label: language === 'en-US' ? i.nameEn : i.nameZh }));

  return (
    <Modal
      open
      title={org ? t('orgs.editTitle') : t('orgs.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      {org && (
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'type', label: t('orgs.type'), children: labels.orgType(org.type) },
            { key: 'region', label: t('orgs.region'), children: `${org.regionName} (${org.regionCode})` },
          ]}
        />
      )}
      <Form
        form={form}
        name="orgForm"
        layout="vertical"
        onFinish={() => void submit()}
        initialValues={org ? { name: org.name, industries: org.industries, status: org.status } : { regionCode: defaultRegion, name: '', industries: [], status: 'active' }}
      >
        {!org && (
          <>
            <Form.Item name="regionCode" label={t('orgs.region')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('orgs.region') }) }]}>
              <RegionPicker />
            </Form.Item>
            <Form.Item
              name="type"
              label={t('orgs.type')}
              extra={regionCode && allowedTypes.length === 0 ? t('orgs.noTypeForLevel') : t('orgs.typeHint')}
              rules={[{ required: true, message: t('common.requiredSelect', { field: t('orgs.type') }) }]}
            >
              <Select
                disabled={!regionCode || allowedTypes.length === 0}
                placeholder={regionCode ? undefined : t('orgs.pickRegionFirst')}
                options={allowedTypes.map((value) => ({ value, label: labels.orgType(value) }))}
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="name" label={t('orgs.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('orgs.name') }) }, { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        {type === 'department' && (
          <Form.Item name="industries" label={t('orgs.industries')} extra={t('orgs.industriesHint')}>
            <Select mode="multiple" allowClear loading={industries.isPending} options={industryOptions} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        )}
        {org && (
          <Form.Item name="status" label={t('orgs.status')} extra={t('orgs.deactivateHint')}>
            <Radio.Group
              options={[
                { value: 'active', label: t('common.status.active') },
                { value: 'inactive', label: t('common.status.inactive') },
              ]}
            />
          </Form.Item>
        )}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
