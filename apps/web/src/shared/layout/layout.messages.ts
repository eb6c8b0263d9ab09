import { defineMessages } from '../i18n/define';

export const layoutMessages = defineMessages(
  {
    menu: {
      regions: '行政区划',
      orgs: '组织机构',
      routing: '三管三必须',
      users: '用户管理',
      audit: '审计日志',
    },
    openMenu: '打开菜单',
    navigation: '功能导航',
    regionPath: '所在区划',
    userMenu: '用户菜单',
    changePassword: '修改密码',
    logout: '退出登录',
    loggedOut: '已退出登录',
  },
  {
    menu: {
      regions: 'Regions',
      orgs: 'Organisations',
      routing: 'Industry supervision',
      users: 'Users',
      audit: 'Audit log',
    },
    openMenu: 'Open menu',
    navigation: 'Navigation',
    regionPath: 'Region',
    userMenu: 'User menu',
    changePassword: 'Change password',
    logout: 'Sign out',
    loggedOut: 'Signed out',
  },
);
