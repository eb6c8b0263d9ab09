import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ActivateBody, ActivationBody, ActivationInfo } from '@anjian/domain';
import type { Activations } from './users.activation.js';

/**
 * The activation page's two calls. Public: the holder has no password yet, the token is the
 * credential. POST for both, so the token stays out of URLs and logs.
 */
export function activationRoutes(deps: { activations: Activations }): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['auth'];
    app.post('/api/activation', {
      config: { access: 'public', action: 'auth.activation_open' },
      schema: { tags, summary: '查看激活链接对应的账户 Whose account an activation link opens', body: ActivationBody, response: { 200: ActivationInfo } },
    }, async (req) => deps.activations.inspect(req.body.token));

    app.post('/api/activation/password', {
      config: { access: 'public', action: 'auth.activate' },
      schema: { tags, summary: '通过激活链接设置密码（一次性） Set the password through a one-time activation link', body: ActivateBody },
    }, async (req, reply) => {
      await deps.activations.activate(req.ctx, req.body.token, req.body.newPassword);
      return reply.status(204).send();
    });
  };
}
