/**
 * The linear memory of the tree readers: static data (the powers of ten), then the text of the
 * file being read (textAt), then whatever the reader takes, 8-byte aligned, grown as needed and
 * forgotten when the next text arrives.
 */

let text: usize = 0;
let textEnd: usize = 0;
let top: usize = 0;

/** Room for `bytes` more bytes, growing the memory when needed; returns where they start. */
export function take(bytes: usize): usize {
  const at = (top + 7) & ~(<usize>7);
  const end = at + bytes;
  const have = (<usize>memory.size()) << 16;
  if (end > have) {
    if (memory.grow(<i32>((end - have + 0xffff) >> 16)) < 0) unreachable();
  }
  top = end;
  return at;
}

/** Where the caller writes the file's `size` bytes; also forgets any earlier read. */
export function textAt(size: u32): usize {
  top = __heap_base;
  text = take(size);
  textEnd = text + size;
  return text;
}

export function textStart(): usize {
  return text;
}

export function textLimit(): usize {
  return textEnd;
}

/** Forgets everything taken after the text (a new read of the same text). */
export function afterText(): void {
  top = textEnd;
}

/** Whether bytes [start, end) spell `word` (an ASCII string literal). */
export function spells(start: usize, end: usize, word: string): bool {
  const n = <usize>word.length;
  if (end - start != n) return false;
  for (let k: usize = 0; k < n; k++) {
    if (<u32>load<u8>(start + k) != <u32>word.charCodeAt(<i32>k)) return false;
  }
  return true;
}

/** The value of bytes [start, end) when they are 1 to 9 decimal digits; -1 otherwise. */
export function smallInteger(start: usize, end: usize): i32 {
  if (start >= end || end - start > 9) return -1;
  let value: i32 = 0;
  for (let i = start; i < end; i++) {
    const d = <u32>load<u8>(i) - 48;
    if (d > 9) return -1;
    value = value * 10 + <i32>d;
  }
  return value;
}
