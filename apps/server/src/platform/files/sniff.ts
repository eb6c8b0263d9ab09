/**
 * What a file really is, from its first bytes — never from its name or declared type.
 * Each accepted type has its own size limit.
 */
export interface AcceptedType {
  mime: string;
  ext: string;
  maxBytes: number;
}

const MiB = 1024 * 1024;

export const ACCEPTED_TYPES: AcceptedType[] = [
  { mime: 'image/jpeg', ext: 'jpg', maxBytes: 10 * MiB },
  { mime: 'image/png', ext: 'png', maxBytes: 10 * MiB },
  { mime: 'image/webp', ext: 'webp', maxBytes: 10 * MiB },
  { mime: 'application/pdf', ext: 'pdf', maxBytes: 20 * MiB },
];

export const MAX_UPLOAD_BYTES = Math.max(...ACCEPTED_TYPES.map((t) => t.maxBytes));

const startsWith = (buf: Buffer, bytes: number[], offset = 0) => bytes.every((b, i) => buf[offset + i] === b);

export function sniff(head: Buffer): AcceptedType | null {
  const mime = startsWith(head, [0xff, 0xd8, 0xff])
    ? 'image/jpeg'
    : startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
      ? 'image/png'
      : startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8)
        ? 'image/webp'
        : startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])
          ? 'application/pdf'
          : null;
  return ACCEPTED_TYPES.find((t) => t.mime === mime) ?? null;
}

/** A declared type that disagrees with the content (a script named photo.jpg) is refused. */
export function declaredMatches(declared: string | undefined, actual: AcceptedType): boolean {
  if (!declared || declared === 'application/octet-stream') return true;
  const d = declared.toLowerCase().split(';')[0]!.trim();
  return d === actual.mime || (d === 'image/jpg' && actual.mime === 'image/jpeg');
}
