/**
 * Uploads: the file type is decided by the first bytes of the content, never by the name
 * or the Content-Type the client claims, so an HTML page renamed `photo.jpg` is refused.
 */
import { HttpProblem } from './problem.js';

export type UploadType = 'image/png' | 'image/jpeg' | 'image/webp' | 'application/pdf';

/** The type the content really is, or undefined when it is none of the accepted ones. */
export function sniffType(bytes: Buffer): UploadType | undefined {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') {
    return 'image/webp';
  }
  if (bytes.length >= 5 && bytes.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  return undefined;
}

export const EXTENSIONS: Record<UploadType, string> = {
  'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'application/pdf': 'pdf',
};

export interface FilePart {
  fieldName: string;
  fileName?: string;
  data: Buffer;
}

/** The boundary of a `multipart/form-data` Content-Type, or a 415 problem. */
export function multipartBoundary(contentType: string | undefined): string {
  const match = /^multipart\/form-data\s*;(?:.*;)?\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType ?? '');
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) {
    throw new HttpProblem(415, { type: 'unsupported-media-type', detail: 'Send the file as multipart/form-data.' });
  }
  return boundary;
}

/**
 * Parses a buffered multipart/form-data body (RFC 7578). Bodies here are at most a few
 * MiB, so a whole-buffer parse is simpler than a streaming one and just as safe.
 */
export function parseMultipart(body: Buffer, boundary: string): FilePart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FilePart[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw malformed();
  while (true) {
    pos += delimiter.length;
    if (body.toString('latin1', pos, pos + 2) === '--') break;
    if (body.toString('latin1', pos, pos + 2) !== '\r\n') throw malformed();
    pos += 2;
    const headerEnd = body.indexOf('\r\n\r\n', pos, 'latin1');
    if (headerEnd < 0) throw malformed();
    const headers = body.toString('utf8', pos, headerEnd);
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next < 0) throw malformed();
    const disposition = /^content-disposition:\s*form-data\s*;(.*)$/im.exec(headers)?.[1] ?? '';
    const fieldName = /(?:^|;)\s*name="([^"]*)"/i.exec(disposition)?.[1];
    const fileName = /(?:^|;)\s*filename="([^"]*)"/i.exec(disposition)?.[1];
    if (fieldName !== undefined) {
      parts.push({ fieldName, ...(fileName !== undefined ? { fileName } : {}), data: body.subarray(headerEnd + 4, next) });
    }
    pos = next + 2;
  }
  return parts;
}

function malformed(): HttpProblem {
  return new HttpProblem(400, { type: 'malformed-multipart', detail: 'The multipart body could not be read.' });
}
