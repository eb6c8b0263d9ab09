import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CreateUserBody, CreateUserResult, ResetPasswordResult, RoleList, RoleListQuery, SetRolesBody, UpdateUserBody, User, UserListQuery, UserPage, UserParams } from '@anjian/domain';
import { requireUser } from '../../platform/access/guard.js';
import type { UsersService } from './users.service.js';

export function usersRoutes(deps: { users: UsersService }): FastifyPluginAsyncZod {
  const { users } = deps;
  return async (app) => {
    const tags = ['users'];
    app.get('/api/users', {
      config: { access: 'user.read' },
      schema: { tags, summary: '用户列表 Accounts', querystring: UserListQuery, response: { 200: UserPage } },
    }, async (req) => users.list(requireUser(req), req.query));

    app.get('/api/users/:id', {
      config: { access: 'user.read' },
      schema: { tags, summary: '用户 An account', params: UserParams, response: { 200: User } },
    }, async (req) => users.get(requireUser(req), req.params.id));

    app.post('/api/users', {
      config: { access: 'user.create' },
      schema: { tags, summary: '新建用户 Create an account', body: CreateUserBody, response: { 201: CreateUserResult } },
    }, async (req, reply) => reply.status(201).send(await users.create(req.ctx, requireUser(req), req.body)));

    app.patch('/api/users/:id', {
      config: { access: 'user.update' },
      schema: { tags, summary: '修改用户 Edit an account', params: UserParams, body: UpdateUserBody, response: { 200: User } },
    }, async (req) => users.update(req.ctx, requireUser(req), req.params.id, req.body));

    app.post('/api/users/:id/disable', {
      config: { access: 'user.disable', action: 'user.disable' },
      schema: { tags, summary: '停用用户（立即终止其会话） Disable an account and end its sessions', params: UserParams, response: { 200: User } },
    }, async (req) => users.setStatus(req.ctx, requireUser(req), req.params.id, 'disabled'));

    app.post('/api/users/:id/enable', {
      config: { access: 'user.disable', action: 'user.enable' },
      schema: { tags, summary: '启用用户 Enable an account', params: UserParams, response: { 200: User } },
    }, async (req) => users.setStatus(req.ctx, requireUser(req), req.params.id, 'active'));

    app.post('/api/users/:id/reset-password', {
      config: { access: 'user.reset_password' },
      schema: { tags, summary: '重置密码 Reset the password', params: UserParams, response: { 200: ResetPasswordResult } },
    }, async (req) => users.resetPassword(req.ctx, requireUser(req), req.params.id));

    app.put('/api/users/:id/roles', {
      config: { access: 'role.assign' },
      schema: { tags, summary: '设置角色 Set roles', params: UserParams, body: SetRolesBody, response: { 200: User } },
    }, async (req) => users.setRoles(req.ctx, requireUser(req), req.params.id, req.body.roles));

    app.get('/api/roles', {
      config: { access: 'role.read' },
      schema: { tags, summary: '角色与权限，及当前用户可否授予 Roles, their permissions, and which the viewer may grant', querystring: RoleListQuery, response: { 200: RoleList } },
    }, async (req) => ({ items: await users.roles(requireUser(req), req.query.orgId) }));
  };
}
