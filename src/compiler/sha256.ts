/**
 * sha256: SHA-256 of a text's UTF-8 bytes, in lowercase hex. Synchronous and the same in Node and the
 * browser (@noble/hashes, audited, no dependencies): the parser runs in both, and Web Crypto's digest
 * is asynchronous while node:crypto does not exist in a page.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

const utf8 = new TextEncoder();

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8.encode(text)));
}
