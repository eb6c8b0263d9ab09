// `zod` for the web app (vite.config.ts aliases the bare specifier here). The platform's
// Content-Security-Policy has no 'unsafe-eval'; zod 4 compiles object parsers with
// `new Function` and probes for it when a schema is built, and the probe alone is a CSP
// violation. Configured here, before any module (the shared contracts included) builds a
// schema, zod runs interpreted.
import { config } from 'zod/v4/core';

config({ jitless: true });

export * from 'zod/v4';
export { z as default } from 'zod/v4';
