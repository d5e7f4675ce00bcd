/**
 * A streaming ZIP writer for the .xlsx container. Each entry is read chunk by chunk,
 * compressed with the browser's native `CompressionStream('deflate-raw')` (several times
 * faster than deflate in JavaScript) and checksummed as it passes; sizes and CRC are only
 * known at the entry's end, so they follow the data in a data descriptor (general purpose
 * flag bit 3) and are repeated in the central directory. No entry is ever held whole.
 *
 * No ZIP64: an .xlsx of campaign statistics stays far below the classic format's limits (a
 * full sheet of 1,048,575 rows × 12 columns is about 450 MB of XML, 70 MB compressed). A file
 * that would pass them is refused as soon as it does, with a clear error, never written
 * corrupt. Readers do not all support ZIP64, so we do not write it for the common case either.
 */
import CRC32 from 'crc-32';

/** The largest size or offset a classic ZIP field holds: 0xFFFFFFFF itself means "see ZIP64". */
const MAX_32 = 0xffff_fffe;
/** Likewise for the entry count: 0xFFFF means "see ZIP64". */
const MAX_ENTRIES = 0xfffe;
/** Compressed output is moved into Blobs by this much, so that a large file leaves the JS heap as it grows. */
const BLOB_PART_BYTES = 4 * 1024 * 1024;

/** Bit 3: sizes and CRC in a data descriptor after the data. Bit 11: names are UTF-8. */
const FLAGS = 0x0808;
const DEFLATE = 8;
/** 2.0: the version that introduced deflate and data descriptors. */
const VERSION = 20;

/** CRC-32 (ISO 3309, as ZIP uses it) of `bytes`, continuing from `crc` (0 to start). */
function crc32(bytes: Uint8Array, crc = 0): number {
  // crc-32 reads 8 bytes a step (slicing-by-8): several times faster than a byte-wise table loop.
  return CRC32.buf(bytes, crc) >>> 0;
}

function tooLarge(what: string): Error {
  return new Error(`The Excel file cannot be written: ${what} would pass the 4 GiB limit of the ZIP format.`);
}

/** MS-DOS date and time (local, 2-second precision), the only timestamps classic ZIP headers hold. */
function dosDateTime(date: Date): { time: number; date: number } {
  const valid = !Number.isNaN(date.getTime()) && date.getFullYear() >= 1980 && date.getFullYear() <= 2107;
  const d = valid ? date : new Date(1980, 0, 1);
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

interface Entry {
  name: Uint8Array;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

export class ZipWriter {
  private readonly blobs: Blob[] = [];
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private offset = 0;
  private readonly entries: Entry[] = [];
  private readonly stamp: { time: number; date: number };
  private readonly encoder = new TextEncoder();

  /** `modified` is written as every entry's time: the same data gives the same bytes. */
  constructor(modified: Date) {
    this.stamp = dosDateTime(modified);
  }

  /** Adds an entry whose content is read from `chunks`, one chunk at a time. */
  async add(name: string, chunks: AsyncIterable<Uint8Array<ArrayBuffer>> | Iterable<Uint8Array<ArrayBuffer>>): Promise<void> {
    if (this.entries.length >= MAX_ENTRIES) throw new Error(`The Excel file cannot be written: it would hold more than ${MAX_ENTRIES} parts.`);
    const entry: Entry = { name: this.encoder.encode(name), crc: 0, compressedSize: 0, size: 0, offset: this.offset };
    this.output(this.localHeader(entry));

    const stream = new CompressionStream('deflate-raw');
    const writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    const draining = (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          entry.compressedSize += value.length;
          this.output(value);
        }
      } catch (error) {
        // Errors the writable side too, so that the loop below stops instead of waiting forever.
        await reader.cancel(error).catch(() => undefined);
        throw error;
      }
    })();
    // Handled below; this only keeps an early failure from being reported as unhandled.
    draining.catch(() => undefined);
    try {
      for await (const chunk of chunks) {
        entry.crc = crc32(chunk, entry.crc);
        entry.size += chunk.length;
        if (entry.size > MAX_32) throw tooLarge(name);
        await writer.ready;
        // Not awaited: the compressor works while the next chunk is made. Its failures
        // surface in close() or in the reader.
        writer.write(chunk).catch(() => undefined);
      }
      await writer.close();
      await draining;
    } catch (error) {
      // Frees the compressor's buffers now rather than when the stream is collected.
      await writer.abort(error).catch(() => undefined);
      throw error;
    }
    this.output(this.dataDescriptor(entry));
    this.entries.push(entry);
  }

  /** The central directory and its end record; then the whole file. */
  finish(type: string): Blob {
    const directoryOffset = this.offset;
    for (const entry of this.entries) this.output(this.directoryHeader(entry));
    const directorySize = this.offset - directoryOffset;
    const end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, this.entries.length, true);
    end.setUint16(10, this.entries.length, true);
    end.setUint32(12, directorySize, true);
    end.setUint32(16, directoryOffset, true);
    this.output(new Uint8Array(end.buffer));
    return new Blob([...this.blobs, ...(this.pending as BlobPart[])], { type });
  }

  private output(bytes: Uint8Array): void {
    this.offset += bytes.length;
    if (this.offset > MAX_32) throw tooLarge('the file');
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= BLOB_PART_BYTES) {
      this.blobs.push(new Blob(this.pending as BlobPart[]));
      this.pending = [];
      this.pendingBytes = 0;
    }
  }

  private localHeader(entry: Entry): Uint8Array {
    const bytes = new Uint8Array(30 + entry.name.length);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, 0x04034b50, true);
    view.setUint16(4, VERSION, true);
    view.setUint16(6, FLAGS, true);
    view.setUint16(8, DEFLATE, true);
    view.setUint16(10, this.stamp.time, true);
    view.setUint16(12, this.stamp.date, true);
    // CRC and sizes (14–25) stay 0: they are in the data descriptor.
    view.setUint16(26, entry.name.length, true);
    bytes.set(entry.name, 30);
    return bytes;
  }

  private dataDescriptor(entry: Entry): Uint8Array {
    const view = new DataView(new ArrayBuffer(16));
    view.setUint32(0, 0x08074b50, true);
    view.setUint32(4, entry.crc, true);
    view.setUint32(8, entry.compressedSize, true);
    view.setUint32(12, entry.size, true);
    return new Uint8Array(view.buffer);
  }

  private directoryHeader(entry: Entry): Uint8Array {
    const bytes = new Uint8Array(46 + entry.name.length);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, 0x02014b50, true);
    view.setUint16(4, VERSION, true);
    view.setUint16(6, VERSION, true);
    view.setUint16(8, FLAGS, true);
    view.setUint16(10, DEFLATE, true);
    view.setUint16(12, this.stamp.time, true);
    view.setUint16(14, this.stamp.date, true);
    view.setUint32(16, entry.crc, true);
    view.setUint32(20, entry.compressedSize, true);
    view.setUint32(24, entry.size, true);
    view.setUint16(28, entry.name.length, true);
    // Extra field, comment, disk, attributes (30–41): none.
    view.setUint32(42, entry.offset, true);
    bytes.set(entry.name, 46);
    return bytes;
  }
}
