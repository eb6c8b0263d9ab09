import type { AuditWriter } from '../audit/audit.writer.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { RequestContext, SessionUser } from '../http/context.js';
import type { FileUpload } from '../http/multipart.js';
import { declaredMatches, sniff } from './sniff.js';
import type { FileStorage } from './storage.js';

export interface StoredFile {
  id: string;
  mime: string;
  size: number;
  name: string;
}

/**
 * A module whose records carry files (hazards: photos and documents). The files service does
 * not know its tables or its rules: it asks which of the module's records a file hangs on, and
 * whether the user may read one of them — the module answers with the same rule its own read
 * route applies, so a file is served exactly to those who may read its record.
 */
export interface AttachmentOwner {
  kind: string;
  /** Ids of this module's records the file is attached to ([] when none). */
  recordsWith(fileId: string): Promise<string[]>;
  mayRead(user: SessionUser, recordId: string): Promise<boolean>;
}

const tooLarge = (limitMiB: number) =>
  new AppError('PAYLOAD_TOO_LARGE', { limit: `${limitMiB} MiB` }, [{ field: 'body.file', reason: 'too_large', message: { zh: `文件超过 ${limitMiB} MiB`, en: `the file exceeds ${limitMiB} MiB` } }]);

const unsupported = (what: string) =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', { type: what }, [{
    field: 'body.file', reason: 'unsupported_type',
    message: { zh: `只接受 JPEG、PNG、WebP 图片和 PDF（收到：${what}）`, en: `only JPEG, PNG, WebP images and PDF are accepted (got: ${what})` },
  }]);

export function createFilesService(deps: { db: Database; storage: FileStorage; audit: AuditWriter; now: () => Date }) {
  const owners: AttachmentOwner[] = [];

  /** Attached: whoever may read one of its records. Not attached yet: its uploader only. */
  async function mayOpen(user: SessionUser, fileId: string, uploadedBy: string): Promise<boolean> {
    let attached = false;
    for (const owner of owners) {
      for (const recordId of await owner.recordsWith(fileId)) {
        attached = true;
        if (await owner.mayRead(user, recordId)) return true;
      }
    }
    return !attached && uploadedBy === user.id;
  }

  return {
    registerOwner(owner: AttachmentOwner) {
      owners.push(owner);
    },

    /** Reads the upload, checks what it really is and its size, stores it, records it. */
    async upload(ctx: RequestContext, user: SessionUser, part: FileUpload): Promise<StoredFile> {
      const { bytes } = part;
      if (bytes.length === 0) throw unsupported('empty file');
      const type = sniff(bytes.subarray(0, 16));
      if (!type) throw unsupported(part.mimetype || 'unknown');
      if (!declaredMatches(part.mimetype, type)) throw unsupported(`${part.mimetype} ≠ ${type.mime}`);
      if (bytes.length > type.maxBytes) throw tooLarge(type.maxBytes / 1048576);
      const sha256 = await deps.storage.put(bytes);
      const name = (part.filename || `upload.${type.ext}`).replace(/[\\/\0]/g, '_').slice(0, 200);
      return deps.db.transaction().execute(async (tx) => {
        const row = await tx
          .insertInto('files')
          .values({ sha256, mime: type.mime, size: bytes.length, name, uploaded_by: user.id, uploaded_at: deps.now() })
          .returning(['id', 'mime', 'size', 'name'])
          .executeTakeFirstOrThrow();
        await deps.audit.record(tx, ctx, { action: 'file.upload', objectType: 'file', objectId: row.id, result: 'success', statusCode: 201, details: { mime: type.mime, size: bytes.length } });
        return row;
      });
    },

    /** The file if the user may read a record it is attached to (or, unattached, uploaded it); else null (404). */
    async open(user: SessionUser, fileId: string): Promise<{ path: string; mime: string; name: string; size: number } | null> {
      const row = await deps.db.selectFrom('files').selectAll().where('id', '=', fileId).executeTakeFirst();
      if (!row || !(await mayOpen(user, fileId, row.uploaded_by))) return null;
      return { path: deps.storage.pathOf(row.sha256), mime: row.mime, name: row.name, size: row.size };
    },

    /** Files the user uploaded themselves (before they are attached to anything). */
    async ownedBy(userId: string, fileIds: string[]): Promise<StoredFile[]> {
      if (fileIds.length === 0) return [];
      return deps.db.selectFrom('files').select(['id', 'mime', 'size', 'name']).where('uploaded_by', '=', userId).where('id', 'in', fileIds).execute();
    },
  };
}

export type FilesService = ReturnType<typeof createFilesService>;
