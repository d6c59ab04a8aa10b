/**
 * Read one member of a zip archive held in memory (stored or deflated; no
 * zip64, no encryption). Some published files are only available inside a
 * release zip, so `data:fetch` takes the member it needs from the zip.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';

export class ZipError extends Error {
  override name = 'ZipError';
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function entries(buf: Buffer): Entry[] {
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('not a zip file (no end of central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ZipError('damaged zip file (bad central directory)');
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const e: Entry = {
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
    };
    if (e.compressedSize === 0xffffffff || e.size === 0xffffffff || e.localOffset === 0xffffffff) throw new ZipError(`${e.name}: zip64 members are not supported`);
    out.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The names of every member. */
export function zipMembers(buf: Buffer): string[] {
  return entries(buf).map((e) => e.name);
}

/** The bytes of one member; a missing member or a damaged archive is a ZipError. */
export function readZipMember(buf: Buffer, name: string): Buffer {
  const e = entries(buf).find((x) => x.name === name);
  if (!e) throw new ZipError(`the zip has no member "${name}"`);
  const h = e.localOffset;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== 0x04034b50) throw new ZipError(`${name}: damaged zip file (bad local header)`);
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (data.length !== e.compressedSize) throw new ZipError(`${name}: the zip is cut short`);
  let out: Buffer;
  if (e.method === 0) out = Buffer.from(data);
  else if (e.method === 8) {
    try {
      out = inflateRawSync(data);
    } catch (err) {
      throw new ZipError(`${name}: cannot be decompressed (${(err as Error).message})`);
    }
  } else throw new ZipError(`${name}: compression method ${e.method} is not supported`);
  if (out.length !== e.size) throw new ZipError(`${name}: decompressed to ${out.length} bytes, the zip says ${e.size}`);
  return out;
}

// ------------------------------------------------------------------ writing (tests and the origin stand-in)

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** [offset, width in bytes, value] of one little-endian field of a zip header. */
type Field = [number, 2 | 4, number];

function header(size: number, fields: Field[]): Buffer {
  const b = Buffer.alloc(size);
  for (const [at, width, v] of fields) {
    if (width === 2) b.writeUInt16LE(v, at);
    else b.writeUInt32LE(v, at);
  }
  return b;
}

/** A minimal deflated zip of the given members (for tests and the local stand-in for the origins). */
export function writeZip(members: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const name = Buffer.from(m.name, 'utf8');
    const comp = deflateRawSync(m.data);
    const crc = crc32(m.data);
    // The same crc, sizes and name length sit 14 bytes into the local header and 16 into the central one.
    const sizes = (at: number): Field[] => [
      [at, 4, crc],
      [at + 4, 4, comp.length],
      [at + 8, 4, m.data.length],
      [at + 12, 2, name.length],
    ];
    const local = header(30, [[0, 4, 0x04034b50], [4, 2, 20], [8, 2, 8], ...sizes(14)]);
    const central = header(46, [[0, 4, 0x02014b50], [4, 2, 20], [6, 2, 20], [10, 2, 8], ...sizes(16), [42, 4, offset]]);
    locals.push(local, name, comp);
    centrals.push(central, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = header(22, [[0, 4, 0x06054b50], [8, 2, members.length], [10, 2, members.length], [12, 4, cd.length], [16, 4, offset]]);
  return Buffer.concat([...locals, cd, end]);
}
