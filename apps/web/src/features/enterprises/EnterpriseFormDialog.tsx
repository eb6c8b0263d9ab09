import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { CONTACT_PHONE_PATTERN, ENTERPRISE_SCALES, MAX_ENTERPRISE_INDUSTRIES, MAX_SAFETY_CONTACTS, validateUscc } from '@anjian/domain';
import { Alert, App, Button, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIndustries } from '../../shared/api/reference';
import { useLanguage } from '../../shared/i18n';
import { RegionPicker } from '../../shared/ui/RegionPicker';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import { placeServerErrors } from '../../shared/ui/form-errors';
import { useHazardLabels } from '../hazards/labels';
import { useCreateEnterprise, useUpdateEnterprise, type EnterpriseData } from './enterprises.api';

interface Values {
  name: string;
  uscc: string;
  regionCode: string;
  address: string;
  industries: string[];
  scale: EnterpriseData['scale'];
  legalRepresentative: string;
  principal: string;
  actualController?: string;
  safetyContacts: { name: string; phone: string }[];
  latitude?: number | null;
  longitude?: number | null;
}

/**
 * Register or edit an enterprise. `contactsOnly`: an enterprise's own principal keeps the
 * contacts, address and location current; the registration facts stay with the government.
 * Mounted only while open, so every opening starts from a fresh form.
 */
export function EnterpriseFormDialog({ enterprise, contactsOnly = false, onClose }: { enterprise?: EnterpriseData; contactsOnly?: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const labels = useHazardLabels();
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const industries = useIndustries().data ?? [];
  const create = useCreateEnterprise();
  const update = useUpdateEnterprise();

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setFormError(null);
    const location = v.latitude != null && v.longitude != null ? { latitude: v.latitude, longitude: v.longitude } : null;
    const contacts = (v.safetyContacts ?? []).map((c) => ({ name: c.name.trim(), phone: c.phone.trim() }));
    try {
      if (contactsOnly && enterprise) {
        await update.mutateAsync({ id: enterprise.id, patch: { address: v.address.trim(), location, safetyContacts: contacts } });
      } else {
        const body = {
          name: v.name.trim(), uscc: v.uscc.trim(), regionCode: v.regionCode, address: v.address.trim(), location, industries: v.industries, scale: v.scale,
          legalRepresentative: v.legalRepresentative.trim(), principal: v.principal.trim(), actualController: v.actualController?.trim() || null, safetyContacts: contacts,
        };
        if (enterprise) await update.mutateAsync({ id: enterprise.id, patch: body });
        else await create.mutateAsync(body);
      }
      void message.success(enterprise ? t('enterprises.updated') : t('enterprises.created'));
      onClose();
    } catch (error) {
      setFormError(placeServerErrors(form, error, { 'location.latitude': 'latitude', 'location.longitude': 'longitude' }));
    }
  };

  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });
  const e = enterprise;
  return (
    <Modal
      open
      title={!e ? t('enterprises.createTitle') : contactsOnly ? t('enterprises.contactsTitle', { name: e.name }) : t('enterprises.editTitle', { name: e.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      width={mobile ? '100%' : 640}
      style={mobile ? { top: 8, maxWidth: 'calc(100vw - 16px)' } : undefined}
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        name="enterprise"
        layout="vertical"
        onFinish={() => void submit()}
        initialValues={{
          name: e?.name, uscc: e?.uscc, regionCode: e?.regionCode, address: e?.address, industries: e?.industries ?? [], scale: e?.scale ?? 'small',
          legalRepresentative: e?.legalRepresentative, principal: e?.principal, actualController: e?.actualController ?? undefined,
          safetyContacts: e?.safetyContacts ?? [], latitude: e?.location?.latitude, longitude: e?.location?.longitude,
        }}
      >
        {!contactsOnly && (
          <>
            <Form.Item name="name" label={t('enterprises.name')} rules={[required(t('enterprises.name')), { max: 100 }]}><Input maxLength={100} /></Form.Item>
            <Form.Item
              name="uscc"
              label={t('enterprises.uscc')}
              validateDebounce={300}
              rules={[required(t('enterprises.uscc')), {
                // The check the server makes (length, charset, region, check character), made as the code is typed.
                validator: async (_rule, value: unknown) => {
                  if (typeof value !== 'string' || value.trim() === '') return;
                  const result = validateUscc(value);
                  if (!result.ok) throw new Error(pick(result.message));
                },
              }]}
            >
              <Input maxLength={40} style={{ fontFamily: 'monospace' }} autoComplete="off" />
            </Form.Item>
            <Form.Item name="regionCode" label={t('enterprises.region')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('enterprises.region') }) }]}><RegionPicker /></Form.Item>
          </>
        )}
        <Form.Item name="address" label={t('enterprises.address')} rules={[required(t('enterprises.address')), { max: 200 }]}><Input maxLength={200} /></Form.Item>
        <Flex gap={12}>
          {/* Bounds as rules, not as min/max on the input: an input would clamp 60 to 54 without a word. */}
          <Form.Item name="latitude" label={t('enterprises.latitude')} style={{ flex: 1 }} rules={[{ type: 'number', min: 3, max: 54, message: t('enterprises.coordinateRange', { field: t('enterprises.latitude'), min: '3', max: '54' }) }]}><InputNumber step={0.000001} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="longitude" label={t('enterprises.longitude')} style={{ flex: 1 }} rules={[{ type: 'number', min: 73, max: 136, message: t('enterprises.coordinateRange', { field: t('enterprises.longitude'), min: '73', max: '136' }) }]}><InputNumber step={0.000001} style={{ width: '100%' }} /></Form.Item>
        </Flex>
        {!contactsOnly && (
          <>
            <Form.Item name="industries" label={t('enterprises.industries')} extra={t('enterprises.industriesHint')} rules={[{ required: true, type: 'array', min: 1, max: MAX_ENTERPRISE_INDUSTRIES, message: t('common.requiredSelect', { field: t('enterprises.industries') }) }]}>
              <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={industries.map((i) => ({ value: i.code, label: labels.industry(i.code) }))} />
            </Form.Item>
            <Form.Item name="scale" label={t('enterprises.scale')}>
              <Select options={ENTERPRISE_SCALES.map((value) => ({ value, label: labels.scale(value) }))} />
            </Form.Item>
            <Flex gap={12} wrap={mobile}>
              <Form.Item name="legalRepresentative" label={t('enterprises.legalRepresentative')} rules={[required(t('enterprises.legalRepresentative')), { max: 50 }]} style={{ flex: 1, minWidth: 160 }}><Input maxLength={50} /></Form.Item>
              <Form.Item name="principal" label={t('enterprises.principal')} rules={[required(t('enterprises.principal')), { max: 50 }]} style={{ flex: 1, minWidth: 160 }}><Input maxLength={50} /></Form.Item>
            </Flex>
            <Form.Item name="actualController" label={t('enterprises.actualController')} rules={[{ max: 50 }]}><Input maxLength={50} /></Form.Item>
          </>
        )}
        <Form.List name="safetyContacts">
          {(fields, { add, remove }) => (
            <Form.Item label={t('enterprises.safetyContacts')}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item name={[field.name, 'name']} rules={[required(t('enterprises.contactName')), { max: 30 }]} style={{ flex: 1 }}><Input placeholder={t('enterprises.contactName')} maxLength={30} /></Form.Item>
                  <Form.Item name={[field.name, 'phone']} rules={[required(t('enterprises.contactPhone')), { pattern: CONTACT_PHONE_PATTERN, message: t('enterprises.contactPhone') }]} style={{ flex: 1 }}><Input placeholder={t('enterprises.contactPhone')} inputMode="tel" /></Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('enterprises.removeContact')} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              {fields.length < MAX_SAFETY_CONTACTS && <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', phone: '' })}>{t('enterprises.addContact')}</Button>}
            </Form.Item>
          )}
        </Form.List>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
