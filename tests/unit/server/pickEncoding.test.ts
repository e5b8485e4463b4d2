// Accept-Encoding, read as browsers and proxies send it: Brotli first, then gzip; q=0 refuses an encoding.
import { describe, expect, it } from 'vitest';
import { isCompressible, pickEncoding } from '../../../server/src/http/compressedFiles.ts';

describe('pickEncoding', () => {
  it('prefers Brotli, then gzip, and honours q=0', () => {
    expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(pickEncoding('gzip, deflate')).toBe('gzip');
    expect(pickEncoding('BR;q=0.5, GZIP')).toBe('br');
    expect(pickEncoding('br;q=0, gzip;q=0.8')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip;q=0')).toBeNull();
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding('')).toBeNull();
    expect(pickEncoding(undefined)).toBeNull();
  });
});

describe('isCompressible', () => {
  it('takes text files of a kilobyte or more, and no images or fonts', () => {
    expect(isCompressible('.js', 50_000)).toBe(true);
    expect(isCompressible('.html', 1024)).toBe(true);
    expect(isCompressible('.js', 1023)).toBe(false);
    expect(isCompressible('.woff2', 50_000)).toBe(false);
    expect(isCompressible('.png', 50_000)).toBe(false);
  });
});
