import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { mapServerErrors, resolveFieldName, stripFieldPath } from './server-errors';

const detail = (field: string, message: string, reason = 'rule') => ({ field, reason, message });

describe('stripFieldPath: no internal path reaches the user', () => {
  it.each([
    ['body.username：只能包含字母、数字', 'body.username', '只能包含字母、数字'],
    ['body.deaths 不能小于 0', 'body.deaths', '不能小于 0'],
    ['body.deaths must be at least 0', 'body.deaths', 'must be at least 0'],
    ['body.plan.funds: is required', 'body.plan.funds', 'is required'],
    ['请求数据不合法：body.username, body.password', undefined, '请求数据不合法'],
    ['请求数据不合法：body.items.1.deaths', undefined, '请求数据不合法'],
    ['不允许的字段：body.grade', 'body.grade', '不允许的字段'],
    ['五落实之“资金”不能为空', 'body.plan.funds', '五落实之“资金”不能为空'],
  ])('%s → %s', (message, field, expected) => {
    expect(stripFieldPath(message, field)).toBe(expected);
  });

  it('keeps the message when nothing but the path is left', () => {
    expect(stripFieldPath('body.x', 'body.x')).toBe('body.x');
  });

  it('does not eat words that merely start like a part name', () => {
    expect(stripFieldPath('bodywork 已存在')).toBe('bodywork 已存在');
  });
});

describe('resolveFieldName: which field a server path lands on', () => {
  const values = {
    username: 'ab',
    deadline: dayjs('2026-06-01'),
    plan: { responsibility: undefined, funds: '', deadline: dayjs('2026-06-01') },
    roles: ['leader'],
    photos: [],
    safetyContacts: [{ name: '张三', phone: '1' }, { name: '李四', phone: '2' }],
  };

  it.each([
    [['username'], ['username']],
    [['deadline'], ['deadline']], // a picked date is a value, not a group of fields
    [['plan', 'funds'], ['plan', 'funds']],
    [['plan', 'responsibility'], ['plan', 'responsibility']], // registered though still empty
    [['plan', 'deadline'], ['plan', 'deadline']],
    [['roles', '0'], ['roles']], // a multi-select is one field
    [['roles', '5'], ['roles']],
    [['photos', '0'], ['photos']],
    [['safetyContacts', '1', 'phone'], ['safetyContacts', 1, 'phone']], // a Form.List row's field
  ] as const)('%j → %j', (path, name) => {
    expect(resolveFieldName(values, path)).toEqual(name);
  });

  it.each([
    [['plan']], // a group is not a field
    [['password']], // not in the form
    [['plan', 'measures']],
    [['username', 'x']],
  ])('%j → no field', (path) => {
    expect(resolveFieldName(values, path)).toBeNull();
  });

  it('puts a row that does not exist on the list itself', () => {
    expect(resolveFieldName(values, ['safetyContacts', '7', 'phone'])).toEqual(['safetyContacts']);
  });
});

describe('mapServerErrors', () => {
  const values = { username: 'a', password: 'x', roles: [], plan: { funds: '', deadline: undefined }, supervisingDepartmentId: undefined };

  it('puts each body detail on its field without the path, and keeps the rest for the alert', () => {
    const mapped = mapServerErrors(values, [
      detail('body.username', 'body.username 过短（至少 3 个字符）', 'too_small'),
      detail('body.username', 'body.username：只能包含字母、数字、点、下划线和连字符，且以字母或数字开头', 'invalid_format'),
      detail('body.plan.funds', '五落实之“资金”不能为空'),
      detail('query.orgId', '组织机构不存在或不在管辖范围内'),
      detail('body', '请求体不能为空'),
      detail('body.phone', 'body.phone：应为 11 位手机号'),
    ]);
    expect(mapped.fields).toEqual([
      { name: ['username'], errors: ['过短（至少 3 个字符）', '只能包含字母、数字、点、下划线和连字符，且以字母或数字开头'] },
      { name: ['plan', 'funds'], errors: ['五落实之“资金”不能为空'] },
    ]);
    expect(mapped.unplaced).toEqual(['组织机构不存在或不在管辖范围内', '请求体不能为空', '应为 11 位手机号']);
  });

  it('follows aliases from the rule’s name to the form’s', () => {
    const mapped = mapServerErrors(values, [detail('body.supervisingDepartment', '监管部门不能为空')], { supervisingDepartment: 'supervisingDepartmentId' });
    expect(mapped).toEqual({ fields: [{ name: ['supervisingDepartmentId'], errors: ['监管部门不能为空'] }], unplaced: [] });
  });

  it('says a repeated reason once', () => {
    const mapped = mapServerErrors(values, [detail('body.roles.0', '角色不适用'), detail('body.roles.1', '角色不适用')]);
    expect(mapped.fields).toEqual([{ name: ['roles'], errors: ['角色不适用'] }]);
  });
});
